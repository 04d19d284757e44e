import { renderPreview, sanitizePostHtml, sanitizeSnippet } from './markdown';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('markdown (forum posts, library text, case notes)', () => {
  it('renders markdown and keeps raw HTML as text (markdown-it without html)', () => {
    const html = renderPreview('**bold** <script>window.__xss = 1</script>');
    const el = dom(html);
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('script')).toBeNull();
    expect(el.textContent).toContain('<script>');
  });

  it('removes scripts, event handlers and javascript: links from HTML', () => {
    const el = dom(
      sanitizePostHtml(
        '<p>hi<script>window.__xss=1</script></p><img src="/uploads/a.png" onerror="window.__xss=1">' +
          '<a href="javascript:window.__xss=1">x</a><a href="JaVaScRiPt:alert(1)">y</a>' +
          '<a href="https://example.org" onclick="window.__xss=1">ok</a><iframe src="https://example.org"></iframe>',
      ),
    );
    expect(el.querySelector('script, iframe')).toBeNull();
    expect(el.querySelector('[onerror], [onclick]')).toBeNull();
    expect(Array.from(el.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      null,
      null,
      'https://example.org',
    ]);
  });

  it('keeps the API’s mention of a person as a mention, with nothing else on it', () => {
    const el = dom(
      sanitizePostHtml(
        '<p>Ask <span class="mention" onclick="window.__xss=1">@SENCO, Holy Cross Primary</span></p>',
      ),
    );
    const mention = el.querySelector('span.mention');
    expect(mention?.textContent).toBe('@SENCO, Holy Cross Primary');
    expect(mention?.getAttribute('onclick')).toBeNull();
    // Any other class goes.
    expect(sanitizePostHtml('<span class="lan-alert">x</span>')).toBe('<span>x</span>');
  });

  it('never makes a javascript: link from markdown, and marks links noopener nofollow', () => {
    const el = dom(
      renderPreview('[a](javascript:window.__xss=1) [b](https://example.org) <https://lantern.test>'),
    );
    const links = Array.from(el.querySelectorAll('a'));
    expect(links.some((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).toBe(false);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org', 'https://lantern.test']);
    for (const a of links) expect(a.getAttribute('rel')).toBe('noopener nofollow');
  });

  it('shows no images: markdown gives the alt text, stored HTML loses the element', () => {
    const el = dom(renderPreview('See ![the plan](/uploads/plan.png) and ![x](https://evil.test/x.png)'));
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent?.trim()).toBe('See the plan and x');
    const stored = dom(sanitizePostHtml('<p>a<img src="/uploads/plan.png" alt="plan">b</p>'));
    expect(stored.querySelector('img')).toBeNull();
    expect(stored.textContent).toBe('ab');
  });

  it('keeps only the attributes the shared allow-list gives each tag', () => {
    const el = dom(
      sanitizePostHtml('<p title="t" align="left">x</p><ol start="3" href="/x"><li>y</li></ol>'),
    );
    expect(el.querySelector('p')?.getAttributeNames()).toEqual([]);
    expect(el.querySelector('ol')?.getAttributeNames()).toEqual(['start']);
  });

  it('starts headings in a post at h3, as the API does', () => {
    const el = dom(renderPreview('# One\n\n## Two'));
    expect(Array.from(el.querySelectorAll('h3, h4')).map((h) => h.tagName)).toEqual(['H3', 'H4']);
    // HTML from the API is already demoted: it is not moved again.
    expect(dom(sanitizePostHtml('<h3>x</h3>')).querySelector('h3')).not.toBeNull();
  });

  it('highlights personal-data findings in the preview', () => {
    const el = dom(renderPreview('Ring 01268 555 012 today', ['01268 555 012']));
    expect(el.querySelector('mark.lan-pd')?.textContent).toBe('01268 555 012');
  });

  it('puts a table in a box that scrolls on its own, reachable with the keyboard and named', () => {
    const el = dom(
      renderPreview(
        '| Need area | Provision | Group size | Staff |\n| --- | --- | --- | --- |\n| C&L | Reading | 1:1 | TA |',
      ),
    );
    const box = el.querySelector('div.lan-table-scroll');
    expect(box?.querySelector('table')).not.toBeNull();
    expect(box?.getAttribute('role')).toBe('region');
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.getAttribute('aria-label')).toBe('Table: Need area, Provision, Group size, …');
  });

  it('keeps only <mark> in search snippets', () => {
    const el = dom(sanitizeSnippet('an <mark>annual</mark> review <img src=x onerror=alert(1)><b>x</b>'));
    expect(el.querySelectorAll('mark')).toHaveLength(1);
    expect(el.querySelector('img, b')).toBeNull();
  });
});
