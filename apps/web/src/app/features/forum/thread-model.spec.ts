import { reply, thread } from '../../../testing/forum-data';
import { firstNewReplyId, replyChangeMessage, threadChangeMessage, withReaction } from './thread-model';

describe('thread rules', () => {
  describe('what someone else’s change means to a reader', () => {
    it('names the most important change to the thread', () => {
      const before = thread();
      expect(
        threadChangeMessage(
          before,
          thread({ category: { ...before.category, id: 'c2', name: 'Annual reviews' } }),
        ),
      ).toBe('This thread was moved to Annual reviews.');
      expect(threadChangeMessage(before, thread({ deleted: true }))).toBe('The opening post was deleted.');
      expect(threadChangeMessage(before, thread({ locked: true }))).toBe(
        'A moderator locked this thread: no new replies.',
      );
      expect(threadChangeMessage(thread({ locked: true }), before)).toBe(
        'This thread is open for replies again.',
      );
      expect(threadChangeMessage(before, thread({ pinned: true }))).toBe('A moderator pinned this thread.');
      expect(threadChangeMessage(before, thread({ acceptedReplyId: 'r1' }))).toBe('An answer was accepted.');
      expect(threadChangeMessage(thread({ acceptedReplyId: 'r1' }), before)).toBe(
        'The accepted answer was unmarked.',
      );
      expect(threadChangeMessage(before, thread({ body: 'Changed' }))).toBe('The opening post was edited.');
    });

    it('says nothing when nothing the reader sees changed', () => {
      expect(threadChangeMessage(thread(), thread({ replyCount: 9 }))).toBeNull();
      expect(replyChangeMessage(reply('a'), reply('a', { helpfulCount: 3 }))).toBeNull();
    });

    it('names whose reply was deleted or edited', () => {
      expect(
        replyChangeMessage(
          reply('a'),
          reply('a', { deleted: true, author: { label: 'Deleted', anonymous: false, isViewer: false } }),
        ),
      ).toBe('A reply by Author a was deleted.');
      expect(replyChangeMessage(reply('a'), reply('a', { body: 'Changed' }))).toBe(
        'A reply by Author a was edited.',
      );
    });
  });

  describe('reactions', () => {
    it('counts the viewer’s Helpful on and off, and never below zero', () => {
      const on = withReaction(reply('a'), 'HELPFUL', true);
      expect(on.reactions).toEqual({ helpful: 1, thanks: 0, mine: ['HELPFUL'] });
      expect(on.helpfulCount).toBe(1);
      const off = withReaction(on, 'HELPFUL', false);
      expect(off.reactions).toEqual({ helpful: 0, thanks: 0, mine: [] });
      expect(off.helpfulCount).toBe(0);
    });

    it('changes nothing when the viewer’s reaction is already so', () => {
      const r = reply('a', { reactions: { helpful: 0, thanks: 2, mine: ['THANKS'] } });
      expect(withReaction(r, 'THANKS', true)).toBe(r);
      expect(withReaction(r, 'HELPFUL', false)).toBe(r);
    });
  });

  describe('"new since your last visit"', () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const replies = [
      reply('old', { createdAt: ago(30) }),
      reply('mine', { createdAt: ago(5), author: { label: 'You', anonymous: false, isViewer: true } }),
      reply('new', { createdAt: ago(4) }),
    ];

    it('marks the first reply by someone else after the last visit', () => {
      expect(firstNewReplyId(replies, ago(10))).toBe('new');
    });

    it('marks nothing on a first visit or when nothing is new', () => {
      expect(firstNewReplyId(replies, null)).toBeNull();
      expect(firstNewReplyId(replies, ago(1))).toBeNull();
    });
  });
});
