import { ForumMentionCandidatesDocument, type GraphqlClient } from '@lantern/web-graphql';
import { type Observable, firstValueFrom, fromEvent, takeUntil } from 'rxjs';

export interface MentionCandidate {
  id: string;
  displayName: string;
}

/** Looks up people to mention in a category ("@" plus what was typed); `signal` cancels the request. */
export type MentionSearch = (
  categoryId: string,
  search: string,
  signal?: AbortSignal,
) => Promise<readonly MentionCandidate[]>;

/** Wait after the last keystroke before asking the API. */
export const MENTION_DEBOUNCE_MS = 250;

/** The first value, unless `signal` aborts first (then the request is cancelled and this rejects). */
function untilAborted<T>(source: Observable<T>, signal?: AbortSignal): Promise<T> {
  return firstValueFrom(signal ? source.pipe(takeUntil(fromEvent(signal, 'abort'))) : source);
}

/** The forum's mention search through the API. */
export function apiMentionSearch(client: GraphqlClient): MentionSearch {
  return async (categoryId, search, signal) =>
    (await untilAborted(client.request$(ForumMentionCandidatesDocument, { categoryId, search }), signal))
      .forumMentionCandidates;
}

/**
 * Looking people up while "@name" is typed: one request once typing pauses, and a newer keystroke
 * cancels the older request (its answer is never shown).
 */
export class MentionLookup {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: AbortController | null = null;

  constructor(private readonly delay = MENTION_DEBOUNCE_MS) {}

  schedule(
    search: MentionSearch,
    categoryId: string,
    text: string,
    done: (found: readonly MentionCandidate[]) => void,
  ): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      const request = new AbortController();
      this.inFlight = request;
      const finish = (found: readonly MentionCandidate[]) => {
        if (request.signal.aborted) return;
        this.inFlight = null;
        done(found);
      };
      search(categoryId, text, request.signal).then(finish, () => finish([]));
    }, this.delay);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight?.abort();
    this.inFlight = null;
  }
}

export interface MentionQuery {
  /** Where the "@" is. */
  start: number;
  /** The caret (end of the letters typed). */
  end: number;
  search: string;
}

/**
 * The mention being typed just before the caret: "@" (at the start or after a space) and up to four
 * words ("@Holy Cross" finds "SENCO, Holy Cross Primary"). Not once a chosen name is complete and
 * followed by more text.
 */
export function mentionQueryAt(
  text: string,
  caret: number,
  chosenNames: readonly string[] = [],
): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}][\p{L}\p{N}'’.,-]*(?: [\p{L}\p{N}'’.,-]+){0,3} ?)$/u.exec(before);
  if (!match || match[2].length > 40) return null;
  if (chosenNames.some((n) => match[2].startsWith(`${n} `) || match[2] === n)) return null;
  const start = caret - match[2].length - 1;
  return { start, end: caret, search: match[2].trim() };
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
