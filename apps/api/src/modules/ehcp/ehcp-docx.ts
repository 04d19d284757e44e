import { EHCP_SECTION_SHORT, EhcpSectionKey } from '@lantern/shared-domain';
import { markdownToText } from '../../common/markdown/render-markdown';
import { writeZip } from '../files/zip-writer';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxDraft {
  templateTitle: string;
  pupilReference: string;
  schoolName: string;
  exportedAt: Date;
  sections: ReadonlyArray<{
    key: EhcpSectionKey;
    title: string;
    guidance: string;
    prompts: readonly string[];
    text: string;
  }>;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Text safe inside an XML element: escaped, without characters XML 1.0 forbids. */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

function run(r: Run): string {
  const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`;
  const parts = r.text.split('\t').map((t) => `<w:t xml:space="preserve">${xml(t)}</w:t>`);
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${parts.join('<w:tab/>')}</w:r>`;
}

function paragraph(runs: Run[] | string, style?: string): string {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${list.map(run).join('')}</w:p>`;
}

/** The document body: title, pupil reference, then each section's heading, guidance note and text. */
function documentXml(d: DocxDraft): string {
  const body: string[] = [
    paragraph(d.templateTitle, 'Title'),
    paragraph([{ text: 'Pupil reference: ', bold: true }, { text: d.pupilReference }]),
    paragraph([{ text: 'School: ', bold: true }, { text: d.schoolName }]),
    paragraph(
      [
        {
          text: `Draft exported from Lantern on ${d.exportedAt.toISOString().slice(0, 10)}. It contains case data: keep it within the school and share it only through secure channels.`,
          italic: true,
        },
      ],
      'Subtle',
    ),
  ];
  for (const s of d.sections) {
    body.push(paragraph(`Section ${s.key}: ${EHCP_SECTION_SHORT[s.key] ?? s.title}`, 'Heading1'));
    if (s.title && s.title !== EHCP_SECTION_SHORT[s.key])
      body.push(paragraph([{ text: s.title, italic: true }], 'Subtle'));
    const guidance = s.guidance.trim() ? markdownToText(s.guidance, 5000) : '';
    if (guidance || s.prompts.length) {
      body.push(paragraph([{ text: 'Guidance: ', bold: true }, { text: guidance }], 'Guidance'));
      for (const p of s.prompts) body.push(paragraph(`• ${p}`, 'Guidance'));
    }
    const lines = s.text.replace(/\r\n?/g, '\n').split('\n');
    if (!s.text.trim()) body.push(paragraph([{ text: 'Not written yet.', italic: true }], 'Subtle'));
    else for (const line of lines) body.push(paragraph(line));
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Guidance"><w:name w:val="Guidance"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="5B6F82"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F5"/><w:spacing w:after="60"/><w:ind w:left="227"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtle"><w:name w:val="Subtle"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="4D4D4D"/></w:rPr></w:style>
</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function coreXml(d: DocxDraft): string {
  const when = d.exportedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(d.templateTitle)}</dc:title><dc:creator>Lantern</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

const APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Lantern</Application></Properties>`;

/**
 * A .docx (Office Open XML) of a draft, written directly: a handful of XML parts in a zip. The
 * `docx` npm package's current release needs Node 22 (nanoid 6), so this stays dependency-free.
 */
export function ehcpDraftDocx(d: DocxDraft): Buffer {
  return writeZip(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'word/document.xml', data: documentXml(d) },
      { name: 'word/_rels/document.xml.rels', data: DOCUMENT_RELS },
      { name: 'word/styles.xml', data: STYLES },
      { name: 'docProps/core.xml', data: coreXml(d) },
      { name: 'docProps/app.xml', data: APP },
    ],
    d.exportedAt,
  );
}

/** A file name for the export: the template and the pupil reference, nothing Windows forbids. */
export function exportFileName(templateTitle: string, pupilReference: string): string {
  const safe = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  return `${safe(templateTitle).slice(0, 120)} - ${safe(pupilReference)}.docx`;
}
