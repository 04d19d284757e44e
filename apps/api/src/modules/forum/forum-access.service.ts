import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Role,
  ThreadScope,
  canModerateCategory,
  allows,
  canSeeCategory,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { Errors } from '../../common/errors/app-error';
import { entityFromRow, preparedQuery, selectColumns } from '../../database/prepared-query';
import { UserEntity } from '../users/user.entity';
import { ForumCategoryEntity, ForumThreadEntity } from './forum.entity';

/** Forum visibility, always decided by the shared policy (canSeeCategory, canModerateCategory). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ForumAccessService {
  /** The fixed text of the thread lookup (columns from the entities' metadata). */
  private readonly threadWithCategory: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly actors: ActorsRepository,
  ) {
    this.threadWithCategory = `SELECT ${selectColumns(ds, ForumThreadEntity, 't')},
        ${selectColumns(ds, ForumCategoryEntity, 'c')}, ${selectColumns(ds, UserEntity, 'u')}
      FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id
      LEFT JOIN users u ON u.id = t.author_id
     WHERE t.id = $1`;
  }

  /** The categories the actor may see, in order (there are few; filtered by the policy). */
  async visibleCategories(actor: Actor): Promise<ForumCategoryEntity[]> {
    const all = await this.ds
      .getRepository(ForumCategoryEntity)
      .find({ order: { position: 'ASC', name: 'ASC' } });
    return all.filter((c) => canSeeCategory(actor, c));
  }

  async visibleCategoryIds(actor: Actor): Promise<string[]> {
    return (await this.visibleCategories(actor)).map((c) => c.id);
  }

  /** The category, or NOT_FOUND when it does not exist or the actor may not see it (never "forbidden": that would confirm it exists). */
  async category(actor: Actor, id: string): Promise<ForumCategoryEntity> {
    const c = await this.ds.getRepository(ForumCategoryEntity).findOneBy({ id });
    if (!c || !canSeeCategory(actor, c)) throw Errors.notFound('That category');
    return c;
  }

  /**
   * The thread with its category and its author's user row, or NOT_FOUND when invisible to the
   * actor (hidden threads: moderators only). One prepared statement: every thread page and every
   * post in a thread asks this first.
   */
  async thread(
    actor: Actor,
    id: string,
  ): Promise<{
    thread: ForumThreadEntity;
    category: ForumCategoryEntity;
    moderator: boolean;
    /** The author's user (null if the user is gone): callers prime their user loader with it. */
    author: UserEntity | null;
  }> {
    const [row] = await preparedQuery<Record<string, unknown>>(
      this.ds,
      'forum.threadWithCategory',
      this.threadWithCategory,
      [id],
    );
    const category = row ? entityFromRow(this.ds, ForumCategoryEntity, row, 'c') : null;
    if (!row || !category || !canSeeCategory(actor, category)) throw Errors.notFound('That thread');
    const thread = entityFromRow(this.ds, ForumThreadEntity, row, 't');
    const moderator = canModerateCategory(actor, category);
    if (thread.hidden && !moderator) throw Errors.notFound('That thread');
    const author = row['u_id'] ? entityFromRow(this.ds, UserEntity, row, 'u') : null;
    return { thread, category, moderator, author };
  }

  /** A thread as the policy sees it (canReadThread), or null when there is none. */
  async threadScope(threadId: string): Promise<ThreadScope | null> {
    if (!UUID.test(threadId)) return null;
    const [row]: Array<{ trust_id: string | null; roles: Role[] | null; hidden: boolean }> =
      await this.ds.query(
        `SELECT c.trust_id, c.roles, t.hidden
         FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id
        WHERE t.id = $1`,
        [threadId],
      );
    return row ? { category: { trustId: row.trust_id, roles: row.roles }, hidden: row.hidden } : null;
  }

  async canReadThread(actor: Actor, threadId: string): Promise<boolean> {
    return allows(actor, 'canReadThread', await this.threadScope(threadId));
  }

  async replyAuthor(replyId: string): Promise<Array<{ authorId: string; anonymous: boolean }>> {
    const rows: Array<{ author_id: string; anonymous: boolean }> = await this.ds.query(
      'SELECT author_id, anonymous FROM forum_replies WHERE id = $1',
      [replyId],
    );
    return rows.map((r) => ({ authorId: r.author_id, anonymous: r.anonymous }));
  }

  /** Of these people, those who may see the category now (current roles, active accounts). */
  async whoCanSee(
    userIds: string[],
    category: ForumCategoryEntity,
    m: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    if (!userIds.length) return [];
    const people = await this.actors.actorsFor(userIds, m);
    return [...people.values()].filter((p) => canSeeCategory(p, category)).map((p) => p.userId);
  }

  /** People who may see the category whose name has words starting with those typed, or whose email contains them (for mention autocomplete). */
  async mentionCandidates(
    actor: Actor,
    categoryId: string,
    search: string,
  ): Promise<Array<{ id: string; displayName: string }>> {
    const category = await this.category(actor, categoryId);
    const q = search.trim().toLowerCase();
    if (q.length < 1 || q.length > 60) return [];
    // Each word typed starts a word of the name, in any order ("holy cross" finds "SENCO, Holy Cross
    // Primary"); or the whole text is part of the email address.
    const words = q
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 5);
    const regex = (w: string) => `(^|[^[:alnum:]])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    const params: unknown[] = [`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, actor.userId];
    const nameMatch = words.map((w) => {
      params.push(regex(w));
      return `lower(display_name) ~ $${params.length}`;
    });
    const rows: Array<{ id: string; display_name: string }> = await this.ds.query(
      `SELECT id, display_name FROM users WHERE deactivated_at IS NULL AND id <> $2
          AND ((${nameMatch.join(' AND ') || 'false'}) OR email LIKE $1 ESCAPE '\\')
        ORDER BY lower(display_name) LIMIT 50`,
      params,
    );
    const allowed = new Set(
      await this.whoCanSee(
        rows.map((r) => r.id),
        category,
      ),
    );
    return rows
      .filter((r) => allowed.has(r.id))
      .slice(0, 8)
      .map((r) => ({ id: r.id, displayName: r.display_name }));
  }
}
