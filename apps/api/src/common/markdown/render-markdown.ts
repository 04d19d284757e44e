import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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

/** Images may come only from Lantern's own uploads. */
export const UPLOADS_PREFIX = '/uploads/';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
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
    'span',
  ],
  allowedClasses: { span: ['mention'] },
  allowedAttributes: {
    a: ['href', 'rel', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // A post sits under the page's own h1 and h2: its headings start at h3.
    h1: 'h3',
    h2: 'h4',
    h3: 'h5',
    h4: 'h6',
    h5: 'h6',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs['src'] ?? '').startsWith(UPLOADS_PREFIX),
};

/**
 * Markdown to safe HTML: raw HTML is never interpreted (markdown-it escapes it), then an allow-list
 * sanitiser removes anything else dangerous (script URLs, event handlers, foreign images). The client
 * sanitises again before display.
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
