import { EHCP_SECTION_SHORT, EhcpSectionKey } from '@lantern/shared-domain';
import { DOCX_MEDIA_TYPE, safeFileName, wordDocument } from '../../common/documents/word-document';

export { DOCX_MEDIA_TYPE };

export interface DocxDraft {
  templateTitle: string;
  pupilReference: string;
  schoolName: string;
  exportedAt: Date;
  sections: ReadonlyArray<{
    key: EhcpSectionKey;
    title: string;
    text: string;
  }>;
}

/** "Section B: The child or young person's special educational needs". */
export function sectionHeading(s: { key: EhcpSectionKey; title: string }): string {
  return `Section ${s.key}: ${s.title.trim() || EHCP_SECTION_SHORT[s.key]}`;
}

/**
 * A clean copy of a draft as a Word document: the pupil reference in the title, the school and
 * template, then sections A to K with what the school wrote (markdown lists become Word lists). The
 * template's guidance and prompts are not included. A section with nothing written keeps its heading
 * with nothing under it, so the reader sees every statutory section and which are still to write.
 * The footer reminds the reader that it is case data.
 */
export function ehcpDraftDocx(d: DocxDraft): Promise<Buffer> {
  return wordDocument({
    title: `EHCP draft: ${d.pupilReference}`,
    details: [
      { label: 'Pupil reference', value: d.pupilReference },
      { label: 'School', value: d.schoolName },
      { label: 'Template', value: d.templateTitle },
    ],
    sections: d.sections.map((s) => ({ heading: sectionHeading(s), markdown: s.text })),
    footer: `Exported from Lantern on ${d.exportedAt.toISOString().slice(0, 10)}. Case data: keep it within the school and share it only through secure channels.`,
  });
}

/** A file name for the export: the template and the pupil reference, nothing Windows forbids. */
export function exportFileName(templateTitle: string, pupilReference: string): string {
  return `${safeFileName(templateTitle, 120)} - ${safeFileName(pupilReference)}.docx`;
}
