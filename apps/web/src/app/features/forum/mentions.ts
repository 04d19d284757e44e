export interface MentionCandidate {
  id: string;
  displayName: string;
}

/** Looks up people to mention in a category ("@" plus the letters typed so far). */
export type MentionSearch = (categoryId: string, search: string) => Promise<readonly MentionCandidate[]>;

export interface MentionQuery {
  /** Where the "@" is. */
  start: number;
  /** The caret (end of the letters typed). */
  end: number;
  search: string;
}

/** The mention being typed just before the caret: "@" (at the start or after a space) plus letters. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}][\p{L}'-]{0,39})$/u.exec(before);
  if (!match) return null;
  const start = caret - match[2].length - 1;
  return { start, end: caret, search: match[2] };
}

/** The text with the mention being typed replaced by "@Display Name " and where the caret goes. */
export function insertMention(
  text: string,
  query: MentionQuery,
  candidate: MentionCandidate,
): { text: string; caret: number } {
  const inserted = `@${candidate.displayName} `;
  const rest = text.slice(query.end).replace(/^ /, '');
  return { text: text.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length };
}

/** The ids of the chosen people whose "@Name" is still in the text. */
export function mentionedIds(text: string, chosen: ReadonlyMap<string, string>): string[] {
  return [...chosen].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}
