import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  LIBRARY_LIMITS,
  ResourceSort,
  ResourceStatus,
  canManageResource,
  diffHunks,
  normaliseResourceTags,
  splitLines,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { snippetToHtml } from '../forum/forum-search.service';
import { LibraryResourceFilter } from './dto/resource-filter.input';
import { LibraryAccessService } from './library-access.service';
import { LibraryResourceEntity, LibraryVersionEntity } from './library.entity';
import { LibraryFileLoader } from './library.loader';
import {
  DiffLineKindEnum,
  LibraryComparisonModel,
  LibraryFileModel,
  LibraryResourceConnection,
  LibraryResourceModel,
  LibraryVersionModel,
} from './library.model';

const START = '\u0002';
const STOP = '\u0003';

/** Counting every match of a common word costs more than the page; beyond this, say "1,000+". */
export const LIBRARY_TOTAL_CAP = 1000;

/** Sort expressions (descending; each has an index) and how their cursor value is cast back. */
const sortOf = (sort: ResourceSort, tsquery: string): { expr: string; cast: string } => {
  switch (sort) {
    case ResourceSort.Recent:
      return { expr: 'r.updated_at', cast: 'timestamptz' };
    case ResourceSort.MostUsed:
      return { expr: 'r.usage_count', cast: 'int' };
    case ResourceSort.RecentlyReviewed:
      return { expr: "COALESCE(r.last_reviewed_at, '-infinity'::timestamptz)", cast: 'timestamptz' };
    case ResourceSort.Relevance:
      return { expr: `ts_rank(r.search, ${tsquery})`, cast: 'real' };
  }
};

/** Every column but the search vector (which can be large). */
export const COLUMNS = [
  'id',
  'kind',
  'title',
  'summary',
  'need_areas',
  'phases',
  'local_authority_id',
  'tags',
  'share_scope',
  'trust_id',
  'school_id',
  'status',
  'owner_id',
  'base_resource_id',
  'current_version_id',
  'version_count',
  'created_at',
  'updated_at',
  'last_reviewed_at',
  'last_reviewed_by',
  'review_due_at',
  'download_count',
  'endorsement_count',
  'comment_count',
  'adoption_count',
]
  .map((c) => `r.${c}`)
  .join(', ');

interface ResourceRow {
  id: string;
  kind: LibraryResourceEntity['kind'];
  title: string;
  summary: string;
  need_areas: LibraryResourceEntity['needAreas'];
  phases: LibraryResourceEntity['phases'];
  local_authority_id: string | null;
  tags: string[];
  share_scope: LibraryResourceEntity['shareScope'];
  trust_id: string | null;
  school_id: string | null;
  status: ResourceStatus;
  owner_id: string;
  base_resource_id: string | null;
  current_version_id: string | null;
  version_count: number;
  created_at: Date;
  updated_at: Date;
  last_reviewed_at: Date | null;
  last_reviewed_by: string | null;
  review_due_at: Date | null;
  download_count: number;
  endorsement_count: number;
  comment_count: number;
  adoption_count: number;
  sort_key: string;
  headline: string | null;
}

export function rowToEntity(r: Omit<ResourceRow, 'sort_key' | 'headline'>): LibraryResourceEntity {
  return Object.assign(new LibraryResourceEntity(), {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    needAreas: r.need_areas,
    phases: r.phases,
    localAuthorityId: r.local_authority_id,
    tags: r.tags,
    shareScope: r.share_scope,
    trustId: r.trust_id,
    schoolId: r.school_id,
    status: r.status,
    ownerId: r.owner_id,
    baseResourceId: r.base_resource_id,
    currentVersionId: r.current_version_id,
    versionCount: r.version_count,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    lastReviewedAt: r.last_reviewed_at ? new Date(r.last_reviewed_at) : null,
    lastReviewedBy: r.last_reviewed_by,
    reviewDueAt: r.review_due_at ? new Date(r.review_due_at) : null,
    downloadCount: r.download_count,
    endorsementCount: r.endorsement_count,
    commentCount: r.comment_count,
    adoptionCount: r.adoption_count,
  });
}

