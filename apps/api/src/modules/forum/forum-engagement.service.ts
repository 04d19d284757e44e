import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { ForumAccessService } from './forum-access.service';

export type ReactionKind = 'HELPFUL' | 'THANKS';

export interface ThreadViewerState {
  bookmarked: boolean;
  watching: boolean;
  lastReadAt: Date | null;
}

export interface ReplyReactions {
  helpful: number;
  thanks: number;
  mine: ReactionKind[];
}

/** Reactions, bookmarks, watching and read markers: one person's relationship with posts. */
@Injectable()
export class ForumEngagementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ForumAccessService,
  ) {}

  async react(actor: Actor, replyId: string, kind: ReactionKind, on: boolean): Promise<void> {
    const [reply] = await this.ds.query(
      'SELECT thread_id, author_id, deleted_at, hidden FROM forum_replies WHERE id = $1',
      [replyId],
    );
    if (!reply) throw Errors.notFound('That reply');
    const { moderator } = await this.access.thread(actor, reply.thread_id);
    // A hidden reply does not exist for non-moderators: no reactions (as for an invisible record).
    if (reply.hidden && !moderator) throw Errors.notFound('That reply');
    if (reply.author_id === actor.userId) throw Errors.badInput('You cannot react to your own reply.');
    if (reply.deleted_at) throw Errors.conflict('That reply was deleted.');
    await this.ds.transaction(async (m) => {
      // TypeORM gives INSERT ... RETURNING as rows, DELETE ... RETURNING as [rows, affected].
      const changed = on
        ? (
            (await m.query(
              'INSERT INTO forum_reactions (reply_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
              [replyId, actor.userId, kind],
            )) as unknown[]
          ).length
        : (
            (await m.query('DELETE FROM forum_reactions WHERE reply_id = $1 AND user_id = $2 AND kind = $3', [
              replyId,
              actor.userId,
              kind,
            ])) as [unknown, number]
          )[1];
      if (kind === 'HELPFUL' && changed) {
        await m.query('UPDATE forum_replies SET helpful_count = helpful_count + $2 WHERE id = $1', [
          replyId,
          on ? 1 : -1,
        ]);
      }
    });
  }

  async bookmark(actor: Actor, threadId: string, on: boolean): Promise<void> {
    await this.access.thread(actor, threadId);
    if (on)
      await this.ds.query(
        'INSERT INTO forum_bookmarks (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [actor.userId, threadId],
      );
    else
      await this.ds.query('DELETE FROM forum_bookmarks WHERE user_id = $1 AND thread_id = $2', [
        actor.userId,
        threadId,
      ]);
  }

  async watchThread(actor: Actor, threadId: string, on: boolean): Promise<void> {
    await this.access.thread(actor, threadId);
    if (on)
      await this.ds.query(
        'INSERT INTO forum_watches (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [actor.userId, threadId],
      );
    else
      await this.ds.query('DELETE FROM forum_watches WHERE user_id = $1 AND thread_id = $2', [
        actor.userId,
        threadId,
      ]);
  }

  async watchCategory(actor: Actor, categoryId: string, on: boolean): Promise<void> {
    await this.access.category(actor, categoryId);
    if (on)
      await this.ds.query(
        'INSERT INTO forum_watches (user_id, category_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [actor.userId, categoryId],
      );
    else
      await this.ds.query('DELETE FROM forum_watches WHERE user_id = $1 AND category_id = $2', [
        actor.userId,
        categoryId,
      ]);
  }

  /** Remember that the viewer has read the thread up to now (the "new since your last visit" marker). */
  async markRead(actor: Actor, threadId: string): Promise<Date> {
    await this.access.thread(actor, threadId);
    const [row] = await this.ds.query(
      `INSERT INTO forum_reads (user_id, thread_id, read_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = now() RETURNING read_at`,
      [actor.userId, threadId],
    );
    return new Date(row.read_at);
  }

  /** The viewer's state for many threads at once (one statement per request). */
  threadStateLoader(userId: string): DataLoader<string, ThreadViewerState> {
    return new DataLoader(async (threadIds) => {
      const rows: Array<{ id: string; bookmarked: boolean; watching: boolean; read_at: Date | null }> =
        await this.ds.query(
          `SELECT t.id,
                EXISTS (SELECT 1 FROM forum_bookmarks b WHERE b.thread_id = t.id AND b.user_id = $2) AS bookmarked,
                EXISTS (SELECT 1 FROM forum_watches w WHERE w.thread_id = t.id AND w.user_id = $2) AS watching,
                (SELECT r.read_at FROM forum_reads r WHERE r.thread_id = t.id AND r.user_id = $2) AS read_at
           FROM unnest($1::uuid[]) AS t(id)`,
          [threadIds, userId],
        );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return threadIds.map((id) => {
        const r = byId.get(id);
        return {
          bookmarked: !!r?.bookmarked,
          watching: !!r?.watching,
          lastReadAt: r?.read_at ? new Date(r.read_at) : null,
        };
      });
    });
  }

  /** Reaction counts and the viewer's own reactions for many replies at once. */
  reactionsLoader(userId: string): DataLoader<string, ReplyReactions> {
    return new DataLoader(async (replyIds) => {
      const rows: Array<{ reply_id: string; kind: ReactionKind; n: number; mine: boolean }> =
        await this.ds.query(
          `SELECT reply_id, kind, count(*)::int AS n, bool_or(user_id = $2) AS mine
           FROM forum_reactions WHERE reply_id = ANY($1::uuid[]) GROUP BY reply_id, kind`,
          [replyIds, userId],
        );
      return replyIds.map((id) => {
        const mine = rows.filter((r) => r.reply_id === id);
        return {
          helpful: mine.find((r) => r.kind === 'HELPFUL')?.n ?? 0,
          thanks: mine.find((r) => r.kind === 'THANKS')?.n ?? 0,
          mine: mine.filter((r) => r.mine).map((r) => r.kind),
        };
      });
    });
  }

  /** People watching a whole category, to tell about a new thread. */
  async categoryWatchers(categoryId: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      'SELECT user_id FROM forum_watches WHERE category_id = $1',
      [categoryId],
    );
    return rows.map((r) => r.user_id);
  }

  /** People watching a thread or its category, to tell about a new reply. */
  async watchers(
    threadId: string,
    categoryId: string,
    m: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      'SELECT DISTINCT user_id FROM forum_watches WHERE thread_id = $1 OR category_id = $2',
      [threadId, categoryId],
    );
    return rows.map((r) => r.user_id);
  }
}
