import { STREAM_KINDS, type StreamKey } from '@lantern/shared-domain';
import type { ForumThreadPartsFragment, ReactionKind, ReplySort } from '@lantern/web-graphql';
import type { Reply } from './reply-tree';

/** The pure rules of the thread page: what changed, where the "new" marker goes, reactions. */

export type Thread = ForumThreadPartsFragment;

export const REPLIES_PAGE = 20;
/** How many top-level replies to fetch at a time while looking for a reply to show (`?reply=`). */
export const REVEAL_PAGE = 100;
/** At most this many pages are fetched to find it (100,000 top-level replies is far beyond any thread). */
export const REVEAL_MAX_PAGES = 50;

export const SORT_OPTIONS: readonly { value: ReplySort; label: string }[] = [
  { value: 'OLDEST', label: 'Oldest first' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'HELPFUL', label: 'Most helpful' },
];

export const REACTION_LABEL: Record<ReactionKind, string> = { HELPFUL: 'Helpful', THANKS: 'Thanks' };

export type ThreadToggle = 'bookmarked' | 'watching';

export function threadStream(threadId: string): StreamKey {
  return `${STREAM_KINDS.ForumThread}:${threadId}`;
}

/** What someone else's change to the opening post means to a reader, or null when nothing they see changed. */
export function threadChangeMessage(before: Thread, after: Thread): string | null {
  if (before.category.id !== after.category.id) return `This thread was moved to ${after.category.name}.`;
  if (!before.deleted && after.deleted) return 'The opening post was deleted.';
  if (before.locked !== after.locked)
    return after.locked
      ? 'A moderator locked this thread: no new replies.'
      : 'This thread is open for replies again.';
  if (before.pinned !== after.pinned)
    return after.pinned ? 'A moderator pinned this thread.' : 'This thread is no longer pinned.';
  if (before.acceptedReplyId !== after.acceptedReplyId)
    return after.acceptedReplyId ? 'An answer was accepted.' : 'The accepted answer was unmarked.';
  if (before.title !== after.title || before.body !== after.body) return 'The opening post was edited.';
  return null;
}

/** The same for a reply (null when nothing the reader sees changed, e.g. their own edit, already shown). */
export function replyChangeMessage(before: Reply, after: Reply): string | null {
  if (!before.deleted && after.deleted) return `A reply by ${before.author.label} was deleted.`;
  if (before.body !== after.body) return `A reply by ${after.author.label} was edited.`;
  return null;
}

/** A reply's reactions after the viewer turns one of theirs on or off. */
export function withReaction(reply: Reply, kind: ReactionKind, on: boolean): Reply {
  const { reactions } = reply;
  const had = reactions.mine.includes(kind);
  if (had === on) return reply;
  const delta = on ? 1 : -1;
  const next = {
    helpful: reactions.helpful + (kind === 'HELPFUL' ? delta : 0),
    thanks: reactions.thanks + (kind === 'THANKS' ? delta : 0),
    mine: on ? [...reactions.mine, kind] : reactions.mine.filter((k) => k !== kind),
  };
  return {
    ...reply,
    reactions: next,
    helpfulCount: kind === 'HELPFUL' ? Math.max(0, reply.helpfulCount + delta) : reply.helpfulCount,
  };
}

/**
 * The first reply, in the order shown, written by someone else after the viewer's previous visit
 * (none on a first visit).
 */
export function firstNewReplyId(replies: readonly Reply[], lastReadAt: string | null): string | null {
  if (!lastReadAt) return null;
  const since = Date.parse(lastReadAt);
  return replies.find((r) => !r.author.isViewer && Date.parse(r.createdAt) > since)?.id ?? null;
}
