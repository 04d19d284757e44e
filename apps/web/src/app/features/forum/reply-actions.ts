import { Injectable, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  AcceptForumAnswerDocument,
  DeleteForumPostDocument,
  EditForumReplyDocument,
  EditForumThreadDocument,
  ForumReplyDocument,
  ForumRevisionsDocument,
  GraphqlClient,
  ReplyInForumDocument,
} from '@lantern/web-graphql';
import { ConfirmService } from '@lantern/web-ui';
import type { ComposerSend } from './composer';
import { HistoryDialog, type HistoryDialogData } from './history-dialog';
import { type MentionSearch, apiMentionSearch } from './mentions';
import type { Reply } from './reply-tree';
import type { Thread } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

/**
 * Writing in a thread: replying (to the thread or to a reply), editing and deleting posts, accepting
 * an answer, and the edit history. Which composer is open is kept here. Provided by the thread page.
 */
@Injectable()
export class ReplyActions {
  private readonly client = inject(GraphqlClient);
  private readonly store = inject(ThreadStore);
  private readonly feedback = inject(ThreadFeedback);
  private readonly confirm = inject(ConfirmService);
  private readonly dialog = inject(MatDialog);

  /** The reply whose inline composer is open. */
  readonly replyingTo = signal<string | null>(null);
  /** 'thread' or a reply id being edited. */
  readonly editing = signal<string | null>(null);
  /** One send function per composer, so a composer keeps its input across change detection. */
  private readonly sends = new Map<string, ComposerSend>();

  readonly mentionSearch: MentionSearch = apiMentionSearch(this.client);

  readonly editThreadSend: ComposerSend = async (value, override) =>
    (
      await this.client.request(EditForumThreadDocument, {
        id: this.store.threadId(),
        title: value.title,
        body: value.body,
        personalDataOverride: override,
      })
    ).editForumThread;

  /** Another thread is shown: no composer is open. */
  reset(): void {
    this.sends.clear();
  }

  /** The send function for a reply composer (to the thread, or to one reply). */
  replySend(parentId: string | null): ComposerSend {
    return this.cached(`reply:${parentId ?? ''}`, async (value, override) => {
      const { replyInForum } = await this.client.request(ReplyInForumDocument, {
        input: {
          threadId: this.store.threadId(),
          parentId,
          body: value.body,
          anonymous: value.anonymous,
          mentions: value.mentions,
          personalDataOverride: override,
        },
      });
      return replyInForum;
    });
  }

  editReplySend(reply: Reply): ComposerSend {
    return this.cached(
      `edit:${reply.id}`,
      async (value, override) =>
        (
          await this.client.request(EditForumReplyDocument, {
            id: reply.id,
            body: value.body,
            personalDataOverride: override,
          })
        ).editForumReply,
    );
  }

  startReply(reply: Reply): void {
    this.editing.set(null);
    this.replyingTo.set(reply.id);
    this.feedback.focusLater(`#composer-for-${reply.id} textarea`);
  }

  replyPosted(result: unknown): void {
    const reply = result as Reply;
    this.store.insertReply(reply);
    this.replyingTo.set(null);
    this.feedback.announce('Your reply is posted.');
    this.feedback.focusLater(`#reply-${reply.id}`);
  }

  startEdit(target: string): void {
    this.replyingTo.set(null);
    this.editing.set(target);
    this.feedback.focusLater(target === 'thread' ? '#edit-thread textarea' : `#edit-${target} textarea`);
  }

  cancelEdit(target: string): void {
    this.editing.set(null);
    this.feedback.focusLater(target === 'thread' ? '#thread-actions button' : `#reply-${target}`);
  }

  threadEdited(result: unknown): void {
    this.store.setThread(result as Thread);
    this.editing.set(null);
    this.sends.delete('edit:thread');
    this.feedback.announce('Your changes are saved.');
    this.feedback.focusLater('#thread-title');
  }

  replyEdited(result: unknown): void {
    const reply = result as Reply;
    this.store.replaceReply(reply);
    this.editing.set(null);
    this.sends.delete(`edit:${reply.id}`);
    this.feedback.announce('Your changes are saved.');
    this.feedback.focusLater(`#reply-${reply.id}`);
  }

  canChange(reply: Reply): boolean {
    return !reply.deleted && (reply.author.isViewer || !!this.store.thread()?.category.canModerate);
  }

  async deleteReply(reply: Reply): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Delete this reply?',
      message: 'Its text is removed for everyone. Replies to it stay, under a "This post was deleted" note.',
      confirmText: 'Delete reply',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(DeleteForumPostDocument, {
        threadId: this.store.threadId(),
        replyId: reply.id,
      });
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: reply.id });
      this.store.tree.replace(forumReply);
      if (this.store.accepted()?.id === reply.id) this.store.accepted.set(null);
      this.feedback.announce('The reply is deleted.');
      this.feedback.focusLater(`#reply-${reply.id}`);
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  async deleteThread(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: this.store.thread()?.author.isViewer ? 'Delete your opening post?' : 'Delete this opening post?',
      message: 'Its text is removed for everyone. The replies stay, under a "This post was deleted" note.',
      confirmText: 'Delete post',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(DeleteForumPostDocument, { threadId: this.store.threadId(), replyId: null });
      await this.store.reloadThread();
      this.feedback.announce('The post is deleted.');
      this.feedback.focusLater('#thread-title');
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  /** Mark a reply as the accepted answer (or, with null, take the mark away). */
  async accept(reply: Reply | null): Promise<void> {
    try {
      const { acceptForumAnswer } = await this.client.request(AcceptForumAnswerDocument, {
        threadId: this.store.threadId(),
        replyId: reply?.id ?? null,
      });
      this.store.setThread(acceptForumAnswer);
      const acceptedId = acceptForumAnswer.acceptedReplyId;
      this.store.markAccepted(acceptedId);
      this.store.accepted.set(reply && acceptedId === reply.id ? { ...reply, accepted: true } : null);
      this.feedback.announce(
        reply ? 'Marked as the accepted answer.' : 'The answer is no longer marked as accepted.',
      );
      if (reply) this.feedback.focusLater('#accepted-heading');
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  /** The edit history of the opening post (null) or a reply, as a line diff per edit. */
  async showHistory(reply: Reply | null): Promise<void> {
    const t = this.store.thread();
    if (!t) return;
    try {
      const { forumRevisions } = await this.client.request(ForumRevisionsDocument, {
        threadId: t.id,
        replyId: reply?.id ?? null,
      });
      this.dialog.open<HistoryDialog, HistoryDialogData>(HistoryDialog, {
        data: {
          what: reply ? `the reply by ${reply.author.label}` : 'the opening post',
          current: reply ? { body: reply.body } : { title: t.title, body: t.body },
          revisions: forumRevisions,
        },
        autoFocus: 'first-tabbable',
        restoreFocus: true,
        maxWidth: '48rem',
        width: '100%',
      });
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  private cached(key: string, make: ComposerSend): ComposerSend {
    let send = this.sends.get(key);
    if (!send) {
      send = make;
      this.sends.set(key, send);
    }
    return send;
  }
}
