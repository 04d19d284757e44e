import { describe, expect, it } from 'vitest';
import type { StreamItem } from './realtime';
import { foldSupervisionMessages, latestSupervisionCurrentCase } from './supervision-room';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const CASE = '00000000-0000-4000-8000-0000000000c1';

const item = (seq: number, authorId: string | null, body: unknown): StreamItem => ({
  stream: 'supervision:x',
  seq,
  clientId: `c${seq}`,
  authorId,
  body,
  createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString(),
});

describe('foldSupervisionMessages', () => {
  it('turns message items into views, in order, with case, reply and mentions', () => {
    const views = foldSupervisionMessages([
      item(2, B, { type: 'message', text: 'Agreed.', replyTo: 1, mentions: [A, A] }),
      item(1, A, { type: 'message', text: 'Case 3 first?', caseId: CASE }),
    ]);
    expect(views.map((v) => v.seq)).toEqual([1, 2]);
    expect(views[0]).toMatchObject({
      authorId: A,
      text: 'Case 3 first?',
      caseId: CASE,
      replyTo: null,
      deleted: false,
    });
    expect(views[1]).toMatchObject({ replyTo: 1, mentions: [A], caseId: null, history: [], editedAt: null });
  });

  it('keeps each edit as history, oldest first', () => {
    const [v] = foldSupervisionMessages([
      item(1, A, { type: 'message', text: 'one' }),
      item(2, A, { type: 'edit', of: 1, text: 'two' }),
      item(3, A, { type: 'edit', of: 1, text: 'three' }),
    ]);
    expect(v!.text).toBe('three');
    expect(v!.history).toEqual([
      { text: 'one', replacedAt: item(2, A, null).createdAt },
      { text: 'two', replacedAt: item(3, A, null).createdAt },
    ]);
    expect(v!.editedAt).toBe(item(3, A, null).createdAt);
  });

  it('a delete blanks the text and its history; later edits of it are ignored', () => {
    const [v] = foldSupervisionMessages([
      item(1, A, { type: 'message', text: 'one' }),
      item(2, A, { type: 'edit', of: 1, text: 'two' }),
      item(3, A, { type: 'delete', of: 1 }),
      item(4, A, { type: 'edit', of: 1, text: 'back again' }),
    ]);
    expect(v).toMatchObject({ deleted: true, text: '', history: [] });
  });

  it('ignores changes by someone other than the author, and of unknown or later messages', () => {
    const [v] = foldSupervisionMessages([
      item(1, A, { type: 'message', text: 'mine' }),
      item(2, B, { type: 'edit', of: 1, text: 'not yours' }),
      item(3, B, { type: 'delete', of: 1 }),
      item(4, A, { type: 'edit', of: 99, text: 'nothing there' }),
      item(5, A, { type: 'edit', of: 5, text: 'itself' }),
    ]);
    expect(v).toMatchObject({ text: 'mine', deleted: false, history: [] });
  });

  it('tolerates duplicates, out-of-order arrival, server items, unknown types and bad bodies', () => {
    const views = foldSupervisionMessages([
      item(3, A, { type: 'edit', of: 1, text: 'edited' }),
      item(1, A, { type: 'message', text: 'first' }),
      item(1, A, { type: 'message', text: 'first' }),
      item(2, null, { type: 'state', status: 'LIVE', chairId: A }),
      item(4, A, { type: 'reaction', emoji: '+1' }),
      item(5, A, null),
      item(6, A, 'text'),
      item(7, B, { type: 'message', text: '' }),
    ]);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ seq: 1, text: 'edited', history: [{ text: 'first' }] });
  });
});

describe('latestSupervisionCurrentCase', () => {
  it('is the last current-case item by sequence', () => {
    expect(latestSupervisionCurrentCase([])).toBeUndefined();
    expect(
      latestSupervisionCurrentCase([
        item(5, A, { type: 'current-case', caseId: null }),
        item(2, A, { type: 'current-case', caseId: CASE }),
      ]),
    ).toBeNull();
  });
});
