import { ExternalHyperlink, HeadingLevel, Paragraph, TextRun } from 'docx';
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/**
 * Markdown as Word paragraphs, for any generated document (EHCP drafts, minutes, supervision
 * records). Paragraphs, headings (below the document's own section headings), bullet and numbered
 * lists as real Word lists (numbering.xml, nested up to 9 levels), bold, italic, strikethrough, code,
 * links, quotes and code blocks. Raw HTML is never interpreted. Single line breaks are kept, as
 * people type them in a text box.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

/** The numbering references `wordDocument` defines (and these paragraphs use). */
export const LIST_REFERENCES = { bullet: 'lantern-bullet', numbered: 'lantern-numbered' } as const;

/** Text safe in XML 1.0: without the control characters it forbids (docx escapes the rest). */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

type Child = TextRun | ExternalHyperlink;

function runOf(text: string, marks: Marks, breakBefore = false): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    bold: marks.bold,
    italics: marks.italics,
    strike: marks.strike,
    font: marks.code ? 'Courier New' : undefined,
    break: breakBefore ? 1 : undefined,
  });
}

/** Inline tokens as runs (links as hyperlinks that show their text). */
function inlineRuns(tokens: readonly Token[]): Child[] {
  const out: Child[] = [];
  const marks: Marks = {};
  let pendingBreak = false;
  let link: { href: string; runs: TextRun[] } | null = null;
  const push = (text: string) => {
    if (!text) return;
    const r = runOf(text, marks, pendingBreak);
    pendingBreak = false;
    if (link) link.runs.push(r);
    else out.push(r);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        push(t.content);
        break;
      case 'code_inline':
        marks.code = true;
        push(t.content);
        marks.code = false;
        break;
      case 'softbreak':
      case 'hardbreak':
        pendingBreak = true;
        break;
      case 'strong_open':
      case 'strong_close':
        marks.bold = t.type === 'strong_open';
        break;
      case 'em_open':
      case 'em_close':
        marks.italics = t.type === 'em_open';
        break;
      case 's_open':
      case 's_close':
        marks.strike = t.type === 's_open';
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        link = /^(https?:|mailto:)/i.test(href) ? { href, runs: [] } : null;
        break;
      }
      case 'link_close':
        if (link && link.runs.length)
          out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
        link = null;
        break;
      case 'image':
        push(t.content ? `[${t.content}]` : '');
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  return out;
}

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** Numbers new numbered lists so each starts at 1 (one counter per document). */
export class ListCounter {
  private next = 0;
  take(): number {
    return ++this.next;
  }
}

interface ListFrame {
  kind: 'bullet' | 'numbered';
  instance: number;
  /** The current item already has its numbered paragraph (later ones are indented only). */
  itemStarted: boolean;
}

/**
 * Word paragraphs of a markdown source. `counter` is shared by every call for one document so that
 * numbered lists do not continue each other's numbers.
 */
export function markdownToParagraphs(source: string, counter: ListCounter): Paragraph[] {
  const tokens = md.parse(source.replace(/\r\n?/g, '\n'), {});
  const out: Paragraph[] = [];
  const lists: ListFrame[] = [];
  let quote = 0;
  let heading: (typeof HEADINGS)[number] | null = null;

  const paragraph = (children: Child[], extra: { code?: boolean } = {}) => {
    const list = lists[lists.length - 1];
    const level = Math.min(lists.length - 1, 8);
    if (heading) {
      out.push(new Paragraph({ heading, children }));
      return;
    }
    if (list && !list.itemStarted) {
      list.itemStarted = true;
      out.push(
        new Paragraph({
          children,
          numbering: {
            reference: list.kind === 'bullet' ? LIST_REFERENCES.bullet : LIST_REFERENCES.numbered,
            level,
            instance: list.instance,
          },
        }),
      );
      return;
    }
    const indent = (lists.length ? 720 * lists.length : 0) + quote * 567;
    out.push(
      new Paragraph({
        children,
        indent: indent ? { left: indent } : undefined,
        style: extra.code ? 'LanternCode' : quote ? 'LanternQuote' : undefined,
      }),
    );
  };

  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open': {
        const n = Number(t.tag.slice(1));
        heading = HEADINGS[Math.min(Math.max(n - 1, 0), HEADINGS.length - 1)]!;
        break;
      }
      case 'heading_close':
        heading = null;
        break;
      case 'inline':
        paragraph(inlineRuns(t.children ?? []));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          kind: t.type === 'bullet_list_open' ? 'bullet' : 'numbered',
          instance: counter.take(),
          itemStarted: false,
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list) list.itemStarted = false;
        break;
      }
      case 'list_item_close': {
        // An item with no text of its own still shows its bullet or number.
        const list = lists[lists.length - 1];
        if (list && !list.itemStarted) paragraph([]);
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'fence':
      case 'code_block': {
        const lines = t.content.replace(/\n$/, '').split('\n');
        paragraph(
          lines.map((line, i) => runOf(line, { code: true }, i > 0)),
          { code: true },
        );
        break;
      }
      case 'hr':
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
      default:
        break;
    }
  }
  return out;
}
