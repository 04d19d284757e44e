import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canModerateCategory } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { ForumAccessService } from './forum-access.service';
import { presentAuthor } from './forum-present';
import { ForumReadService } from './forum-read.service';
import { ForumSearchFilter, ForumSearchResultsModel } from './forum.models';

/** Counting every match of a common word costs more than the search; beyond this, say "1,000+". */
export const TOTAL_CAP = 1000;
const START = '\u0002';
const STOP = '\u0003';
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A snippet is text, escaped, with only our own <mark> tags around the matches. */
export function snippetToHtml(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, ' ').trim())
    .split(START)
    .join('<mark>')
    .split(STOP)
    .join('</mark>');
}

/**
 * Full-text search over threads and replies (stored tsvectors with GIN indexes; title weighted
 * above body), limited to categories the viewer may see. An anonymous post is never found by
 * filtering on its author, except by moderators.
 */
@Injectable()
export class ForumSearchService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ForumAccessService,
    private readonly read: ForumReadService,
  ) {}

  async search(
    ctx: RequestContext,
    text: string,
    filter: ForumSearchFilter | null,
    limit: number,
    offset: number,
  ): Promise<ForumSearchResultsModel> {
    const q = text.trim();
    if (q.length < 2 || q.length > 200)
      throw Errors.badInput('Search for 2 to 200 characters.', { query: 'Too short or too long' });
    if (offset < 0 || offset > 1000) throw Errors.badInput('That page of results is out of range.');
    const actor = ctx.actor!;
    const categories = filter?.categoryId
      ? [await this.access.category(actor, filter.categoryId)]
      : await this.access.visibleCategories(actor);
    const byId = new Map(categories.map((c) => [c.id, c]));
    const moderated = categories.filter((c) => canModerateCategory(actor, c)).map((c) => c.id);
    const params: unknown[] = [
      q,
      [...byId.keys()],
      moderated,
      limit + 1,
      offset,
      `StartSel=${START},StopSel=${STOP},MaxWords=30,MinWords=12,MaxFragments=2`,
    ];
    const where: string[] = [];
    if (filter?.tag) {
      params.push(filter.tag.toLowerCase());
      where.push(`$${params.length} = ANY(t.tags)`);
    }
    if (filter?.authorId) {
      params.push(filter.authorId);
      where.push(
        `{p}.author_id = $${params.length} AND (NOT {p}.anonymous OR t.category_id = ANY($3::uuid[]))`,
      );
    }
    if (filter?.from) {
      params.push(filter.from);
      where.push(`{p}.created_at >= $${params.length}`);
    }
    if (filter?.to) {
      params.push(filter.to);
      where.push(`{p}.created_at < $${params.length}`);
    }
    const extra = (alias: string) =>
      where.length ? `AND ${where.join(' AND ').split('{p}').join(alias)}` : '';
    const visible = `t.category_id = ANY($2::uuid[]) AND t.deleted_at IS NULL AND (NOT t.hidden OR t.category_id = ANY($3::uuid[]))`;
    const rows: Array<{
      thread_id: string;
      reply_id: string | null;
      title: string;
      headline: string;
      category_id: string;
      author_id: string;
      anonymous: boolean;
      created_at: Date;
      total: string;
    }> = await this.ds.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query),
         hits AS (
           -- Narrow rows only (ids, time, rank): the text is read for the page alone.
           SELECT t.id AS thread_id, NULL::uuid AS reply_id, t.created_at, ts_rank(t.search, q.query) AS rank
             FROM forum_threads t, q
            WHERE t.search @@ q.query AND ${visible} ${extra('t')}
           UNION ALL
           SELECT t.id, r.id, r.created_at, ts_rank(r.search, q.query)
             FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id, q
            WHERE r.search @@ q.query AND r.deleted_at IS NULL AND (NOT r.hidden OR t.category_id = ANY($3::uuid[]))
              AND ${visible} ${extra('r')}),
         page AS (SELECT * FROM hits ORDER BY rank DESC, created_at DESC LIMIT $4 OFFSET $5)
         SELECT page.thread_id, page.reply_id, t.title, t.category_id,
                COALESCE(r.author_id, t.author_id) AS author_id, COALESCE(r.anonymous, t.anonymous) AS anonymous, page.created_at,
                ts_headline('english', COALESCE(r.body, t.body), q.query, $6) AS headline,
                (SELECT count(*) FROM (SELECT 1 FROM hits LIMIT ${TOTAL_CAP + 1}) c) AS total
           FROM page JOIN forum_threads t ON t.id = page.thread_id LEFT JOIN forum_replies r ON r.id = page.reply_id, q
          ORDER BY page.rank DESC, page.created_at DESC`,
      params,
    );
    return {
      totalCount: Math.min(rows.length ? Number(rows[0]!.total) : 0, TOTAL_CAP),
      totalIsLowerBound: rows.length ? Number(rows[0]!.total) > TOTAL_CAP : false,
      hasNextPage: rows.length > limit,
      nodes: await Promise.all(
        rows.slice(0, limit).map(async (r) => {
          const category = byId.get(r.category_id)!;
          return {
            threadId: r.thread_id,
            replyId: r.reply_id,
            title: r.title,
            snippetHtml: snippetToHtml(r.headline),
            author: await presentAuthor(
              ctx,
              { authorId: r.author_id, anonymous: r.anonymous, deletedAt: null },
              canModerateCategory(actor, category),
            ),
            category: await this.read.presentCategory(ctx, category),
            createdAt: new Date(r.created_at),
          };
        }),
      ),
    };
  }
}
