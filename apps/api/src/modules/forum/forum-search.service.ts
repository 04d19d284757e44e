import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, canModerateCategory } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { markdownToText } from '../../common/markdown/render-markdown';
import { ForumAccessService } from './forum-access.service';
import { presentAuthor } from './forum-present';
import { ForumReadService } from './forum-read.service';
import { ForumSearchFilter } from './dto/search-filter.input';
import { ForumSearchResultsModel } from './forum.model';

/** Counting every match of a common word costs more than the search; beyond this, say "1,000+". */
export const TOTAL_CAP = 1000;
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START},StopSel=${STOP},MaxWords=30,MinWords=12,MaxFragments=2`;
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * A snippet is plain text (the markdown's own marks taken out, also those left dangling where the
 * excerpt was cut), escaped, with only our own <mark> tags around the matches.
 */
export function snippetToHtml(headline: string): string {
  const text = markdownToText(headline, 10_000)
    .replace(/\*\*|__|~~|`+/g, '')
    .replace(/(^|\s)#{1,6}(?=\s)/g, '$1');
  return escapeHtml(text.replace(/\s+/g, ' ').trim()).split(START).join('<mark>').split(STOP).join('</mark>');
}

/**
 * Full-text search over threads and replies (stored tsvectors with GIN indexes; title weighted
 * above body), limited to categories the viewer may see. When more than TOTAL_CAP posts match (a
 * very common word), results come newest first instead of best match first (sortedByDate). An anonymous post is never found by
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
    actor: Actor,
    text: string,
    filter: ForumSearchFilter | null,
    limit: number,
    offset: number,
  ): Promise<ForumSearchResultsModel> {
    const q = text.trim();
    if (q.length < 2 || q.length > 200)
      throw Errors.badInput('Search for 2 to 200 characters.', { query: 'Too short or too long' });
    if (offset < 0 || offset > 1000) throw Errors.badInput('That page of results is out of range.');
    const categories = filter?.categoryId
      ? [await this.access.category(actor, filter.categoryId)]
      : await this.access.visibleCategories(actor);
    const byId = new Map(categories.map((c) => [c.id, c]));
    const moderated = categories.filter((c) => canModerateCategory(actor, c)).map((c) => c.id);
    // $1 the words, $2 the visible categories, $3 the moderated ones, then the filters.
    const params: unknown[] = [q, [...byId.keys()], moderated];
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
    // The words stay a constant, so PostgreSQL knows how common they are (a common word: read in
    // date order and stop; a rare one: the GIN index). Each reply looks up its own thread by key
    // (LATERAL ... OFFSET 0): joined plainly, a rare word's estimate made it hash every thread.
    const tsq = `websearch_to_tsquery('english', $1)`;
    const threadHits = `FROM forum_threads t WHERE t.search @@ ${tsq} AND ${visible} ${extra('t')}`;
    const replyHits = `FROM forum_replies r,
              LATERAL (SELECT t.id, t.category_id, t.deleted_at, t.hidden, t.tags FROM forum_threads t WHERE t.id = r.thread_id OFFSET 0) t
            WHERE r.search @@ ${tsq} AND r.deleted_at IS NULL AND (NOT r.hidden OR t.category_id = ANY($3::uuid[]))
              AND ${visible} ${extra('r')}`;

    // 1. How many match, counted up to the cap (stops early for a common word).
    const [{ n }]: Array<{ n: string }> = await this.ds.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 ${threadHits} LIMIT ${TOTAL_CAP + 1}) a)
            + (SELECT count(*) FROM (SELECT 1 ${replyHits} LIMIT ${TOTAL_CAP + 1}) b) AS n`,
      params,
    );
    const total = Number(n);
    // 2. The page. Up to the cap, every match is ranked (title above body). Beyond it, ranking
    //    tens of thousands of matches costs more than the search is worth: the newest come first,
    //    read in date order from the (created_at, id) indexes until the page is full.
    const sortedByDate = total > TOTAL_CAP;
    const pageParams = [...params, limit + 1, offset, HEADLINE];
    const [lim, off, opts] = [params.length + 1, params.length + 2, params.length + 3];
    const hits = sortedByDate
      ? `hits AS (
           (SELECT t.id AS thread_id, NULL::uuid AS reply_id, t.created_at, t.id AS sort_id, 0::real AS rank ${threadHits}
             ORDER BY t.created_at DESC, t.id DESC LIMIT $${lim}::int + $${off}::int)
           UNION ALL
           (SELECT t.id, r.id, r.created_at, r.id, 0::real ${replyHits}
             ORDER BY r.created_at DESC, r.id DESC LIMIT $${lim}::int + $${off}::int)),
         page AS (SELECT * FROM hits ORDER BY created_at DESC, sort_id DESC LIMIT $${lim} OFFSET $${off})`
      : `hits AS (
           -- Narrow rows only (ids, time, rank): the text is read for the page alone.
           SELECT t.id AS thread_id, NULL::uuid AS reply_id, t.created_at, t.id AS sort_id,
                  ts_rank(t.search, ${tsq}) AS rank ${threadHits}
           UNION ALL
           SELECT t.id, r.id, r.created_at, r.id, ts_rank(r.search, ${tsq}) ${replyHits}),
         page AS (SELECT * FROM hits ORDER BY rank DESC, created_at DESC, sort_id DESC LIMIT $${lim} OFFSET $${off})`;
    const rows: Array<{
      thread_id: string;
      reply_id: string | null;
      title: string;
      headline: string;
      category_id: string;
      author_id: string;
      anonymous: boolean;
      created_at: Date;
    }> = await this.ds.query(
      `WITH ${hits}
         SELECT page.thread_id, page.reply_id, t.title, t.category_id,
                COALESCE(r.author_id, t.author_id) AS author_id, COALESCE(r.anonymous, t.anonymous) AS anonymous, page.created_at,
                ts_headline('english', COALESCE(r.body, t.body), ${tsq}, $${opts}) AS headline
           FROM page JOIN forum_threads t ON t.id = page.thread_id LEFT JOIN forum_replies r ON r.id = page.reply_id
          ORDER BY page.rank DESC, page.created_at DESC, page.sort_id DESC`,
      pageParams,
    );
    return {
      totalCount: Math.min(total, TOTAL_CAP),
      totalIsLowerBound: total > TOTAL_CAP,
      sortedByDate,
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
              actor,
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
