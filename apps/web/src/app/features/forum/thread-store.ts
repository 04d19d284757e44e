import { Injectable, computed, inject, signal } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import {
  ForumRepliesDocument,
  ForumReplyDocument,
  ForumReplyThreadDocument,
  ForumThreadDocument,
  GraphqlClient,
  MarkForumThreadReadDocument,
  type ReplySort,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { plural } from './forum-labels';
import { type Reply, ReplyTree } from './reply-tree';
import { REPLIES_PAGE, type Thread, firstNewReplyId } from './thread-model';
import { ThreadFeedback } from './thread-feedback';

/**
 * What the thread page shows and how it gets it: the opening post, the accepted answer, and the
 * replies page by page (sort, "load more", "continue this thread"). Provided by the page (one per
 * page); the live sync, the reply actions and the moderation menu change it through its methods.
 */
@Injectable()
export class ThreadStore {
  private readonly client = inject(GraphqlClient);
  private readonly feedback = inject(ThreadFeedback);

  /** The thread being shown (set by `load`). */
  readonly threadId = signal('');
  readonly thread = signal<Thread | null>(null);
  readonly notFound = signal(false);
  /** Set when someone else's change took the thread out of the viewer's reach while it was open. */
  readonly goneLive = signal(false);
  readonly error = signal<string | null>(null);
  readonly accepted = signal<Reply | null>(null);
  readonly replyCount = signal(0);

  readonly tree = new ReplyTree();
  readonly sort = signal<ReplySort>('OLDEST');
  readonly repliesLoaded = signal(false);
  readonly repliesLoading = signal(false);
  readonly repliesError = signal<string | null>(null);
  readonly hasMore = signal(false);
  /** The reply whose deeper replies ("continue this thread") are on the way. */
  readonly continuing = signal<string | null>(null);

  /** lastReadAt as it was when the thread was opened (before this visit marked it read). */
  readonly previousReadAt = signal<string | null>(null);
  readonly firstNewId = computed(() => firstNewReplyId(this.tree.replies(), this.previousReadAt()));

  private cursor: string | null = null;
  private loads = 0;
  private markedRead = false;
  private afterPage: (() => Promise<void>) | null = null;

  /** Bumped by every `load`: answers that belong to an earlier thread (or an earlier try) are dropped. */
  get generation(): number {
    return this.loads;
  }

  /** Run after each page of replies is in place (the live sync applies what came before the first one). */
  onRepliesLoaded(fn: () => Promise<void>): void {
    this.afterPage = fn;
  }

  /** Show thread `id`: everything from before is forgotten. Resolves with the thread, or null if it failed. */
  async load(id: string): Promise<Thread | null> {
    const generation = ++this.loads;
    this.threadId.set(id);
    this.thread.set(null);
    this.accepted.set(null);
    this.notFound.set(false);
    this.goneLive.set(false);
    this.error.set(null);
    this.repliesLoaded.set(false);
    this.previousReadAt.set(null);
    this.markedRead = false;
    try {
      const { forumThread } = await this.client.request(ForumThreadDocument, { id });
      if (generation !== this.loads) return null;
      this.setThread(forumThread);
      this.previousReadAt.set(forumThread.viewerState.lastReadAt ?? null);
      return forumThread;
    } catch (error) {
      if (generation !== this.loads) return null;
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
      return null;
    }
  }

  setThread(thread: Thread): void {
    this.thread.set(thread);
    this.replyCount.set(thread.replyCount);
  }

  /** Fetch the opening post again (after a change to it) and show it. */
  async reloadThread(): Promise<void> {
    const { forumThread } = await this.client.request(ForumThreadDocument, { id: this.threadId() });
    this.setThread(forumThread);
  }

  /** The viewer can no longer see the thread (hidden, or moved out of reach) while it was open. */
  markGone(): void {
    this.goneLive.set(true);
    this.notFound.set(true);
  }

  async loadAccepted(replyId: string | null): Promise<void> {
    if (!replyId) {
      this.accepted.set(null);
      return;
    }
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: replyId });
      if (this.thread()?.acceptedReplyId === replyId) this.accepted.set(forumReply);
    } catch {
      // The answer may have been removed since: the thread still reads fine without it.
      this.accepted.set(null);
    }
  }

  /** A reply as shown: in the tree, or the accepted answer above it. */
  findReply(id: string): Reply | null {
    const accepted = this.accepted();
    return this.tree.get(id) ?? (accepted?.id === id ? accepted : null);
  }

  /** Show a newer copy of a reply, in the tree and as the accepted answer. */
  replaceReply(reply: Reply): void {
    this.tree.replace(reply);
    if (this.accepted()?.id === reply.id) this.accepted.set(reply);
  }

  /** Put a new reply where it belongs; false when it was already there. */
  insertReply(reply: Reply): boolean {
    if (!this.tree.insert(reply, this.sort() === 'NEWEST' ? 'start' : 'end')) return false;
    this.replyCount.update((n) => n + 1);
    return true;
  }

  /** Mark the accepted answer (or none) in the tree. */
  markAccepted(acceptedId: string | null): void {
    this.tree.update((r) =>
      r.accepted === (r.id === acceptedId) ? r : { ...r, accepted: r.id === acceptedId },
    );
  }

  // ---- replies ----

  async loadReplies(reset: boolean, o: { first?: number; quiet?: boolean } = {}): Promise<void> {
    const threadId = this.threadId();
    const generation = this.loads;
    this.repliesLoading.set(true);
    this.repliesError.set(null);
    try {
      const { forumReplies } = await this.client.request(ForumRepliesDocument, {
        threadId,
        sort: this.sort(),
        first: o.first ?? REPLIES_PAGE,
        after: reset ? null : this.cursor,
      });
      if (generation !== this.loads) return;
      if (reset) this.tree.reset(forumReplies.nodes);
      else this.tree.append(forumReplies.nodes);
      this.cursor = forumReplies.pageInfo.endCursor;
      this.hasMore.set(forumReplies.pageInfo.hasNextPage);
      this.repliesLoaded.set(true);
      if (reset) this.markReadOnceShown(threadId, generation);
      await this.afterPage?.();
      if (!reset && !o.quiet && forumReplies.nodes.length) {
        this.feedback.announce(`${plural(forumReplies.nodes.length, 'more reply', 'more replies')} loaded.`);
      }
    } catch (error) {
      if (generation === this.loads) this.repliesError.set(messageOf(error));
    } finally {
      if (generation === this.loads) this.repliesLoading.set(false);
    }
  }

  changeSort(value: ReplySort): void {
    this.sort.set(value);
    void this.loadReplies(true);
  }

  /** "Continue this thread": the replies deeper than a page shows, in place under `reply`. */
  async continueThread(reply: Reply): Promise<void> {
    this.continuing.set(reply.id);
    try {
      const { forumReplyThread } = await this.client.request(ForumReplyThreadDocument, { replyId: reply.id });
      this.tree.continueFrom(reply.id, forumReplyThread);
      const more = forumReplyThread.length - 1;
      this.feedback.announce(`${plural(more, 'more reply', 'more replies')} shown under this reply.`);
    } catch (error) {
      this.feedback.fail(error);
    } finally {
      this.continuing.set(null);
    }
  }

  /** Once the replies (and the "new since your last visit" marker) are on screen, remember this visit. */
  private markReadOnceShown(threadId: string, generation: number): void {
    if (this.markedRead) return;
    this.markedRead = true;
    this.feedback.afterRender(() => {
      if (generation !== this.loads) return;
      this.client.request(MarkForumThreadReadDocument, { threadId }).catch(() => {
        // Only the marker on the next visit depends on it.
      });
    });
  }
}
