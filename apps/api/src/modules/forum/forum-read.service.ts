import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Actor, canModerateCategory } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { Connection, decodeCursor, encodeCursor } from '../../common/pagination/connection';
import { preparedQuery } from '../../database/prepared-query';
import { TrustByIdLoader } from '../directory/directory.loader';
import { toTrust } from '../directory/directory.mappers';
import { UserEntity } from '../users/user.entity';
import { UserByIdLoader } from '../users/users.loader';
import { ForumAccessService } from './forum-access.service';
import { presentAuthor } from './forum-present';
import { ForumCategoryEntity, ForumReplyEntity, ForumThreadEntity } from './forum.entity';
import {
  ForumCategoryModel,
  ForumReplyModel,
  ForumReplyPageModel,
  ForumThreadModel,
  ReplySort,
  ThreadKindEnum,
} from './forum.model';

/** How deep a page shows replies before offering "continue this thread". */
export const MAX_REPLY_DEPTH = 5;
/** At most this many replies in one page, whatever their shape. */
const MAX_NODES = 400;

interface AuthorRow {
  id: string;
  email: string;
  display_name: string;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
  show_presence: boolean;
}

function toUserEntity(a: AuthorRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: a.id,
    email: a.email,
    displayName: a.display_name,
    deactivatedAt: a.deactivated_at ? new Date(a.deactivated_at) : null,
    createdAt: new Date(a.created_at),
    updatedAt: new Date(a.updated_at),
    showPresence: a.show_presence,
  });
}

interface ReplyRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  author_id: string;
  anonymous: boolean;
  body: string;
  body_html: string;
  path: string;
  depth: number;
  helpful_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden: boolean;
  continues: boolean;
}

type TreeRow = ReplyRow & { top_rank: string; top_count: string; total: string; author_row: AuthorRow };

/**
 * A page of top-level replies with their replies in tree order, with authors: $1 thread, $2 top-level
 * replies to read (one more than the page), $3 deepest level, $4 most nodes, $5 the viewer moderates
 * (sees hidden replies), then with a cursor $6 its sort value and $7 its id. The text depends only on
 * the sort and whether there is a cursor, so each variant is one prepared statement.
 */
function replyTreeSql(sort: ReplySort, withCursor: boolean): string {
  const order = {
    [ReplySort.OLDEST]: { key: 'created_at', dir: 'ASC', cmp: '>' },
    [ReplySort.NEWEST]: { key: 'created_at', dir: 'DESC', cmp: '<' },
    [ReplySort.HELPFUL]: { key: 'helpful_count', dir: 'DESC', cmp: '<' },
  }[sort];
  const cast = sort === ReplySort.HELPFUL ? 'int' : 'timestamptz';
  const cursorSql = withCursor ? `AND (r.${order.key}, r.id) ${order.cmp} ($6::${cast}, $7::uuid)` : '';
  return `WITH top AS (
         SELECT r.id, r.path, r.${order.key} AS sort_value, row_number() OVER (ORDER BY r.${order.key} ${order.dir}, r.id ${order.dir}) AS rank
           FROM forum_replies r
          WHERE r.thread_id = $1 AND r.depth = 0 AND (NOT r.hidden OR $5) ${cursorSql}
          ORDER BY r.${order.key} ${order.dir}, r.id ${order.dir}
          LIMIT $2)
       SELECT r.id, r.thread_id, r.parent_id, r.author_id, r.anonymous, r.body, r.body_html, r.path,
              r.depth, r.helpful_count, r.created_at, r.edited_at, r.deleted_at, r.hidden,
              top.rank AS top_rank, (SELECT count(*) FROM top) AS top_count,
              row_to_json(u) AS author_row,
              (SELECT count(*) FROM forum_replies x WHERE x.thread_id = $1 AND x.depth = 0) AS total,
              (r.depth = $3 AND EXISTS (SELECT 1 FROM forum_replies c WHERE c.parent_id = r.id)) AS continues
         FROM top JOIN forum_replies r ON r.thread_id = $1 AND (r.path = top.path OR r.path LIKE top.path || '.%')
         JOIN (SELECT id, email, display_name, deactivated_at, created_at, updated_at, show_presence FROM users) u ON u.id = r.author_id
        WHERE r.depth <= $3 AND (NOT r.hidden OR $5)
        ORDER BY top.rank, r.path
        LIMIT $4`;
}

