import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditAction,
  ResourceStatus,
  adoptingTrustsOf,
  canAdoptForTrust,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { AuditService } from '../audit/audit.service';
import { AdoptTemplateInput } from './dto/adopt-template.input';
import { CommentOnResourceInput } from './dto/comment.input';
import { LibraryAccessService } from './library-access.service';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { LibraryCommentEntity } from './library.entity';
import { LibraryCommentModel } from './library.model';

/** How a library override reads in the audit trail. */
const SAVED = { action: AuditAction.LibraryPersonalDataOverride, verb: 'Saved to the library' } as const;

export const toComment = (
  c: LibraryCommentEntity,
  viewerId: string,
): LibraryCommentModel & { authorId: string } => ({
  id: c.id,
  resourceId: c.resourceId,
  body: c.body,
  bodyHtml: c.bodyHtml,
  author: null,
  authorId: c.authorId,
  isViewer: c.authorId === viewerId,
  createdAt: c.createdAt,
});

/** One person's relationship with resources: "useful", bookmarks, comments; and trust adoption. */
@Injectable()
export class LibraryEngagementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
    private readonly personalData: PersonalDataService,
    private readonly audit: AuditService,
  ) {}

  /** Mark or unmark as useful (idempotent); the count moves only when something changed. */
  async endorse(actor: Actor, resourceId: string, on: boolean): Promise<void> {
    const r = await this.access.resource(actor, resourceId);
    if (r.status !== ResourceStatus.Published)
      throw Errors.conflict('Only a published resource can be marked useful.');
    await this.ds.transaction(async (m) => {
      const changed = on
        ? (
            (await m.query(
              'INSERT INTO library_endorsements (resource_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
              [r.id, actor.userId],
            )) as unknown[]
          ).length
        : (
            (await m.query('DELETE FROM library_endorsements WHERE resource_id = $1 AND user_id = $2', [
              r.id,
              actor.userId,
            ])) as [unknown, number]
          )[1];
      if (changed)
        await m.query(
          'UPDATE library_resources SET endorsement_count = endorsement_count + $2 WHERE id = $1',
          [r.id, on ? 1 : -1],
        );
    });
  }

  async bookmark(actor: Actor, resourceId: string, on: boolean): Promise<void> {
    const r = await this.access.resource(actor, resourceId);
    if (on)
      await this.ds.query(
        'INSERT INTO library_bookmarks (user_id, resource_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [actor.userId, r.id],
      );
    else
      await this.ds.query('DELETE FROM library_bookmarks WHERE user_id = $1 AND resource_id = $2', [
        actor.userId,
        r.id,
      ]);
  }

  /** Which of these resources the viewer endorsed / bookmarked (one statement per request each). */
  viewerSetLoader(
    table: 'library_endorsements' | 'library_bookmarks',
    userId: string,
  ): DataLoader<string, boolean> {
    return new DataLoader<string, boolean>(async (ids) => {
      const rows: Array<{ resource_id: string }> = await this.ds.query(
        `SELECT resource_id FROM ${table} WHERE user_id = $1 AND resource_id = ANY($2::uuid[])`,
        [userId, ids],
      );
      const set = new Set(rows.map((r) => r.resource_id));
      return ids.map((id) => set.has(id));
    });
  }

  async comment(
    ctx: RequestContext,
    actor: Actor,
    input: CommentOnResourceInput,
  ): Promise<LibraryCommentModel> {
    const r = await this.access.resource(actor, input.resourceId);
    if (r.status === ResourceStatus.Archived)
      throw Errors.conflict('This resource is archived: comments are closed.');
    const saved = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(LibraryCommentEntity);
      const [row] = await m.query(
        'INSERT INTO library_comments (resource_id, author_id, body, body_html) VALUES ($1, $2, $3, $4) RETURNING id',
        [r.id, actor.userId, input.body, renderMarkdown(input.body)],
      );
      await m.query('UPDATE library_resources SET comment_count = comment_count + 1 WHERE id = $1', [r.id]);
      await this.personalData.check(
        ctx,
        [input.body],
        input.personalDataOverride,
        {
          ...SAVED,
          trustId: r.trustId,
          schoolId: r.schoolId,
          targetType: 'library_comment',
          targetId: row.id,
        },
        m,
      );
      return repo.findOneByOrFail({ id: row.id as string });
    });
    return toComment(saved, actor.userId);
  }

  /** Comments on a resource, oldest first, keyset-paginated. */
  async comments(
    actor: Actor,
    resourceId: string,
    limit: number,
    after: string | null,
  ): Promise<Connection<LibraryCommentModel>> {
    const r = await this.access.resource(actor, resourceId);
    const qb = this.ds
      .getRepository(LibraryCommentEntity)
      .createQueryBuilder('c')
      .where('c.resource_id = :id', { id: r.id });
    const cursor = decodeCursor(after);
    if (cursor)
      qb.andWhere('(c.created_at, c.id) > (:ts::timestamptz, :cid::uuid)', {
        ts: cursor.sortValue,
        cid: cursor.id,
      });
    const rows = await qb
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      r.commentCount,
      (c) => toComment(c, actor.userId),
      (c) => encodeCursor(c.createdAt.toISOString(), c.id),
    );
  }

  /** A trust's SEND lead records that the trust uses a network resource (again: the notes change). */
  async adopt(ctx: RequestContext, actor: Actor, input: AdoptTemplateInput): Promise<void> {
    const r = await this.access.resource(actor, input.resourceId);
    const mine = adoptingTrustsOf(actor);
    const trustId = input.trustId ?? (mine.length === 1 ? mine[0]! : null);
    if (!trustId)
      throw Errors.badInput('Choose which of your trusts is adopting it.', { trustId: 'Required' });
    if (!canAdoptForTrust(actor, trustId, r)) {
      if (!mine.includes(trustId)) throw Errors.forbidden('adopt resources for that trust');
      throw Errors.badInput(
        'Only a published resource shared with the whole network can be adopted by a trust.',
      );
    }
    const notes = (input.notes ?? '').trim();
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO library_adoptions (resource_id, trust_id, notes, adopted_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (resource_id, trust_id) DO UPDATE SET notes = EXCLUDED.notes, adopted_by = EXCLUDED.adopted_by, adopted_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [r.id, trustId, notes, actor.userId],
      );
      if (row.inserted)
        await m.query('UPDATE library_resources SET adoption_count = adoption_count + 1 WHERE id = $1', [
          r.id,
        ]);
      await this.personalData.check(
        ctx,
        [notes],
        null,
        { ...SAVED, trustId, schoolId: null, targetType: 'library_adoption', targetId: r.id },
        m,
      );
      const [trust] = await m.query('SELECT name FROM trusts WHERE id = $1', [trustId]);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryAdopted,
          summary: `${row.inserted ? 'Adopted' : 'Updated the adoption notes of'} “${r.title.slice(0, 120)}” for ${trust?.name ?? 'the trust'}`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId,
        },
        m,
      );
    });
  }
}
