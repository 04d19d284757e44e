import { SupervisionRole } from '@lantern/shared-domain';
import type { RoomParticipant } from './room-api';
import {
  type MessageView,
  firstUnreadSeq,
  insertMention,
  mentionCandidates,
  mentionQueryAt,
  mentionedIds,
  seenByMessage,
  typingText,
  withoutMentions,
} from './room-model';

const msg = (seq: number, authorId: string, deleted = false): MessageView => ({
  seq,
  authorId,
  createdAt: '2026-12-07T09:00:00Z',
  text: deleted ? '' : `m${seq}`,
  caseId: null,
  replyTo: null,
  mentions: [],
  deleted,
  history: [],
  editedAt: null,
});

const people: RoomParticipant[] = [
  { userId: 'me', displayName: 'SENCO', role: SupervisionRole.Senco, lastReadSeq: 3 },
  { userId: 'lead', displayName: 'Trust SEND lead', role: SupervisionRole.SendLead, lastReadSeq: 2 },
  { userId: 'head', displayName: 'Headteacher', role: SupervisionRole.Headteacher, lastReadSeq: 0 },
];

describe('firstUnreadSeq', () => {
  it('is the first message by someone else after the read position, skipping deleted ones', () => {
    const list = [msg(1, 'lead'), msg(2, 'me'), msg(4, 'lead', true), msg(6, 'me'), msg(7, 'lead')];
    expect(firstUnreadSeq(list, 1, 'me')).toBe(7);
    expect(firstUnreadSeq(list, 0, 'me')).toBe(1);
    expect(firstUnreadSeq(list, 7, 'me')).toBeNull();
    expect(firstUnreadSeq([], 0, 'me')).toBeNull();
  });
});

describe('seenByMessage', () => {
  it('puts each other participant under the last message they have read (live positions first)', () => {
    const list = [msg(1, 'me'), msg(2, 'lead'), msg(5, 'me')];
    const seen = seenByMessage(list, new Map([['head', 4]]), people, 'me');
    expect(seen.get(2)).toEqual(['Trust SEND lead', 'Headteacher']);
    expect(seen.has(5)).toBe(false);
    const later = seenByMessage(list, new Map([['lead', 9]]), people, 'me');
    expect(later.get(5)).toEqual(['Trust SEND lead']);
  });
});

describe('typingText', () => {
  it('names one or two people, and counts more', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['SENCO'])).toBe('SENCO is typing…');
    expect(typingText(['SENCO', 'Headteacher'])).toBe('SENCO and Headteacher are typing…');
    expect(typingText(['a', 'b', 'c'])).toBe('3 people are typing…');
  });
});

describe('mentions', () => {
  it('finds the "@name" being typed and offers matching participants, not the viewer', () => {
    const q = mentionQueryAt('Thanks @tru', 11)!;
    expect(q).toEqual({ start: 7, end: 11, search: 'tru' });
    expect(mentionCandidates(people, q.search, 'me').map((p) => p.userId)).toEqual(['lead']);
    expect(mentionCandidates(people, 'send', 'me').map((p) => p.userId)).toEqual(['lead']);
    expect(mentionQueryAt('email@school', 12)).toBeNull();
  });

  it('inserts the name and reads the mentioned ids back from the text', () => {
    const q = mentionQueryAt('Thanks @tru', 11)!;
    const { text, caret } = insertMention('Thanks @tru', q, 'Trust SEND lead');
    expect(text).toBe('Thanks @Trust SEND lead ');
    expect(caret).toBe(text.length);
    expect(mentionedIds(text, people)).toEqual(['lead']);
    expect(withoutMentions(text, people)).toBe('Thanks @participant ');
  });
});