@Injectable()
export class ForumReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ForumAccessService,
  ) {}

  async categories(ctx: RequestContext, actor: Actor): Promise<ForumCategoryModel[]> {
    const cats = await this.access.visibleCategories(actor);
    if (!cats.length) return [];
    const counts: Array<{ category_id: string; n: number }> = await this.ds.query(
      `SELECT category_id, count(*)::int AS n FROM forum_threads WHERE category_id = ANY($1::uuid[]) AND NOT hidden AND deleted_at IS NULL GROUP BY category_id`,
      [cats.map((c) => c.id)],
    );
    return Promise.all(
      cats.map(async (c) => this.presentCategory(ctx, c, counts.find((x) => x.category_id === c.id)?.n ?? 0)),
    );
  }

  async presentCategory(
    ctx: RequestContext,
    c: ForumCategoryEntity,
    threadCount = 0,
  ): Promise<ForumCategoryModel> {
    const trust = c.trustId ? await ctx.loaders.get(TrustByIdLoader).load(c.trustId) : null;
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      trust: trust ? toTrust(trust) : null,
      roles: c.roles,
      threadCount,
      canModerate: canModerateCategory(ctx.actor, c),
      position: c.position,
      trustId: c.trustId,
    };
  }

  /** Which of these categories the viewer watches (one statement per request). */
  categoryWatchLoader(userId: string): DataLoader<string, boolean> {
    return new DataLoader<string, boolean>(async (ids) => {
      const rows: Array<{ category_id: string }> = await this.ds.query(
        'SELECT category_id FROM forum_watches WHERE user_id = $1 AND category_id = ANY($2::uuid[])',
        [userId, ids],
      );
      const watched = new Set(rows.map((r) => r.category_id));
      return ids.map((id) => watched.has(id));
    });
  }

  /** The ancestors of many replies at once (top-level first), in one statement. */
  ancestorsLoader(): DataLoader<string, string[]> {
    return new DataLoader<string, string[]>(async (ids) => {
      const rows: Array<{ reply_id: string; id: string }> = await this.ds.query(
        `SELECT r.id AS reply_id, a.id
           FROM forum_replies r
           JOIN forum_replies a ON a.thread_id = r.thread_id AND r.path LIKE a.path || '.%'
          WHERE r.id = ANY($1::uuid[])
          ORDER BY a.depth`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.reply_id === id).map((r) => r.id));
    });
  }

  /** Threads the viewer may see: one category or all visible ones; pinned first, then latest activity. */
  async threads(
    ctx: RequestContext,
    actor: Actor,
    o: { categoryId?: string | null; tag?: string | null; unanswered?: boolean | null },
    limit: number,
    after: string | null,
  ): Promise<Connection<ForumThreadModel>> {
    const categories = o.categoryId
      ? [await this.access.category(actor, o.categoryId)]
      : await this.access.visibleCategories(actor);
    const byId = new Map(categories.map((c) => [c.id, c]));
    const moderated = categories.filter((c) => canModerateCategory(actor, c)).map((c) => c.id);
    const qb = this.ds
      .getRepository(ForumThreadEntity)
      .createQueryBuilder('t')
      .where('t.category_id = ANY(:cats)', { cats: [...byId.keys()] })
      .andWhere('(NOT t.hidden OR t.category_id = ANY(:moderated))', { moderated });
    if (o.tag) qb.andWhere(':tag = ANY(t.tags)', { tag: o.tag.toLowerCase() });
    if (o.unanswered)
      qb.andWhere("t.kind = 'QUESTION' AND t.accepted_reply_id IS NULL AND t.deleted_at IS NULL");
    const total = await qb.clone().getCount();
    const cursor = decodeCursor(after);
    // Pinned threads lead only within one category; across categories, latest activity decides.
    const pinnedFirst = !!o.categoryId;
    if (cursor) {
      const [pinned, ts] = cursor.sortValue.split('|');
      qb.andWhere(
        pinnedFirst
          ? '(t.pinned::int, t.last_activity_at, t.id) < (:pinned::int, :ts::timestamptz, :id::uuid)'
          : '(t.last_activity_at, t.id) < (:ts::timestamptz, :id::uuid)',
        { pinned: pinned === '1' ? 1 : 0, ts, id: cursor.id },
      );
    }
    if (pinnedFirst) qb.orderBy('t.pinned', 'DESC').addOrderBy('t.last_activity_at', 'DESC');
    else qb.orderBy('t.last_activity_at', 'DESC');
    const rows = await qb
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      nodes: await Promise.all(page.map((t) => this.presentThread(ctx, actor, t, byId.get(t.categoryId)!))),
      totalCount: total,
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: last
          ? encodeCursor(`${last.pinned ? 1 : 0}|${last.lastActivityAt.toISOString()}`, last.id)
          : null,
      },
    };
  }

  /** The access check for a thread, once per request however many fields ask (thread page: thread + replies). */
  private threadAccess(ctx: RequestContext, actor: Actor, id: string) {
    return ctx.loaders
      .memo(
        'forum.threadAccess',
        () =>
          new DataLoader<string, Awaited<ReturnType<ForumAccessService['thread']>>>((ids) =>
            Promise.all(
              ids.map((i) =>
                this.access.thread(actor, i).then(
                  (access) => {
                    // The author came with the thread: presenting it costs no statement.
                    if (access.author) ctx.loaders.get(UserByIdLoader).prime(access.author.id, access.author);
                    return access;
                  },
                  (e: Error) => e,
                ),
              ),
            ),
          ),
      )
      .load(id);
  }

  async thread(ctx: RequestContext, actor: Actor, id: string): Promise<ForumThreadModel> {
    const { thread, category } = await this.threadAccess(ctx, actor, id);
    return this.presentThread(ctx, actor, thread, category);
  }

  async presentThread(
    ctx: RequestContext,
    actor: Actor,
    t: ForumThreadEntity,
    c: ForumCategoryEntity,
  ): Promise<ForumThreadModel> {
    const moderator = canModerateCategory(actor, c);
    const mine = t.authorId === actor.userId;
    return {
      id: t.id,
      category: await this.presentCategory(ctx, c),
      kind: t.kind as ThreadKindEnum,
      title: t.title,
      body: t.deletedAt ? '' : t.body,
      bodyHtml: t.deletedAt ? '' : t.bodyHtml,
      tags: t.tags,
      author: await presentAuthor(ctx, actor, t, moderator),
      createdAt: t.createdAt,
      lastActivityAt: t.lastActivityAt,
      editedAt: t.editedAt,
      deleted: !!t.deletedAt,
      locked: t.locked,
      pinned: t.pinned,
      replyCount: t.replyCount,
      acceptedReplyId: t.acceptedReplyId,
      canAccept: t.kind === 'QUESTION' && (mine || moderator),
      canEdit: !t.deletedAt && (mine || moderator),
    };
  }

  /**
   * One page of top-level replies with their replies down to MAX_REPLY_DEPTH, in tree order, in a
   * single statement; the accepted answer of a question comes first on the first page.
   */
  async replies(
    ctx: RequestContext,
    actor: Actor,
    threadId: string,
    sort: ReplySort,
    limit: number,
    after: string | null,
  ): Promise<ForumReplyPageModel> {
    const cursor = decodeCursor(after);
    const tree = (moderator: boolean) => {
      const params: unknown[] = [threadId, limit + 1, MAX_REPLY_DEPTH, MAX_NODES, moderator];
      if (cursor) params.push(cursor.sortValue, cursor.id);
      // Every thread page runs this: a prepared statement, one per sort order, with and without a cursor.
      const name = `forum.replyTree.${sort}${cursor ? '.after' : ''}`;
      return preparedQuery<TreeRow>(this.ds, name, replyTreeSql(sort, !!cursor), params);
    };
    // The tree does not wait for the access check: both statements start at once. Its rows are used
    // only once access is granted, and only if they were read with the viewer's moderator flag for
    // this category (guessed from a network-wide category: true only for network admins); if the
    // guess was wrong (a SEND lead in their trust's category) the tree is read again.
    const guess = canModerateCategory(actor, { trustId: null, roles: null });
    const early = tree(guess);
    early.catch(() => undefined); // abandoned if access is refused
    const { thread, moderator } = await this.threadAccess(ctx, actor, threadId);
    const rows = moderator === guess ? await early : await tree(moderator);
    // Authors came with the rows: prime this request's user loader so presenting them costs no query.
    const users = ctx.loaders.get(UserByIdLoader);
    for (const r of rows) users.prime(r.author_row.id, toUserEntity(r.author_row));
    // The query fetched limit + 1 top-level replies to learn whether another page exists; drop the extra one's tree.
    const hasNextPage = Number(rows[0]?.top_count ?? 0) > limit;
    const inPage = rows.filter((r) => Number(r.top_rank) <= limit);
    const lastTop = inPage.filter((r) => r.depth === 0).at(-1);
    const nodes = await Promise.all(
      inPage.map((r) => this.presentReply(ctx, actor, r, thread.acceptedReplyId, moderator)),
    );
    // The total comes with the rows; only an empty page (past the end) needs asking separately.
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          (
            await this.ds.query(
              'SELECT count(*)::int AS n FROM forum_replies WHERE thread_id = $1 AND depth = 0',
              [threadId],
            )
          )[0].n,
        );
    return {
      nodes,
      totalCount: total,
      pageInfo: {
        hasNextPage,
        endCursor: lastTop
          ? encodeCursor(
              sort === ReplySort.HELPFUL
                ? String(lastTop.helpful_count)
                : new Date(lastTop.created_at).toISOString(),
              lastTop.id,
            )
          : null,
      },
    };
  }

  /** "Continue this thread": a reply and its replies, MAX_REPLY_DEPTH levels below it. */
  async subtree(ctx: RequestContext, actor: Actor, replyId: string): Promise<ForumReplyModel[]> {
    const root = await this.ds.getRepository(ForumReplyEntity).findOneBy({ id: replyId });
    if (!root) throw Errors.notFound('That reply');
    const { thread, moderator } = await this.access.thread(actor, root.threadId);
    const rows: ReplyRow[] = await this.ds.query(
      `SELECT r.*, (r.depth = $3 AND EXISTS (SELECT 1 FROM forum_replies c WHERE c.parent_id = r.id)) AS continues
         FROM forum_replies r
        WHERE r.thread_id = $1 AND (r.path = $2 OR r.path LIKE $2 || '.%') AND r.depth <= $3 AND (NOT r.hidden OR $4)
        ORDER BY r.path LIMIT $5`,
      [root.threadId, root.path, root.depth + MAX_REPLY_DEPTH, moderator, MAX_NODES],
    );
    return Promise.all(rows.map((r) => this.presentReply(ctx, actor, r, thread.acceptedReplyId, moderator)));
  }

  async reply(ctx: RequestContext, actor: Actor, replyId: string): Promise<ForumReplyModel> {
    const [row]: ReplyRow[] = await this.ds.query(
      'SELECT r.*, false AS continues FROM forum_replies r WHERE r.id = $1',
      [replyId],
    );
    const { thread, moderator } = await this.access.thread(
      actor,
      row?.thread_id ?? '00000000-0000-0000-0000-000000000000',
    );
    if (!row || (row.hidden && !moderator)) throw Errors.notFound('That reply');
    return this.presentReply(ctx, actor, row, thread.acceptedReplyId, moderator);
  }

  private async presentReply(
    ctx: RequestContext,
    actor: Actor,
    r: ReplyRow,
    acceptedId: string | null,
    moderator: boolean,
  ): Promise<ForumReplyModel> {
    return {
      id: r.id,
      threadId: r.thread_id,
      parentId: r.parent_id,
      depth: r.depth,
      body: r.deleted_at ? '' : r.body,
      bodyHtml: r.deleted_at ? '' : r.body_html,
      author: await presentAuthor(
        ctx,
        actor,
        { authorId: r.author_id, anonymous: r.anonymous, deletedAt: r.deleted_at },
        moderator,
      ),
      createdAt: new Date(r.created_at),
      editedAt: r.edited_at ? new Date(r.edited_at) : null,
      deleted: !!r.deleted_at,
      accepted: r.id === acceptedId,
      helpfulCount: r.helpful_count,
      continues: !!r.continues,
    };
  }

  mentionCandidates(actor: Actor, categoryId: string, search: string) {
    return this.access.mentionCandidates(actor, categoryId, search);
  }
}
