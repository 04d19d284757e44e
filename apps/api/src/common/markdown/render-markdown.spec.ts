import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { MARKDOWN_ALLOW_LIST } from '@lantern/shared-domain';
import { markdownToText, mentionsIn, renderMarkdown } from './render-markdown';

/** Every element and attribute the browser would create from this HTML. */
function elementsOf(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  const out: Array<{ tag: string; attrs: Record<string, string> }> = [];
  const parser = new Parser(
    { onopentag: (tag, attrs) => out.push({ tag, attrs }) },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

const SAFE_TAGS = new Set<string>(MARKDOWN_ALLOW_LIST.tags);

const corpus = readFileSync(join(__dirname, '../../../test/fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    expect(renderMarkdown('**Bold** and _em_\n\n- one\n- two')).toBe(
      '<p><strong>Bold</strong> and <em>em</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
    );
  });

  it('marks links noopener nofollow and keeps only safe schemes', () => {
    expect(renderMarkdown('[LA guidance](https://example.org/send)')).toContain(
      '<a href="https://example.org/send" rel="noopener nofollow">',
    );
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toMatch(/href="javascript/i);
  });

  it('allows no images: markdown shows the alt text, stored HTML loses the element', () => {
    expect(renderMarkdown('See ![the map](/uploads/abc.png) here')).toBe('<p>See the map here</p>\n');
    expect(renderMarkdown('![x](https://evil.example/t.png)')).not.toContain('<img');
    expect(renderMarkdown('[![*x*](https://evil.example/t.png)](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="noopener nofollow">x</a></p>\n',
    );
    expect(MARKDOWN_ALLOW_LIST.tags).not.toContain('img');
  });

  it('puts post headings below the page headings', () => {
    expect(renderMarkdown('# Top')).toBe('<h3>Top</h3>\n');
  });

  it.each(corpus)('leaves no script, handler or javascript: URL from %s', (payload) => {
    for (const el of elementsOf(renderMarkdown(payload))) {
      expect(SAFE_TAGS).toContain(el.tag);
      for (const [name, value] of Object.entries(el.attrs)) {
        expect(name).not.toMatch(/^on/i);
        expect(name).not.toBe('src');
        if (name === 'href') expect(value.trim()).toMatch(/^(https?:|mailto:|\/)/i);
      }
    }
  });

  it('gives plain text for snippets', () => {
    expect(markdownToText('## Title\n\nSome **bold** <b>x</b> text')).toBe('Title Some bold <b>x</b> text');
  });

  it('shows mentioned people as a mention, escaped, never inside links or code', () => {
    const html = renderMarkdown('Ask @Maria Lopez, @Sam and @Samuel. [@Sam](https://example.org) `@Sam`', [
      'Maria Lopez',
      'Sam',
    ]);
    expect(html).toContain(
      'Ask <span class="mention">@Maria Lopez</span>, <span class="mention">@Sam</span> and',
    );
    // "@Samuel" is someone else; the link and the code keep their text as it was.
    expect(html).toContain(' and @Samuel.');
    expect(html).toContain('<a href="https://example.org" rel="noopener nofollow">@Sam</a>');
    expect(html).toContain('<code>@Sam</code>');
    expect(mentionsIn(html)).toEqual(expect.arrayContaining(['Maria Lopez', 'Sam']));
    const evil = renderMarkdown('Hello @<img src=x onerror=alert(1)>', ['<img src=x onerror=alert(1)>']);
    expect(evil).toBe('<p>Hello <span class="mention">@&lt;img src=x onerror=alert(1)&gt;</span></p>\n');
    expect(mentionsIn(evil)).toEqual(['<img src=x onerror=alert(1)>']);
    // Without mentions, a span written in the source is never kept.
    expect(renderMarkdown('<span class="mention">@Sam</span>')).not.toContain('<span');
  });
});
