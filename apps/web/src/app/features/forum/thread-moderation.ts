import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  ForumCategoriesDocument,
  GraphqlClient,
  ModerateForumDocument,
  type ModerationAction,
  ReportForumPostDocument,
} from '@lantern/web-graphql';
import { ConfirmService } from '@lantern/web-ui';
import { MoveDialog, type MoveDialogData } from './move-dialog';
import type { Reply } from './reply-tree';
import { ReportDialog, type ReportDialogData } from './report-dialog';
import type { Thread } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

const MODERATION_DONE: Record<ModerationAction, string> = {
  HIDE: 'Hidden from everyone but moderators.',
  UNHIDE: 'Shown again.',
  LOCK: 'The thread is locked.',
  UNLOCK: 'The thread is unlocked.',
  PIN: 'The thread is pinned.',
  UNPIN: 'The thread is no longer pinned.',
  MOVE: 'The thread is moved.',
};

/**
 * Reports (anyone, about someone else's post) and the moderation menu (the category's moderators:
 * hide, show again, lock, pin, move). Provided by the thread page.
 */
@Injectable()
export class ThreadModeration {
  private readonly client = inject(GraphqlClient);
  private readonly store = inject(ThreadStore);
  private readonly feedback = inject(ThreadFeedback);
  private readonly confirm = inject(ConfirmService);
  private readonly dialog = inject(MatDialog);

  canReport(reply: Reply | null): boolean {
    const t = this.store.thread();
    if (!t) return false;
    return reply ? !reply.deleted && !reply.author.isViewer : !t.deleted && !t.author.isViewer;
  }

  /** Report the opening post (null) or a reply, with a reason, to the category's moderators. */
  async report(reply: Reply | null): Promise<void> {
    const what = reply ? `this reply by ${reply.author.label}` : 'this post';
    const ref = this.dialog.open<ReportDialog, ReportDialogData, string | null>(ReportDialog, {
      data: { what },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '32rem',
      width: '100%',
    });
    const reason = await new Promise<string | null | undefined>((resolve) =>
      ref.afterClosed().subscribe(resolve),
    );
    if (!reason) return;
    try {
      await this.client.request(ReportForumPostDocument, {
        threadId: this.store.threadId(),
        replyId: reply?.id ?? null,
        reason,
      });
      this.feedback.toast('Thank you: the moderators will look at it.');
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  isModerator(): boolean {
    return !!this.store.thread()?.category.canModerate;
  }

  /** A moderator's action on the thread or (hide / show again) on one reply. */
  async moderate(action: ModerationAction, reply: Reply | null = null): Promise<void> {
    const t = this.store.thread();
    if (!t) return;
    let categoryId: string | null = null;
    if (action === 'MOVE') {
      categoryId = await this.chooseCategory(t);
      if (!categoryId) return;
    } else if (action === 'HIDE' || action === 'LOCK') {
      const ok = await this.confirm.confirm(
        action === 'HIDE'
          ? {
              title: reply ? 'Hide this reply?' : 'Hide this thread?',
              message: 'Only moderators will see it until it is shown again.',
              confirmText: reply ? 'Hide reply' : 'Hide thread',
              destructive: true,
            }
          : {
              title: 'Lock this thread?',
              message: 'No one will be able to reply until it is unlocked.',
              confirmText: 'Lock thread',
              destructive: true,
            },
      );
      if (!ok) return;
    }
    try {
      await this.client.request(ModerateForumDocument, {
        action,
        threadId: t.id,
        replyId: reply?.id ?? null,
        categoryId,
      });
      if (!reply) await this.store.reloadThread();
      this.feedback.announce(MODERATION_DONE[action]);
    } catch (error) {
      this.feedback.fail(error);
    }
  }

  private async chooseCategory(t: Thread): Promise<string | null> {
    const { forumCategories } = await this.client.request(ForumCategoriesDocument, {});
    const ref = this.dialog.open<MoveDialog, MoveDialogData, string | null>(MoveDialog, {
      data: {
        title: t.title,
        categories: forumCategories.filter((c) => c.canModerate && c.id !== t.category.id),
      },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '32rem',
      width: '100%',
    });
    return (
      (await new Promise<string | null | undefined>((resolve) => ref.afterClosed().subscribe(resolve))) ??
      null
    );
  }
}
