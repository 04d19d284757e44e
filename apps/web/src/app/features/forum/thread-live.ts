import { DestroyRef, Injectable, inject } from '@angular/core';
// ThreadStreamBody: what the stream `forum-thread:<id>` carries (only ids and the kind of change,
// never text or authors), defined once with its schema in the shared domain. The page fetches what
// changed, so the viewer's own visibility and anonymity rules apply.
import { ErrorCode, type ThreadStreamBody, threadStreamBodySchema } from '@lantern/shared-domain';
import { ForumReplyDocument, ForumThreadDocument, GraphqlClient, isApiError } from '@lantern/web-graphql';
import { RealtimeService } from '../../core/realtime';
import { ReplyActions } from './reply-actions';
import { replyChangeMessage, threadChangeMessage, threadStream } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

/**
 * Keeps an open thread up to date through its stream: new replies appear under their parent, and
 * changes by other people (edits, deletions, an accepted answer, lock, pin, hide, move) are shown
 * and said politely. Provided by the thread page.
 */
@Injectable()
export class ThreadLiveSync {
  private readonly realtime = inject(RealtimeService);
  private readonly client = inject(GraphqlClient);
  private readonly store = inject(ThreadStore);
  private readonly actions = inject(ReplyActions);
  private readonly feedback = inject(ThreadFeedback);

  /** Live items that came before the first page of replies. */
  private pending: ThreadStreamBody[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor() {
    this.store.onRepliesLoaded(async () => {
      const pending = this.pending;
      this.pending = [];
      for (const body of pending) await this.onLive(body);
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Listen to thread `threadId` (before its replies are fetched, so nothing posted meanwhile is missed). */
  start(threadId: string): void {
    this.stop();
    this.unsubscribe = this.realtime.subscribe<unknown>(threadStream(threadId), (item) => {
      // Checked with the same schema the API declares for the stream; anything else is ignored.
      const body = threadStreamBodySchema.safeParse(item.body);
      if (body.success) void this.onLive(body.data);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.pending = [];
  }

  /** Something happened in this thread, from the stream: a new reply, or a change to a reply or the thread. */
  async onLive(body: ThreadStreamBody): Promise<void> {
    if (!this.store.repliesLoaded()) {
      this.pending.push(body);
      return;
    }
    if (body.type === 'reply-changed') return this.onReplyChanged(body.replyId);
    if (body.type === 'thread-changed') return this.onThreadChanged();
    return this.onNewReply(body);
  }

  /** A new reply: fetch it and put it where it belongs. */
  private async onNewReply(body: { replyId: string; parentId: string | null }): Promise<void> {
    const { store } = this;
    if (store.tree.has(body.replyId)) return;
    if (body.parentId && !store.tree.has(body.parentId)) {
      // Its parent is not on the page (a later page, or deeper than shown): only the count changes.
      store.replyCount.update((n) => n + 1);
      return;
    }
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: body.replyId });
      if (forumReply.threadId !== store.threadId()) return;
      if (store.insertReply(forumReply) && !forumReply.author.isViewer) {
        this.feedback.announce(`New reply from ${forumReply.author.label}`, 'polite');
      }
    } catch {
      // Removed or hidden before we could fetch it: nothing to show.
    }
  }

  /**
   * A reply was edited, deleted, hidden or shown again: fetch it as this viewer may see it. A reply
   * the viewer may no longer see (hidden by a moderator) goes, with the replies shown under it.
   */
  private async onReplyChanged(replyId: string): Promise<void> {
    const { store } = this;
    const before = store.findReply(replyId);
    if (!before) return;
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: replyId });
      if (forumReply.threadId !== store.threadId()) return;
      const message = replyChangeMessage(before, forumReply);
      store.tree.replace(forumReply);
      if (store.accepted()?.id === replyId) store.accepted.set(forumReply.deleted ? null : forumReply);
      if (message && this.actions.editing() !== replyId) this.feedback.announce(message, 'polite');
    } catch (error) {
      if (!isApiError(error) || error.code !== ErrorCode.NotFound) return;
      const removed = store.tree.remove(replyId);
      if (store.accepted()?.id === replyId) store.accepted.set(null);
      if (removed) {
        if (this.actions.replyingTo() === replyId) this.actions.replyingTo.set(null);
        this.feedback.announce('A moderator hid a reply.', 'polite');
      }
    }
  }

  /** The opening post or the thread changed (edit, delete, accepted answer, lock, pin, hide, move). */
  private async onThreadChanged(): Promise<void> {
    const { store } = this;
    const before = store.thread();
    if (!before) return;
    const generation = store.generation;
    try {
      const { forumThread } = await this.client.request(ForumThreadDocument, { id: before.id });
      if (generation !== store.generation) return;
      const current = store.thread() ?? before;
      const message = threadChangeMessage(current, forumThread);
      store.setThread(forumThread);
      if (current.acceptedReplyId !== forumThread.acceptedReplyId) {
        store.markAccepted(forumThread.acceptedReplyId);
        void store.loadAccepted(forumThread.acceptedReplyId);
      }
      if (message && this.actions.editing() !== 'thread') this.feedback.announce(message, 'polite');
    } catch (error) {
      if (generation !== store.generation || !isApiError(error) || error.code !== ErrorCode.NotFound) return;
      // Hidden, or moved where the viewer cannot follow: the page says so instead of showing stale text.
      this.stop();
      store.markGone();
      this.feedback.announce('This thread is no longer available to you.', 'assertive');
    }
  }
}
