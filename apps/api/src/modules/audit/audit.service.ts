import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor, AuditAction, Permission, Role, canModerateCategory, reachOf } from '@lantern/shared-domain';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import type { RequestContext } from '../../common/context/request-context';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryModel } from './audit.model';
import { AuditFilter } from './dto/audit-filter.input';

export interface AuditRecord {
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  summary: string;
  ip: string | null;
  targetType?: string;
  targetId?: string;
  /** The scope that may read the entry (none: network admins only). */
  trustId?: string | null;
  schoolId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** An entry by the signed-in person of this request (actor and address from the context). */
  recordFor(
    ctx: RequestContext,
    entry: Omit<AuditRecord, 'actorUserId' | 'actorLabel' | 'ip'>,
    manager: EntityManager = this.ds.manager,
  ): Promise<void> {
    return this.recordAllFor(ctx, [entry], manager);
  }

  /** Several entries by the person of this request, in one statement (e.g. every row of a list read). */
  recordAllFor(
    ctx: RequestContext,
    entries: Array<Omit<AuditRecord, 'actorUserId' | 'actorLabel' | 'ip'>>,
    manager: EntityManager = this.ds.manager,
  ): Promise<void> {
    const who = {
      actorUserId: ctx.session?.userId ?? null,
      actorLabel: ctx.session?.displayName ?? 'Unknown',
      ip: ctx.ip,
    };
    return this.record(
      entries.map((e) => ({ ...e, ...who })),
      manager,
    );
  }

  /** Write entries; pass the transaction's manager so they commit with the change they record. */
  async record(
    entries: AuditRecord | AuditRecord[],
    manager: EntityManager = this.ds.manager,
  ): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    await manager.getRepository(AuditEntryEntity).insert(
      list.map((entry) => ({
        actorUserId: entry.actorUserId,
        actorLabel: entry.actorLabel,
        action: entry.action,
        summary: entry.summary,
        ip: entry.ip,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        trustId: entry.trustId ?? null,
        schoolId: entry.schoolId ?? null,
      })),
    );
  }

  /** Entries the actor may read, newest first: network admins all, others their trusts' and schools'. */
  async list(
    actor: Actor,
    filter: AuditFilter | null,
    limit: number,
    after: string | null,
  ): Promise<Connection<AuditEntryModel>> {
    const reach = reachOf(actor, Permission.AuditRead);
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (!reach.network) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('false');
          if (reach.trustIds.length) {
            w.orWhere('a.trust_id = ANY(:trustIds)', { trustIds: reach.trustIds });
          }
          if (reach.schoolIds.length)
            w.orWhere('a.school_id = ANY(:schoolIds)', { schoolIds: reach.schoolIds });
        }),
      );
    }
    if (filter?.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter?.trustId) qb.andWhere('a.trust_id = :trustId', { trustId: filter.trustId });
    if (filter?.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    const total = await qb.clone().getCount();
    const cursor = decodeCursor(after);
    if (cursor) {
      qb.andWhere('(a.created_at, a.id) < (:ts::timestamptz, :id::uuid)', {
        ts: cursor.sortValue,
        id: cursor.id,
      });
    }
    const rows = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const hidden = await this.anonymousAuthorsHiddenFrom(actor, rows.slice(0, limit));
    return toConnection(
      rows,
      limit,
      total,
      (e) => (hidden.has(e.id) ? { ...toAuditModel(e), actorLabel: ANONYMOUS, ip: null } : toAuditModel(e)),
      (r) => encodeCursor(r.createdAt.toISOString(), r.id),
    );
  }

  /**
   * Entries that would name the author of an anonymous forum post (their own actions on it: posting
   * past the personal-data check, editing, deleting) to a reader who may not moderate its category.
   * Anonymity holds in every read path; moderators of the category see who it was, as in the forum.
   * One statement for the page, whatever its size.
   */
  private async anonymousAuthorsHiddenFrom(actor: Actor, rows: AuditEntryEntity[]): Promise<Set<string>> {
    const ids = rows
      .filter((r) => (r.targetType === 'forum_thread' || r.targetType === 'forum_reply') && r.actorUserId)
      .map((r) => r.targetId)
      .filter((id): id is string => !!id && UUID.test(id));
    if (!ids.length) return new Set();
    const posts: Array<{ id: string; author_id: string; trust_id: string | null; roles: Role[] | null }> =
      await this.ds.query(
        `SELECT t.id, t.author_id, c.trust_id, c.roles FROM forum_threads t
           JOIN forum_categories c ON c.id = t.category_id
          WHERE t.anonymous AND t.id = ANY($1::uuid[])
         UNION ALL
         SELECT r.id, r.author_id, c.trust_id, c.roles FROM forum_replies r
           JOIN forum_threads t ON t.id = r.thread_id
           JOIN forum_categories c ON c.id = t.category_id
          WHERE r.anonymous AND r.id = ANY($1::uuid[])`,
        [[...new Set(ids)]],
      );
    const masked = new Map(
      posts
        .filter((p) => !canModerateCategory(actor, { trustId: p.trust_id, roles: p.roles }))
        .map((p) => [p.id, p.author_id]),
    );
    return new Set(
      rows.filter((r) => r.targetId && masked.get(r.targetId) === r.actorUserId).map((r) => r.id),
    );
  }
}

const ANONYMOUS = 'Anonymous';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAuditModel(e: AuditEntryEntity): AuditEntryModel {
  return {
    id: e.id,
    action: e.action,
    actorLabel: e.actorLabel,
    targetType: e.targetType,
    targetId: e.targetId,
    summary: e.summary,
    ip: e.ip,
    createdAt: e.createdAt,
  };
}
