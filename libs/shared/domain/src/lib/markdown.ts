/**
 * The one allow-list for text people write in markdown (forum posts, library resources, comments,
 * EHCP sections), as data: the API's sanitiser (sanitize-html) and the client's (DOMPurify) are both
 * configured from it. Raw HTML in the source is never interpreted (markdown-it without `html`), so
 * this list bounds what markdown itself can produce.
 *
 * Images are not allowed: nothing serves them, and an image from elsewhere would tell another site
 * who read the post. `![alt](url)` is shown as its alt text; a stored <img> is removed.
 */
export const MARKDOWN_ALLOW_LIST = {
  /** Elements a rendered post may contain. Headings start at h3 (see `headingShift`). */
  tags: [
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
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    // A mentioned person: <span class="mention">@Name</span>, added by the API's renderer.
    'span',
  ],
  /** Attributes per element; every other attribute goes. */
  attributes: {
    a: ['href', 'rel', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  /** Classes per element; every other class goes. */
  classes: {
    span: ['mention'],
  },
  /** URL schemes a link may use. Paths inside Lantern ("/forum/…", never "//host") are allowed too. */
  linkSchemes: ['http', 'https', 'mailto'],
  /** What every link carries. */
  linkRel: 'noopener nofollow',
  /** A post sits under the page's own h1 and h2: markdown's h1 becomes h3 (at most h6). */
  headingShift: 2,
} as const satisfies {
  tags: readonly string[];
  attributes: Readonly<Record<string, readonly string[]>>;
  classes: Readonly<Record<string, readonly string[]>>;
  linkSchemes: readonly string[];
  linkRel: string;
  headingShift: number;
};

export type MarkdownTag = (typeof MARKDOWN_ALLOW_LIST.tags)[number];
