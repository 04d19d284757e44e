import { Injectable, inject, signal } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import {
  ForumReplyLocationDocument,
  ForumReplyThreadDocument,
  GraphqlClient,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { REVEAL_MAX_PAGES, REVEAL_PAGE } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

/**
 * Showing one reply in place (`?reply=`, e.g. from a search result or a notification): fetch pages
 * until its top-level reply is on the page, then "continue this thread" down to it, open any
 * collapsed reply above it, and scroll to it and focus it. Provided by the thread page.
 */
@Injectable()
export class ReplyReveal {
  private readonly client = inject(GraphqlClient);
  private readonly store = inject(ThreadStore);
  private readonly feedback = inject(ThreadFeedback);

  /** The reply shown because of `?reply=` (highlighted). */
  readonly target = signal<string | null>(null);
  readonly revealing = signal(false);
  readonly error = signal<string | null>(null);

  reset(): void {
    this.target.set(null);
    this.error.set(null);
  }

  async reveal(replyId: string): Promise<void> {
    const { store } = this;
    const tree = store.tree;
    const generation = store.generation;
    this.revealing.set(true);
    this.error.set(null);
    try {
      if (!tree.has(replyId)) {
        const { forumReply } = await this.client.request(ForumReplyLocationDocument, { id: replyId });
        if (generation !== store.generation) return;
        if (forumReply.threadId !== store.threadId()) throw new Error('That reply is in another thread.');
        const chain = [...forumReply.ancestorIds, replyId];
        for (let pages = 0; !tree.has(chain[0]) && store.hasMore() && pages < REVEAL_MAX_PAGES; pages++) {
          await store.loadReplies(false, { first: REVEAL_PAGE, quiet: true });
          if (generation !== store.generation) return;
        }
        // Deeper than a page shows: continue from the deepest reply above it that is shown.
        for (let steps = 0; !tree.has(replyId) && steps < chain.length; steps++) {
          const deepest = [...chain].reverse().find((id) => tree.has(id));
          const node = deepest ? tree.get(deepest) : undefined;
          if (!node?.continues) break;
          const { forumReplyThread } = await this.client.request(ForumReplyThreadDocument, {
            replyId: node.id,
          });
          if (generation !== store.generation) return;
          tree.continueFrom(node.id, forumReplyThread);
        }
      }
      if (!tree.has(replyId)) {
        this.error.set('That reply could not be shown here: it may have been hidden by a moderator.');
        return;
      }
      for (let up = tree.get(replyId)?.parentId; up; up = tree.get(up)?.parentId) {
        if (tree.isCollapsed(up)) tree.toggle(up);
      }
      this.target.set(replyId);
      this.feedback.afterRender(() => {
        const el = document.getElementById(`reply-${replyId}`);
        if (!el) return;
        el.setAttribute('tabindex', '-1');
        el.scrollIntoView?.({ block: 'center' });
        el.focus({ preventScroll: true });
      });
    } catch (error) {
      if (generation !== store.generation) return;
      this.error.set(
        isApiError(error) && error.code === ErrorCode.NotFound
          ? 'That reply is no longer available: it may have been removed or hidden.'
          : messageOf(error),
      );
    } finally {
      if (generation === store.generation) this.revealing.set(false);
    }
  }
}
