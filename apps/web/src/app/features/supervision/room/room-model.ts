import {
  SUPERVISION_ROLE_LABEL,
  type SupervisionClientBody,
  type SupervisionMessageView,
} from '@lantern/shared-domain';
import type { RoomParticipant } from './room-api';

/** A message as the room shows it: the folded view, or one of ours not stored yet. */
export type MessageView = SupervisionMessageView;

export type PendingState = 'sending' | 'failed' | 'refused';

/** A message of ours on its way (or refused): shown at the end of the list until it is stored. */
export interface PendingMessage {
  readonly clientId: string;
  readonly body: Extract<SupervisionClientBody, { type: 'message' }>;
  readonly state: PendingState;
  /** The refusal's code (PERSONAL_DATA, FORBIDDEN, CONFLICT…) when refused. */
  readonly code: string | null;
  /** Plain English: why it is not sent. */
  readonly problem: string | null;
}

/** How many people are typing, in words. */
export function typingText(names: readonly string[]): string {
  if (!names.length) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}

/**
 * Where the unread divider goes: the first message after `lastReadSeq` (as it was when the page
 * opened) written by someone else. Null when everything was read.
 */
export function firstUnreadSeq(
  messages: readonly MessageView[],
  lastReadSeq: number,
  viewerId: string | null,
): number | null {
  const first = messages.find((m) => m.seq > lastReadSeq && m.authorId !== viewerId && !m.deleted);
  return first?.seq ?? null;
}

/**
 * "Seen by": for each message, the other participants whose read position is at it (the last message
 * at or before where they have read). The viewer is left out.
 */
export function seenByMessage(
  messages: readonly MessageView[],
  readUpTo: ReadonlyMap<string, number>,
  participants: readonly RoomParticipant[],
  viewerId: string | null,
): ReadonlyMap<number, readonly string[]> {
  const result = new Map<number, string[]>();
  if (!messages.length) return result;
  for (const p of participants) {
    if (p.userId === viewerId) continue;
    const read = readUpTo.get(p.userId) ?? p.lastReadSeq;
    let at: number | null = null;
    for (const m of messages) {
      if (m.seq > read) break;
      at = m.seq;
    }
    if (at === null) continue;
    const names = result.get(at) ?? [];
    names.push(p.displayName);
    result.set(at, names);
  }
  return result;
}

export function participantLabel(p: RoomParticipant): string {
  return `${p.displayName} (${SUPERVISION_ROLE_LABEL[p.role]})`;
}

/** A short plain quote of a message (for "replying to"). */
export function quoteOf(text: string, max = 140): string {
  const plain = text
    .replace(/[*_`>#~[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export interface MentionQuery {
  start: number;
  end: number;
  search: string;
}

/** The "@name" being typed just before the caret ("@" at the start or after a space, up to 3 words). */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}'’.,-]*(?: [\p{L}\p{N}'’.,-]+){0,2})$/u.exec(before);
  if (!match || match[2].length > 40) return null;
  const start = caret - match[2].length - 1;
  return { start, end: caret, search: match[2].trim().toLowerCase() };
}

/** Participants whose name (or role) starts a word with what was typed after "@". */
export function mentionCandidates(
  participants: readonly RoomParticipant[],
  search: string,
  viewerId: string | null,
): RoomParticipant[] {
  const words = (p: RoomParticipant) =>
    `${p.displayName} ${SUPERVISION_ROLE_LABEL[p.role]}`.toLowerCase().split(/[\s,]+/);
  return participants.filter(
    (p) =>
      p.userId !== viewerId &&
      (!search ||
        p.displayName.toLowerCase().startsWith(search) ||
        words(p).some((w) => w.startsWith(search))),
  );
}

/** The text with the mention being typed replaced by "@Display Name ", and where the caret goes. */
export function insertMention(
  text: string,
  query: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(query.end).replace(/^ /, '');
  return { text: text.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length };
}

/** The participants mentioned in `text` ("@Display Name"), at most 10 (the stream's limit). */
export function mentionedIds(text: string, participants: readonly RoomParticipant[]): string[] {
  return participants
    .filter((p) => text.includes(`@${p.displayName}`))
    .map((p) => p.userId)
    .slice(0, 10);
}

/**
 * The text as the personal-data check should see it: participants' names after "@" are people who
 * may be named (members, not pupils), so they are taken out first.
 */
export function withoutMentions(text: string, participants: readonly RoomParticipant[]): string {
  let out = text;
  for (const p of participants) out = out.split(`@${p.displayName}`).join('@participant');
  return out;
}

/** The id of a message's element (for jumping to it). */
export function messageDomId(seq: number): string {
  return `room-msg-${seq}`;
}
