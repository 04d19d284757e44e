import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/** Images may come only from Lantern's own uploads (the API applies the same rule). */
export const UPLOADS_PREFIX = '/uploads/';

/** The tags a post may contain: the API's allow-list, plus <mark> for highlights the client adds. */
const POST_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'mark',
  // The API's <span class="mention"> around a mentioned person's name.
  'span',
];
const POST_ATTRIBUTES = ['href', 'rel', 'title', 'src', 'alt', 'start', 'align', 'class'];
/** http(s) and mailto links, and paths inside Lantern ("/forum/…", never "//host"). */
const SAFE_HREF = /^(?:https?:|mailto:|\/(?!\/)|#)/i;

// Raw HTML is never interpreted: markdown-it escapes it. Same options as the API's renderer.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
// A post sits under the page's h1 and h2: its headings start at h3 (as the API renders them).
for (const rule of ['heading_open', 'heading_close'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
    return self.renderToken(tokens, idx, options);
  };
}

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
 * Sanitise post HTML before it goes into the page: only the allow-listed tags and attributes, links
 * only to http(s), mailto or Lantern's own paths and marked `noopener nofollow`, images only from
 * /uploads/. Used on the API's bodyHtml (defence in depth) and on the live preview.
 */
export function sanitizePostHtml(html: string, options: SanitizeOptions = {}): string {
  const body = purify().sanitize(html, {
    ALLOWED_TAGS: POST_TAGS,
    ALLOWED_ATTR: POST_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM: true,
  }) as HTMLElement;
  for (const a of Array.from(body.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!SAFE_HREF.test(href)) a.removeAttribute('href');
    a.setAttribute('rel', 'noopener nofollow');
  }
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!src.startsWith(UPLOADS_PREFIX) || src.includes('..')) img.remove();
  }
  for (const el of Array.from(body.querySelectorAll('[class]'))) {
    // Only our own classes survive: the highlight, and the API's mention of a person.
    const own =
      (el.tagName === 'MARK' && el.getAttribute('class') === 'lan-pd') ||
      (el.tagName === 'SPAN' && el.getAttribute('class') === 'mention');
    if (!own) el.removeAttribute('class');
  }
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
