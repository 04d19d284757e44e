import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditAction, canModerateCategory, canSeeCategory } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ForumAccessService } from './forum-access.service';
import { ForumLiveService, ThreadStreamBody } from './forum-live.service';
import { ForumCategoryEntity } from './forum.entity';

export type ModerationAction = 'HIDE' | 'UNHIDE' | 'LOCK' | 'UNLOCK' | 'PIN' | 'UNPIN' | 'MOVE';

export interface OpenReport {
  id: string;
  threadId: string;
  replyId: string | null;
  threadTitle: string;
  excerpt: string;
  reason: string;
  createdAt: Date;
  categoryName: string;
}

/**
 * Reports and moderation. Moderators are network admins, and trust SEND leads in their trust's
 * categories (canModerateCategory). Every moderation action goes to the audit trail.
 */
@Injectable()
export class ForumModerationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ForumAccessService,
    private readonly audit: AuditService,
    private readonly live: ForumLiveService,
    private readonly notifications: NotificationsService,
  ) {}

  async report(actor: Actor, threadId: string, replyId: string | null, reason: string): Promise<void> {
    await this.access.thread(actor, threadId);
    const text = reason.trim();
    if (text.length < 3 || text.length > 500)
      throw Errors.badInput('Say briefly (3 to 500 characters) what is wrong.', { reason: 'Required' });
    if (replyId) {
      const [r] = await this.ds.query('SELECT 1 FROM forum_replies WHERE id = $1 AND thread_id = $2', [
        replyId,
        threadId,
      ]);
      if (!r) throw Errors.notFound('That reply');
    }
    await this.ds.query(
      'INSERT INTO forum_reports (thread_id, reply_id, reporter_id, reason) VALUES ($1, $2, $3, $4)',
      [threadId, replyId, actor.userId, text],
    );
  }

  /** Open reports in categories the viewer moderates, oldest first. The reporter is not shown. */
  async queue(actor: Actor): Promise<OpenReport[]> {
    const cats = (await this.access.visibleCategories(actor)).filter((c) => canModerateCategory(actor, c));
    if (!cats.length) return [];
    const rows: Array<{
      id: string;
      thread_id: string;
      reply_id: string | null;
      title: string;
      body: string;
      reason: string;
      created_at: Date;
      category: string;
    }> = await this.ds.query(
      `SELECT p.id, p.thread_id, p.reply_id, t.title, COALESCE(r.body, t.body) AS body, p.reason, p.created_at, c.name AS category
           FROM forum_reports p JOIN forum_threads t ON t.id = p.thread_id JOIN forum_categories c ON c.id = t.category_id
           LEFT JOIN forum_replies r ON r.id = p.reply_id
          WHERE p.resolved_at IS NULL AND t.category_id = ANY($1::uuid[])
          ORDER BY p.created_at LIMIT 100`,
      [cats.map((c) => c.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      threadId: r.thread_id,
      replyId: r.reply_id,
      threadTitle: r.title,
      excerpt: r.body.slice(0, 280),
      reason: r.reason,
      createdAt: new Date(r.created_at),
      categoryName: r.category,
    }));
  }

  async resolve(ctx: RequestContext, actor: Actor, reportId: string, resolution: string): Promise<void> {
    const [report] = await this.ds.query(
      'SELECT p.id, t.category_id FROM forum_reports p JOIN forum_threads t ON t.id = p.thread_id WHERE p.id = $1 AND p.resolved_at IS NULL',
      [reportId],
    );
    if (!report) throw Errors.notFound('That open report');
    const category = await this.ds
      .getRepository(ForumCategoryEntity)
      .findOneByOrFail({ id: report.category_id });
    if (!canModerateCategory(actor, category)) throw Errors.notFound('That open report');
    await this.ds.transaction(async (m) => {
      await m.query(
        'UPDATE forum_reports SET resolved_at = now(), resolver_id = $2, resolution = $3 WHERE id = $1',
        [reportId, actor.userId, resolution.trim().slice(0, 300) || 'Resolved'],
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.ForumModeration,
          summary: `Resolved a report in ${category.name}: ${resolution.trim().slice(0, 200) || 'Resolved'}`,
          targetType: 'forum_report',
          targetId: reportId,
          trustId: category.trustId,
        },
        m,
      );
    });
  }

  async moderate(
    ctx: RequestContext,
    actor: Actor,
    action: ModerationAction,
    threadId: string,
    replyId: string | null,
    targetCategoryId: string | null,
  ): Promise<void> {
    const { thread, category, moderator } = await this.access.thread(actor, threadId);
    if (!moderator) throw Errors.forbidden('moderate this category');
    const pushLive = await this.ds.transaction(async (m) => {
      let summary: string;
      let change: ThreadStreamBody;
      if (replyId) {
        if (action !== 'HIDE' && action !== 'UNHIDE')
          throw Errors.badInput('A reply can only be hidden or shown again.');
        const res = (await m.query(
          'UPDATE forum_replies SET hidden = $3 WHERE id = $1 AND thread_id = $2 RETURNING id',
          [replyId, threadId, action === 'HIDE'],
        )) as [unknown[], number];
        if (!res[1]) throw Errors.notFound('That reply');
        // Hidden everywhere: the reply's text leaves the notifications that quoted it.
        if (action === 'HIDE')
          await this.notifications.withdrawText(m, `/forum/threads/${threadId}?reply=${replyId}`);
        summary = `${action === 'HIDE' ? 'Hid' : 'Showed again'} a reply in “${thread.title}”`;
        change = { type: 'reply-changed', replyId, what: action === 'HIDE' ? 'hidden' : 'shown' };
      } else if (action === 'MOVE') {
        if (!targetCategoryId) throw Errors.badInput('Choose the category to move the thread to.');
        const target = await m.getRepository(ForumCategoryEntity).findOneBy({ id: targetCategoryId });
        if (!target || !canSeeCategory(actor, target) || !canModerateCategory(actor, target))
          throw Errors.forbidden('move threads into that category');
        await m.query('UPDATE forum_threads SET category_id = $2 WHERE id = $1', [threadId, target.id]);
        summary = `Moved “${thread.title}” from ${category.name} to ${target.name}`;
        change = { type: 'thread-changed', what: 'moved' };
      } else {
        const column = {
          HIDE: ['hidden', true],
          UNHIDE: ['hidden', false],
          LOCK: ['locked', true],
          UNLOCK: ['locked', false],
          PIN: ['pinned', true],
          UNPIN: ['pinned', false],
        }[action] as [string, boolean];
        await m.query(`UPDATE forum_threads SET ${column[0]} = $2 WHERE id = $1`, [threadId, column[1]]);
        summary = `${{ HIDE: 'Hid', UNHIDE: 'Showed again', LOCK: 'Locked', UNLOCK: 'Unlocked', PIN: 'Pinned', UNPIN: 'Unpinned' }[action]} “${thread.title}”`;
        const what = (
          {
            HIDE: 'hidden',
            UNHIDE: 'shown',
            LOCK: 'locked',
            UNLOCK: 'unlocked',
            PIN: 'pinned',
            UNPIN: 'unpinned',
          } as const
        )[action];
        change = { type: 'thread-changed', what };
      }
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.ForumModeration,
          summary,
          targetType: replyId ? 'forum_reply' : 'forum_thread',
          targetId: replyId ?? threadId,
          trustId: category.trustId,
        },
        m,
      );
      return this.live.record(m, threadId, change);
    });
    pushLive();
  }

  /** Earlier versions of a post: anyone who can read it, except a deleted or hidden post's (moderators only). */
  async revisions(
    actor: Actor,
    threadId: string,
    replyId: string | null,
  ): Promise<Array<{ id: string; title: string | null; body: string; createdAt: Date; editorId: string }>> {
    const { thread, moderator } = await this.access.thread(actor, threadId);
    let deleted = thread.deletedAt;
    if (replyId) {
      const [reply]: Array<{ deleted_at: Date | null; hidden: boolean }> = await this.ds.query(
        'SELECT deleted_at, hidden FROM forum_replies WHERE id = $1 AND thread_id = $2',
        [replyId, threadId],
      );
      // A hidden reply is hidden everywhere from non-moderators, its earlier text included.
      if (!reply || (reply.hidden && !moderator)) throw Errors.notFound('That reply');
      deleted = reply.deleted_at;
    }
    if (deleted && !moderator) return [];
    const rows: Array<{
      id: string;
      title: string | null;
      body: string;
      created_at: Date;
      editor_id: string;
    }> = await this.ds.query(
      `SELECT id, title, body, created_at, editor_id FROM forum_revisions
        WHERE thread_id = $1 AND reply_id IS NOT DISTINCT FROM $2 ORDER BY created_at DESC LIMIT 50`,
      [threadId, replyId],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      createdAt: new Date(r.created_at),
      editorId: r.editor_id,
    }));
  }
}
