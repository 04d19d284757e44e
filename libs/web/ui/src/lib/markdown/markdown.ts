import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { MARKDOWN_ALLOW_LIST } from '@lantern/shared-domain';

/** The tags a post may contain: the shared allow-list, plus <mark> for highlights the client adds. */
const POST_TAGS = [...MARKDOWN_ALLOW_LIST.tags, 'mark'];
/** Attributes per tag, from the shared allow-list (`class` is checked on its own below). */
const POST_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = MARKDOWN_ALLOW_LIST.attributes;
const ANY_POST_ATTRIBUTE = [...new Set([...Object.values(POST_ATTRIBUTES).flat(), 'class'])];
/** Allowed classes: the shared list's, and the highlight the client adds. */
const POST_CLASSES: Readonly<Record<string, readonly string[]>> = {
  ...MARKDOWN_ALLOW_LIST.classes,
  mark: ['lan-pd'],
};
/** The shared list's link schemes, and paths inside Lantern ("/forum/…", never "//host"). */
const SAFE_HREF = new RegExp(`^(?:(?:${MARKDOWN_ALLOW_LIST.linkSchemes.join('|')}):|\\/(?!\\/)|#)`, 'i');

// Raw HTML is never interpreted: markdown-it escapes it. Same options as the API's renderer.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
// A post sits under the page's h1 and h2: its headings start at h3 (as the API renders them).
for (const rule of ['heading_open', 'heading_close'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + MARKDOWN_ALLOW_LIST.headingShift)}`;
    return self.renderToken(tokens, idx, options);
  };
}
// Images are not allowed (as in the API): `![alt](url)` shows its alt text.
md.renderer.rules['image'] = (tokens, idx, options, env, self) =>
  md.utils.escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], options, env));

/** One DOMPurify instance of our own, so nothing else's configuration or hooks reach it. */
let purifier: ReturnType<typeof DOMPurify> | null = null;
function purify(): ReturnType<typeof DOMPurify> {
  purifier ??= DOMPurify(window);
  return purifier;
}

export interface SanitizeOptions {
  /** Wrap these strings (personal-data findings) in <mark class="lan-pd">. */
  highlights?: readonly string[];
}

/**
 * Sanitise post HTML before it goes into the page, from the shared allow-list: only its tags,
 * attributes and classes, links only to its schemes or Lantern's own paths and marked
 * `noopener nofollow`, no images. Used on the API's bodyHtml (defence in depth) and on the live
 * preview.
 */
export function sanitizePostHtml(html: string, options: SanitizeOptions = {}): string {
  const body = purify().sanitize(html, {
    ALLOWED_TAGS: POST_TAGS,
    ALLOWED_ATTR: ANY_POST_ATTRIBUTE,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM: true,
  }) as HTMLElement;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const name of el.getAttributeNames()) {
      if (name === 'class') continue;
      if (!POST_ATTRIBUTES[tag]?.includes(name)) el.removeAttribute(name);
    }
    const cls = el.getAttribute('class');
    // Only our own classes survive: the API's mention of a person, and the highlight.
    if (cls !== null && !POST_CLASSES[tag]?.includes(cls)) el.removeAttribute('class');
  }
  for (const a of Array.from(body.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!SAFE_HREF.test(href)) a.removeAttribute('href');
    a.setAttribute('rel', MARKDOWN_ALLOW_LIST.linkRel);
  }
  for (const table of Array.from(body.querySelectorAll('table'))) scrollOnItsOwn(table);
  const highlights = options.highlights ?? [];
  if (highlights.length) highlightText(body, highlights);
  return body.innerHTML;
}

/** The live preview of a markdown source, rendered and sanitised like a stored post. */
export function renderPreview(source: string, highlights: readonly string[] = []): string {
  return sanitizePostHtml(md.render(source), { highlights });
}

/** Search snippets: text with <mark> around the matches, nothing else. */
export function sanitizeSnippet(html: string): string {
  return purify().sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] }) as string;
}

/**
 * A wide table scrolls sideways in a box of its own, never the page (WCAG 1.4.10 reflow, at 320 CSS
 * pixels): the box is reached with the keyboard (so it can be scrolled without a mouse) and named
 * after the table's first column headings.
 */
function scrollOnItsOwn(table: HTMLTableElement): void {
  const box = table.ownerDocument.createElement('div');
  box.className = 'lan-table-scroll';
  box.setAttribute('role', 'region');
  box.setAttribute('tabindex', '0');
  const headings = Array.from(table.querySelectorAll('th'))
    .map((th) => th.textContent?.trim() ?? '')
    .filter((text) => text.length > 0);
  const named = headings.slice(0, 3).join(', ') + (headings.length > 3 ? ', …' : '');
  box.setAttribute('aria-label', named ? `Table: ${named}` : 'Table');
  table.replaceWith(box);
  box.append(table);
}

/** Wrap each occurrence of the given strings in text nodes with <mark class="lan-pd">. */
function highlightText(root: HTMLElement, needles: readonly string[]): void {
  const wanted = [...new Set(needles.map((n) => n.trim()).filter((n) => n.length > 0))];
  if (!wanted.length) return;
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'g');
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const value = text.data;
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
      if (m.index > last) fragment.append(value.slice(last, m.index));
      const mark = doc.createElement('mark');
      mark.className = 'lan-pd';
      mark.textContent = m[0];
      fragment.append(mark);
      last = m.index + m[0].length;
    }
    if (last < value.length) fragment.append(value.slice(last));
    text.replaceWith(fragment);
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