/** Reading the library: search and filters, a resource, its versions and comparisons. */
@Injectable()
export class LibraryReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
  ) {}

  present(
    ctx: RequestContext,
    r: LibraryResourceEntity,
    snippetHtml: string | null = null,
  ): LibraryResourceModel {
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      needAreas: r.needAreas,
      phases: r.phases,
      tags: r.tags,
      shareScope: r.shareScope,
      status: r.status,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      lastReviewedAt: r.lastReviewedAt,
      reviewDueAt: r.reviewDueAt,
      reviewOverdue:
        !!r.reviewDueAt && r.reviewDueAt.getTime() <= Date.now() && r.status !== ResourceStatus.Archived,
      versionCount: r.versionCount,
      downloadCount: r.downloadCount,
      endorsementCount: r.endorsementCount,
      commentCount: r.commentCount,
      adoptionCount: r.adoptionCount,
      snippetHtml,
      canManage: canManageResource(ctx.actor, r),
      localAuthorityId: r.localAuthorityId,
      trustId: r.trustId,
      schoolId: r.schoolId,
      ownerId: r.ownerId,
      lastReviewedBy: r.lastReviewedBy,
      baseResourceId: r.baseResourceId,
      currentVersionId: r.currentVersionId,
    };
  }

  async resource(ctx: RequestContext, actor: Actor, id: string): Promise<LibraryResourceModel> {
    return this.present(ctx, await this.access.resource(actor, id));
  }

  /** Resources the viewer may see, filtered, sorted and keyset-paginated; with a query, full-text search. */
  async list(
    ctx: RequestContext,
    actor: Actor,
    filter: LibraryResourceFilter | null,
    sort: ResourceSort,
    limit: number,
    after: string | null,
  ): Promise<LibraryResourceConnection> {
    const query = filter?.query?.trim() || null;
    if (query && (query.length < LIBRARY_LIMITS.searchMin || query.length > LIBRARY_LIMITS.searchMax))
      throw Errors.badInput(
        `Search for ${LIBRARY_LIMITS.searchMin} to ${LIBRARY_LIMITS.searchMax} characters.`,
        {
          query: 'Too short or too long',
        },
      );
    if (sort === ResourceSort.Relevance && !query)
      throw Errors.badInput('Sorting by relevance needs something to search for.', { sort: 'Needs a query' });
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // Written out (not a CTE) so the planner sees the query's words and estimates how common they are.
    const tsquery = query ? `websearch_to_tsquery('english', ${p(query)})` : "''::tsquery";
    const where: string[] = [this.access.visibleSql(actor, 'r', params)];
    where.push(`r.status = ${p(filter?.status ?? ResourceStatus.Published)}`);
    if (query) where.push(`r.search @@ ${tsquery}`);
    if (filter?.kinds?.length) where.push(`r.kind = ANY(${p(filter.kinds)}::text[])`);
    if (filter?.needArea) where.push(`r.need_areas @> ARRAY[${p(filter.needArea)}]::text[]`);
    if (filter?.phase) where.push(`r.phases @> ARRAY[${p(filter.phase)}]::text[]`);
    if (filter?.localAuthorityId) where.push(`r.local_authority_id = ${p(filter.localAuthorityId)}`);
    if (filter?.shareScope) where.push(`r.share_scope = ${p(filter.shareScope)}`);
    if (filter?.tag) {
      const [tag] = normaliseResourceTags([filter.tag]);
      if (tag) where.push(`r.tags @> ARRAY[${p(tag)}]::text[]`);
    }
    if (filter?.bookmarked)
      where.push(
        `EXISTS (SELECT 1 FROM library_bookmarks b WHERE b.resource_id = r.id AND b.user_id = ${p(actor.userId)})`,
      );
    if (filter?.mine) where.push(`r.owner_id = ${p(actor.userId)}`);
    if (filter?.baseResourceId) where.push(`r.base_resource_id = ${p(filter.baseResourceId)}`);
    const countWhere = where.join(' AND ');
    const { expr, cast } = sortOf(sort, tsquery);
    const cursor = decodeCursor(after);
    const pageWhere = [...where];
    if (cursor) pageWhere.push(`(${expr}, r.id) < (${p(cursor.sortValue)}::${cast}, ${p(cursor.id)}::uuid)`);
    const headline = query
      ? `ts_headline('english', left(page.summary || E'\\n\\n' || COALESCE(v.body_md, ''), ${LIBRARY_LIMITS.snippetSourceChars}), ${tsquery}, ${p(`StartSel=${START},StopSel=${STOP},MaxWords=30,MinWords=12,MaxFragments=2`)})`
      : 'NULL';
    // One statement: the count (always one row; stops at the cap) joined with the page, and the
    // snippets for the page alone.
    const rows: Array<ResourceRow & { total: number }> = await this.ds.query(
      `WITH page AS (
           SELECT ${COLUMNS}, ${expr} AS sort_val, (${expr})::text AS sort_key FROM library_resources r
            WHERE ${pageWhere.join(' AND ')}
            ORDER BY ${expr} DESC, r.id DESC LIMIT ${limit + 1}),
         counted AS (
           SELECT count(*)::int AS total FROM (SELECT 1 FROM library_resources r WHERE ${countWhere} LIMIT ${LIBRARY_TOTAL_CAP + 1}) x)
       SELECT counted.total, page.*, ${headline} AS headline
         FROM counted LEFT JOIN page ON true LEFT JOIN library_resource_versions v ON v.id = page.current_version_id
        ORDER BY page.sort_val DESC, page.id DESC`,
      params,
    );
    const counted = rows[0]?.total ?? 0;
    const found = rows.filter((r) => r.id);
    return {
      ...toConnection(
        found,
        limit,
        Math.min(counted, LIBRARY_TOTAL_CAP),
        (r) => this.present(ctx, rowToEntity(r), r.headline ? snippetToHtml(r.headline) : null),
        (r) => encodeCursor(r.sort_key, r.id),
      ),
      totalCountIsLowerBound: counted > LIBRARY_TOTAL_CAP,
    };
  }

  async versions(
    actor: Actor,
    resourceId: string,
    limit: number,
    after: string | null,
  ): Promise<Connection<LibraryVersionModel>> {
    const r = await this.access.resource(actor, resourceId);
    const cursor = decodeCursor(after);
    const before = cursor ? Number(cursor.sortValue) : r.versionCount + 1;
    const rows = await this.ds
      .getRepository(LibraryVersionEntity)
      .createQueryBuilder('v')
      .where('v.resource_id = :id AND v.number < :before', { id: r.id, before })
      .orderBy('v.number', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      r.versionCount,
      (v) => this.presentVersion(v, r),
      (v) => encodeCursor(String(v.number), v.id),
    );
  }

  async version(actor: Actor, resourceId: string, number: number | null): Promise<LibraryVersionModel> {
    const r = await this.access.resource(actor, resourceId);
    const v = await this.ds
      .getRepository(LibraryVersionEntity)
      .findOneBy({ resourceId: r.id, number: number ?? r.versionCount });
    if (!v) throw Errors.notFound(`Version ${number}`);
    return this.presentVersion(v, r);
  }

  presentVersion(
    v: LibraryVersionEntity,
    r: Pick<LibraryResourceEntity, 'currentVersionId'>,
  ): LibraryVersionModel {
    return {
      id: v.id,
      resourceId: v.resourceId,
      number: v.number,
      title: v.title,
      summary: v.summary,
      bodyMd: v.bodyMd,
      bodyHtml: v.bodyHtml,
      changeNote: v.changeNote,
      author: null,
      authorId: v.authorId,
      createdAt: v.createdAt,
      restoredFrom: v.restoredFrom,
      ehcpSections: null,
      ehcpJson: v.ehcpSections,
      files: [],
      fileIds: v.fileIds,
      isCurrent: v.id === r.currentVersionId,
    };
  }

  /** A line diff of the markdown from one version to another (either order), with file changes. */
  async compare(
    ctx: RequestContext,
    actor: Actor,
    resourceId: string,
    from: number,
    to: number,
  ): Promise<LibraryComparisonModel> {
    const r = await this.access.resource(actor, resourceId);
    const versions = await this.ds
      .getRepository(LibraryVersionEntity)
      .createQueryBuilder('v')
      .where('v.resource_id = :id AND v.number IN (:...n)', { id: r.id, n: [from, to] })
      .getMany();
    const a = versions.find((v) => v.number === from);
    const b = versions.find((v) => v.number === to);
    if (!a || !b) throw Errors.notFound(`Version ${!a ? from : to}`);
    if (
      splitLines(a.bodyMd).length > LIBRARY_LIMITS.diffMaxLines ||
      splitLines(b.bodyMd).length > LIBRARY_LIMITS.diffMaxLines
    )
      throw Errors.badInput(
        `These versions are too long to compare here (over ${LIBRARY_LIMITS.diffMaxLines} lines).`,
      );
    const hunks = diffHunks(a.bodyMd, b.bodyMd).map((h) => ({
      ...h,
      lines: h.lines.map((l) => ({ ...l, kind: l.kind as DiffLineKindEnum })),
    }));
    const lines = hunks.flatMap((h) => h.lines);
    const files = ctx.loaders.get(LibraryFileLoader);
    const load = async (ids: string[]) =>
      (await files.loadMany(ids)).filter((f): f is LibraryFileModel => !!f && !(f instanceof Error));
    return {
      from: this.presentVersion(a, r),
      to: this.presentVersion(b, r),
      hunks,
      addedLines: lines.filter((l) => l.kind === DiffLineKindEnum.ADDED).length,
      removedLines: lines.filter((l) => l.kind === DiffLineKindEnum.REMOVED).length,
      titleChanged: a.title !== b.title,
      summaryChanged: a.summary !== b.summary,
      filesAdded: await load(b.fileIds.filter((id) => !a.fileIds.includes(id))),
      filesRemoved: await load(a.fileIds.filter((id) => !b.fileIds.includes(id))),
    };
  }
}
