import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
} from 'docx';
import { LIST_REFERENCES, ListCounter, markdownToParagraphs, xmlSafe } from './markdown-to-docx';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A line under the title, such as "School: Holy Family Primary". */
export interface DocumentDetail {
  label: string;
  value: string;
}

/** A heading with its markdown body; an empty body leaves the heading on its own. */
export interface DocumentSection {
  heading: string;
  markdown: string;
}

export interface WordDocumentInput {
  title: string;
  details?: readonly DocumentDetail[];
  sections: readonly DocumentSection[];
  /** Small print at the foot of every page (e.g. how to handle case data). */
  footer?: string;
}

const BULLETS = ['•', '◦', '▪'];
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function levels(kind: 'bullet' | 'numbered'): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : NUMBER_FORMATS[level % 3]!,
    text: kind === 'bullet' ? BULLETS[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/**
 * A Word document (.docx, written by the `docx` package): a title, optional detail lines, then a
 * Heading 1 per section with its markdown as paragraphs and real Word lists. Minutes, supervision
 * records and EHCP drafts all go through here.
 */
export async function wordDocument(input: WordDocumentInput): Promise<Buffer> {
  const counter = new ListCounter();
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(input.title))] }),
  ];
  for (const d of input.details ?? [])
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${xmlSafe(d.label)}: `, bold: true }), new TextRun(xmlSafe(d.value))],
      }),
    );
  for (const s of input.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(s.heading))] }),
    );
    if (s.markdown.trim()) children.push(...markdownToParagraphs(s.markdown, counter));
  }
  const doc = new Document({
    title: xmlSafe(input.title),
    creator: 'Lantern',
    lastModifiedBy: 'Lantern',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: 'Arial', size: 40, bold: true, color: '000000' } },
        heading1: {
          run: { font: 'Arial', size: 30, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: { run: { font: 'Arial', size: 26, bold: true, color: '000000' } },
        heading3: { run: { font: 'Arial', size: 24, bold: true, color: '000000' } },
        heading4: { run: { font: 'Arial', size: 22, bold: true, color: '000000' } },
      },
      paragraphStyles: [
        {
          id: 'LanternQuote',
          name: 'Quote block',
          basedOn: 'Normal',
          run: { italics: true, color: '404040' },
        },
        { id: 'LanternCode', name: 'Code block', basedOn: 'Normal', run: { font: 'Courier New', size: 20 } },
      ],
    },
    numbering: {
      config: [
        { reference: LIST_REFERENCES.bullet, levels: levels('bullet') },
        { reference: LIST_REFERENCES.numbered, levels: levels('numbered') },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 },
          },
        },
        footers: input.footer
          ? {
              default: new Footer({
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: xmlSafe(input.footer), size: 16, color: '4D4D4D' })],
                  }),
                ],
              }),
            }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A file name for a download, without anything Windows forbids. */
export function safeFileName(name: string, max = 150): string {
  return (
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
  );
}
