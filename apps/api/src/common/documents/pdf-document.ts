import MarkdownIt from 'markdown-it';
import PDFDocument from 'pdfkit';
import type { WordDocumentInput } from './word-document';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export const PDF_MEDIA_TYPE = 'application/pdf';

const md = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });

/** Characters the built-in PDF fonts (WinAnsi) have beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKES: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '←': '<-',
  '✓': 'v',
  '✔': 'v',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Text the built-in Helvetica and Courier can show (WinAnsi): accents that have no glyph lose them,
 * a few symbols become their ASCII look-alikes, anything else becomes "?". Control characters go.
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\t') out += ch === '\t' ? '    ' : ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code < 0x100 || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (LOOKALIKES[ch] !== undefined) out += LOOKALIKES[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((b) => (b.codePointAt(0) ?? 0) < 0x100) ? base : '?';
    }
  }
  return out;
}

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

/** A block of the page: a heading, a paragraph (possibly a list item or quote), a code block or a rule. */
type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; indent: number; marker: string | null; quote: boolean }
  | { kind: 'code'; text: string; indent: number }
  | { kind: 'rule' };

function runsOf(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  const marks = { bold: false, italic: false };
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'html_inline') runs.push({ text: t.content, ...marks });
    else if (t.type === 'code_inline') runs.push({ text: t.content, code: true });
    else if (t.type === 'softbreak' || t.type === 'hardbreak') runs.push({ text: '\n', ...marks });
    else if (t.type === 'strong_open' || t.type === 'strong_close') marks.bold = t.type === 'strong_open';
    else if (t.type === 'em_open' || t.type === 'em_close') marks.italic = t.type === 'em_open';
    else if (t.type === 'image') runs.push({ text: t.content ? `[${t.content}]` : '', ...marks });
    else if (t.content) runs.push({ text: t.content, ...marks });
  }
  return runs.filter((r) => r.text);
}

/** Markdown as blocks for the PDF: the same reading of it as the .docx (lists, quotes, code, emphasis). */
export function markdownBlocks(source: string): Block[] {
  const tokens = md.parse(source.replace(/\r\n?/g, '\n'), {});
  const blocks: Block[] = [];
  const lists: Array<{ ordered: boolean; n: number; started: boolean }> = [];
  let quote = 0;
  let heading = 0;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        heading = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: t.type === 'ordered_list_open',
          n: Number(t.attrGet('start') ?? 1) - 1,
          started: false,
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const l = lists[lists.length - 1];
        if (l) {
          l.n++;
          l.started = false;
        }
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'inline': {
        const runs = runsOf(t.children ?? []);
        if (heading) {
          blocks.push({ kind: 'heading', level: heading, runs });
          break;
        }
        const l = lists[lists.length - 1];
        const marker = l && !l.started ? (l.ordered ? `${l.n}.` : '•') : null;
        if (l) l.started = true;
        blocks.push({
          kind: 'paragraph',
          runs,
          indent: lists.length * 18 + quote * 14,
          marker,
          quote: quote > 0,
        });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({
          kind: 'code',
          text: t.content.replace(/\n$/, ''),
          indent: lists.length * 18 + quote * 14,
        });
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      default:
        break;
    }
  }
  return blocks;
}

const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  code: 'Courier',
} as const;
const fontOf = (r: Run) =>
  r.code
    ? FONT.code
    : r.bold && r.italic
      ? FONT.boldItalic
      : r.bold
        ? FONT.bold
        : r.italic
          ? FONT.italic
          : FONT.regular;

const MARGIN = 56;

/**
 * A PDF (pdfkit, its built-in Helvetica and Courier: nothing to install, no browser) of the same
 * input as `wordDocument`: a title, detail lines, then a heading per section with its markdown, and
 * the footer with page numbers on every page. Text outside the fonts' character set is replaced.
 */
export function pdfDocument(input: WordDocumentInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfSafe(input.title), Creator: 'Lantern', Producer: 'Lantern' },
    lang: 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  const write = (runs: Run[], size: number, x: number, opts: { base?: Partial<Run>; gap?: number } = {}) => {
    const all = runs.length ? runs : [{ text: ' ' }];
    doc.fontSize(size);
    all.forEach((r, i) => {
      doc.font(fontOf({ ...opts.base, ...r }));
      const text = pdfSafe(r.text);
      const last = i === all.length - 1;
      if (i === 0) doc.text(text, x, doc.y, { width: width - (x - MARGIN), continued: !last });
      else doc.text(text, { continued: !last });
    });
    doc.moveDown(opts.gap ?? 0.4);
  };

  write([{ text: input.title, bold: true }], 20, MARGIN, { gap: 0.6 });
  for (const d of input.details ?? [])
    write([{ text: `${d.label}: `, bold: true }, { text: d.value }], 11, MARGIN, { gap: 0.15 });
  doc.moveDown(0.5);

  for (const s of input.sections) {
    doc.moveDown(0.4);
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    write([{ text: s.heading, bold: true }], 15, MARGIN, { gap: 0.3 });
    for (const b of markdownBlocks(s.markdown)) {
      if (b.kind === 'heading')
        write(b.runs, b.level <= 1 ? 13 : 12, MARGIN, { base: { bold: true }, gap: 0.3 });
      else if (b.kind === 'rule') {
        doc
          .moveTo(MARGIN, doc.y)
          .lineTo(MARGIN + width, doc.y)
          .strokeColor('#808080')
          .stroke();
        doc.moveDown(0.5);
      } else if (b.kind === 'code') {
        doc
          .font(FONT.code)
          .fontSize(9.5)
          .text(pdfSafe(b.text), MARGIN + b.indent, doc.y, { width: width - b.indent });
        doc.moveDown(0.4);
      } else {
        const x = MARGIN + b.indent;
        if (b.marker) {
          const y = doc.y;
          doc
            .font(FONT.regular)
            .fontSize(11)
            .text(b.marker, x - 14, y, { width: 14, lineBreak: false });
          doc.y = y;
        }
        write(b.runs, 11, x, { base: b.quote ? { italic: true } : {}, gap: 0.3 });
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = `${input.footer ? `${input.footer}  ` : ''}Page ${i + 1} of ${range.count}`;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor('#4D4D4D')
      .text(pdfSafe(footer), MARGIN, doc.page.height - MARGIN + 4, { width, lineBreak: true });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
