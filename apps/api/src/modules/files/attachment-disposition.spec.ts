import { parse } from 'content-disposition';
import { attachmentDisposition } from './http-context';

/** What a browser makes of the header: always a download, under the exact name, with an ASCII fallback. */
describe('attachmentDisposition', () => {
  const names = [
    'Report.pdf',
    'Plan — café -draft- 50%;.pdf',
    "O'Brien (1) notes.docx",
    'a"b\\c.txt',
    '日本語.pdf',
    'EHCP request template — Essex - RS Y5.docx',
  ];

  it.each(names)('downloads %j under exactly that name', (name) => {
    const header = attachmentDisposition(name);
    const parsed = parse(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters['filename']).toBe(name);
  });

  it('gives older clients a plain ASCII name without accents, quotes, percent signs or semicolons', () => {
    const fallback = (name: string) => /filename="?([^";]*)"?(;|$)/.exec(attachmentDisposition(name))?.[1];
    expect(fallback('Plan — café -draft- 50%;.pdf')).toBe('Plan cafe -draft- 50__.pdf');
    expect(fallback('a"b\\c.txt')).toBe('a_b_c.txt');
    expect(fallback('日本語.pdf')).toBe('.pdf');
    expect(fallback('日本語')).toBe('download');
    for (const name of names) expect(attachmentDisposition(name)).toMatch(/^[\x20-\x7e]*$/);
  });
});
