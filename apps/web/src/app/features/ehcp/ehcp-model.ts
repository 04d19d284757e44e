import {
  EHCP_SECTION_KEYS,
  EHCP_SECTION_STATUS_TEXT,
  type EhcpCompleteness,
  type EhcpSectionKey,
  EhcpSectionStatus,
  draftCompleteness,
  isEhcpSectionKey,
  wordCount,
} from '@lantern/shared-domain';

/** One section of a draft, with its template's guidance and prompts beside it. */
export interface DraftSectionView {
  key: EhcpSectionKey;
  title: string;
  guidanceHtml: string;
  prompts: readonly string[];
  text: string;
  /** Pass back when saving this section; a stale one is a conflict. */
  revision: number;
  /** Not started, in progress or complete: set by the writers. */
  status: EhcpSectionStatus;
}

export const STATUS_TEXT = EHCP_SECTION_STATUS_TEXT;

/** The choices of a section's state, in order. */
export const STATUS_CHOICES: readonly EhcpSectionStatus[] = [
  EhcpSectionStatus.NotStarted,
  EhcpSectionStatus.InProgress,
  EhcpSectionStatus.Complete,
];

/** The sections in A–K order, whatever order the API sent (unknown keys dropped). */
export function orderSections<T extends { key: string }>(
  sections: readonly T[],
): (T & { key: EhcpSectionKey })[] {
  return EHCP_SECTION_KEYS.map((k) => sections.find((s) => s.key === k)).filter(
    (s): s is T & { key: EhcpSectionKey } => !!s && isEhcpSectionKey(s.key),
  );
}

/** Completeness from each section's state (as set here, maybe not saved yet). */
export function completenessOf(
  sections: readonly { key: EhcpSectionKey }[],
  states: Readonly<Record<string, EhcpSectionStatus>>,
): EhcpCompleteness {
  return draftCompleteness(sections.map((s) => ({ status: states[s.key] ?? EhcpSectionStatus.NotStarted })));
}

/** "4 of 11 sections complete (36%)". */
export function completenessText(c: EhcpCompleteness): string {
  return `${c.complete} of ${c.total} sections complete (${c.percent}%)`;
}

export function wordsText(text: string): string {
  const n = wordCount(text);
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`;
}

/** Where the export is downloaded (REST, permission-checked, audited). */
export function exportUrl(draftId: string): string {
  return `/ehcp-drafts/${encodeURIComponent(draftId)}/export.docx`;
}
