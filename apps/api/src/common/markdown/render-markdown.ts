import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { MARKDOWN_ALLOW_LIST } from '@lantern/shared-domain';

const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

/**
 * "@Display Name" of the people mentioned becomes <span class="mention">@Display Name</span>: only
 * in plain text (not inside links or code), built as tokens, so the name is escaped like any text.
 */
md.core.ruler.push('mentions', (state) => {
  const names = ((state.env as { mentions?: readonly string[] }).mentions ?? [])
    .filter((n) => n.trim().length > 0)
    .sort((a, b) => b.length - a.length);
  if (!names.length) return;
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Not the start of a longer word: "@Sam" is not in "@Samuel".
  const pattern = new RegExp(`@(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Array<InstanceType<typeof state.Token>> = [];
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === 'link_open') inLink++;
      if (t.type === 'link_close') inLink--;
      if (t.type !== 'text' || inLink > 0 || !pattern.test(t.content)) {
        out.push(t);
        continue;
      }
      pattern.lastIndex = 0;
      let at = 0;
      for (const m of t.content.matchAll(pattern)) {
        const text = (content: string) => {
          const tok = new state.Token('text', '', 0);
          tok.content = content;
          return tok;
        };
        if (m.index > at) out.push(text(t.content.slice(at, m.index)));
        const open = new state.Token('span_open', 'span', 1);
        open.attrSet('class', 'mention');
        out.push(open, text(m[0]), new state.Token('span_close', 'span', -1));
        at = m.index + m[0].length;
      }
      if (at < t.content.length) {
        const rest = new state.Token('text', '', 0);
        rest.content = t.content.slice(at);
        out.push(rest);
      }
    }
    block.children = out;
  }
});

/** Images are not allowed (see MARKDOWN_ALLOW_LIST): `![alt](url)` shows its alt text. */
md.renderer.rules.image = (tokens, idx, options, env, self) =>
  md.utils.escapeHtml(self.renderInlineAsText(tokens[idx]?.children ?? [], options, env));

const ALLOW = MARKDOWN_ALLOW_LIST;
const shiftHeading = (level: number) => `h${Math.min(6, level + ALLOW.headingShift)}`;

/** sanitize-html configured from the shared allow-list. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOW.tags],
  allowedClasses: Object.fromEntries(Object.entries(ALLOW.classes).map(([tag, c]) => [tag, [...c]])),
  allowedAttributes: Object.fromEntries(Object.entries(ALLOW.attributes).map(([tag, a]) => [tag, [...a]])),
  allowedSchemes: [...ALLOW.linkSchemes],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    ...Object.fromEntries([1, 2, 3, 4, 5].map((level) => [`h${level}`, shiftHeading(level)])),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: ALLOW.linkRel } }),
  },
};

/**
 * Markdown to safe HTML: raw HTML is never interpreted (markdown-it escapes it), then a sanitiser
 * keeps only what the shared MARKDOWN_ALLOW_LIST allows (no script URLs, event handlers or images).
 * The client sanitises again, from the same list, before display.
 */
export function renderMarkdown(source: string, mentions: readonly string[] = []): string {
  return sanitizeHtml(md.render(source, { mentions }), SANITIZE);
}

/** The names shown as mentions in stored HTML (so an edit keeps them). */
export function mentionsIn(html: string): string[] {
  return [...html.matchAll(/<span class="mention">@([^<]+)<\/span>/g)].map((m) =>
    m[1]!.replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '',
    ),
  );
}

/** Plain text of a markdown source (for notifications, snippets and emails): text, never to be used as HTML. */
export function markdownToText(source: string, max = 280): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
