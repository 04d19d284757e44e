import {
  EHCP_SECTION_KEYS,
  type EhcpCompleteness,
  type EhcpSectionKey,
  EhcpSectionStatus,
  draftCompleteness,
  isEhcpSectionKey,
  sectionStatus,
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
}

export const STATUS_TEXT: Readonly<Record<EhcpSectionStatus, string>> = {
  [EhcpSectionStatus.Empty]: 'Not started',
  [EhcpSectionStatus.Started]: 'Started',
  [EhcpSectionStatus.Complete]: 'Complete',
};

/** The sections in A–K order, whatever order the API sent (unknown keys dropped). */
export function orderSections<T extends { key: string }>(
  sections: readonly T[],
): (T & { key: EhcpSectionKey })[] {
  return EHCP_SECTION_KEYS.map((k) => sections.find((s) => s.key === k)).filter(
    (s): s is T & { key: EhcpSectionKey } => !!s && isEhcpSectionKey(s.key),
  );
}

/** Each section's status from the text as it is now (typed, maybe not saved yet). */
export function statusesOf(
  sections: readonly { key: EhcpSectionKey }[],
  texts: Readonly<Record<string, string>>,
): Record<string, EhcpSectionStatus> {
  return Object.fromEntries(sections.map((s) => [s.key, sectionStatus(texts[s.key] ?? '')]));
}

export function completenessOf(
  sections: readonly { key: EhcpSectionKey }[],
  texts: Readonly<Record<string, string>>,
): EhcpCompleteness {
  return draftCompleteness(sections.map((s) => ({ text: texts[s.key] ?? '' })));
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
