import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor, AuditAction, Permission, reachOf } from '@lantern/shared-domain';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import type { RequestContext } from '../../common/context/request-context';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryModel } from './audit.models';
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
    return toConnection(rows, limit, total, toAuditModel, (r) =>
      encodeCursor(r.createdAt.toISOString(), r.id),
    );
  }
}

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
