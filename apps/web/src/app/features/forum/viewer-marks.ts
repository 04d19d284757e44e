import { Injectable, inject, signal } from '@angular/core';
import {
  BookmarkForumThreadDocument,
  GraphqlClient,
  ReactToForumReplyDocument,
  type ReactionKind,
  WatchForumThreadDocument,
} from '@lantern/web-graphql';
import type { Reply } from './reply-tree';
import { REACTION_LABEL, type ThreadToggle, withReaction } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

/**
 * The viewer's own marks: bookmarking and watching the thread, "Helpful" and "Thanks" on replies.
 * Each is shown at once and put back if the API refuses it. Provided by the thread page.
 */
@Injectable()
export class ViewerMarks {
  private readonly client = inject(GraphqlClient);
  private readonly store = inject(ThreadStore);
  private readonly feedback = inject(ThreadFeedback);

  readonly reactionKinds: readonly ReactionKind[] = ['HELPFUL', 'THANKS'];
  readonly reactionLabel = REACTION_LABEL;
  /** The thread setting whose change is on the way. */
  readonly toggling = signal<ThreadToggle | null>(null);
  /** `<replyId>:<kind>` while its change is on the way. */
  readonly reacting = signal<ReadonlySet<string>>(new Set());

  /** Bookmark or watch the thread (or stop). */
  async toggleThread(which: ThreadToggle): Promise<void> {
    const t = this.store.thread();
    if (!t || this.toggling()) return;
    const on = !t.viewerState[which];
    const set = (value: boolean) =>
      this.store.thread.update((cur) =>
        cur ? { ...cur, viewerState: { ...cur.viewerState, [which]: value } } : cur,
      );
    set(on);
    this.toggling.set(which);
    try {
      if (which === 'bookmarked') {
        await this.client.request(BookmarkForumThreadDocument, { threadId: t.id, on });
      } else {
        await this.client.request(WatchForumThreadDocument, { threadId: t.id, on });
      }
      this.feedback.announce(
        which === 'bookmarked'
          ? on
            ? 'Thread bookmarked.'
            : 'Bookmark removed.'
          : on
            ? 'You are watching this thread: you will be told about new replies.'
            : 'You are no longer watching this thread.',
      );
    } catch (error) {
      set(!on);
      this.feedback.fail(error);
    } finally {
      this.toggling.set(null);
    }
  }

  reacted(reply: Reply, kind: ReactionKind): boolean {
    return reply.reactions.mine.includes(kind);
  }

  reactionCount(reply: Reply, kind: ReactionKind): number {
    return kind === 'HELPFUL' ? reply.reactions.helpful : reply.reactions.thanks;
  }

  canReact(reply: Reply): boolean {
    return !reply.deleted && !reply.author.isViewer;
  }

  /** Turn the viewer's "Helpful" or "Thanks" on a reply on or off. */
  async react(reply: Reply, kind: ReactionKind): Promise<void> {
    const key = `${reply.id}:${kind}`;
    if (this.reacting().has(key)) return;
    const current = this.store.findReply(reply.id) ?? reply;
    const on = !current.reactions.mine.includes(kind);
    this.store.replaceReply(withReaction(current, kind, on));
    this.reacting.update((s) => new Set(s).add(key));
    try {
      await this.client.request(ReactToForumReplyDocument, { replyId: reply.id, kind, on });
    } catch (error) {
      const now = this.store.findReply(reply.id);
      if (now) this.store.replaceReply(withReaction(now, kind, !on));
      this.feedback.fail(error);
    } finally {
      this.reacting.update((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  }
}
