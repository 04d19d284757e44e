import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, canModerateCategory } from '@lantern/shared-domain';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { ForumAccessService } from '../forum/forum-access.service';
import { LibraryAccessService } from '../library/library-access.service';
import { BookmarkKindEnum, BookmarkModel } from './bookmarks.model';

interface Row {
  kind: BookmarkKindEnum;
  id: string;
  title: string;
  context: string;
  created_at: Date;
}

const RESOURCE_KIND: Record<string, string> = {
  TEMPLATE: 'Template',
  TOOLKIT: 'Toolkit',
  GUIDE: 'Guide',
  POLICY: 'Policy',
  TRAINING: 'Training',
  FORM: 'Form',
};

/**
 * The viewer's own bookmarks, forum threads and library resources together, newest first. Only
 * what they may still see today: threads in categories they may see (not deleted; hidden ones only
 * for their moderators), resources by the library's visibility rule (the same SQL as its lists).
 */
@Injectable()
export class BookmarksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly forum: ForumAccessService,
    private readonly library: LibraryAccessService,
  ) {}

  async list(actor: Actor, limit: number, after: string | null): Promise<Connection<BookmarkModel>> {
    const categories = await this.forum.visibleCategories(actor);
    const moderated = categories.filter((c) => canModerateCategory(actor, c)).map((c) => c.id);
    const params: unknown[] = [actor.userId, categories.map((c) => c.id), moderated];
    const resourceVisible = this.library.visibleSql(actor, 'r', params);
    const union = `
      SELECT 'FORUM_THREAD' AS kind, t.id, t.title, c.name AS context, b.created_at
        FROM forum_bookmarks b JOIN forum_threads t ON t.id = b.thread_id JOIN forum_categories c ON c.id = t.category_id
       WHERE b.user_id = $1 AND t.category_id = ANY($2::uuid[]) AND t.deleted_at IS NULL
         AND (NOT t.hidden OR t.category_id = ANY($3::uuid[]))
      UNION ALL
      SELECT 'LIBRARY_RESOURCE', r.id, r.title, r.kind, b.created_at
        FROM library_bookmarks b JOIN library_resources r ON r.id = b.resource_id
       WHERE b.user_id = $1 AND ${resourceVisible}`;
    const [{ n }]: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM (${union}) x`,
      params,
    );
    const cursor = decodeCursor(after);
    const pageParams = [...params];
    let where = '';
    if (cursor) {
      pageParams.push(cursor.sortValue, cursor.id);
      where = `WHERE (x.created_at, x.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    pageParams.push(limit + 1);
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM (${union}) x ${where} ORDER BY x.created_at DESC, x.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return toConnection(
      rows,
      limit,
      n,
      (r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        context:
          r.kind === BookmarkKindEnum.FORUM_THREAD
            ? r.context
            : `Library: ${RESOURCE_KIND[r.context] ?? r.context}`,
        link:
          r.kind === BookmarkKindEnum.FORUM_THREAD ? `/forum/threads/${r.id}` : `/library/resources/${r.id}`,
        bookmarkedAt: new Date(r.created_at),
      }),
      (r) => encodeCursor(new Date(r.created_at).toISOString(), r.id),
    );
  }
}
