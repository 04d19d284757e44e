import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CASE_ACCESS_LABEL,
  CaseAccessKind,
  canAccessCaseData,
  caseDataReach,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/connection';
import { CaseAccessEntryModel, CaseAccessLogModel } from './case-access.model';

export interface CaseAccess {
  schoolId: string;
  caseId?: string | null;
  ehcpDraftId?: string | null;
  actorUserId: string;
  kind: CaseAccessKind;
}

/**
 * The case-access log: every read and change of a case or an EHCP draft, written in the transaction
 * of what it records, and read by the school's own people under the case-data rule. Separate from
 * the network audit trail (leaders), which never shows case content.
 */
@Injectable()
export class CaseAccessLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Record accesses in one statement, with the caller's manager `m`. */
  async record(m: EntityManager, entries: readonly CaseAccess[]): Promise<void> {
    if (!entries.length) return;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(e.schoolId, e.caseId ?? null, e.ehcpDraftId ?? null, e.actorUserId, e.kind);
      const b = i * 5;
      return `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}::uuid, $${b + 4}::uuid, $${b + 5})`;
    });
    await m.query(
      `INSERT INTO case_access_log (school_id, case_id, ehcp_draft_id, actor_user_id, kind) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /**
   * Record a school-wide access (listing the caseload) only if the actor reaches the school's case
   * data (caseDataReach, the case-data rule in SQL): check and record in one statement. False when not.
   */
  async recordForSchool(
    m: EntityManager,
    actor: Actor,
    schoolId: string,
    kind: CaseAccessKind,
  ): Promise<boolean> {
    const reach = caseDataReach(actor);
    const rows: unknown[] = await m.query(
      `INSERT INTO case_access_log (school_id, actor_user_id, kind)
       SELECT s.id, $2, $3 FROM schools s
        WHERE s.id = $1 AND (s.id = ANY($4::uuid[]) OR s.trust_id = ANY($5::uuid[]))
       RETURNING school_id`,
      [schoolId, actor.userId, kind, reach.schoolIds, reach.trustIds],
    );
    return rowsOf(rows).length > 0;
  }

  /** A school's log (or one case's), newest first, for those who may read the school's case data. */
  async list(
    actor: Actor,
    schoolId: string,
    caseId: string | null,
    first: number,
    after: string | null,
  ): Promise<CaseAccessLogModel> {
    const [school] = await this.ds.query('SELECT trust_id FROM schools WHERE id = $1', [schoolId]);
    if (!school || !canAccessCaseData(actor, { schoolId, trustId: school.trust_id }))
      throw Errors.notFound("That school's case-access log");
    const cursor = decodeCursor(after);
    const params: unknown[] = [schoolId, first + 1];
    let where = 'l.school_id = $1';
    if (caseId) {
      params.push(caseId);
      where += ` AND l.case_id = $${params.length}`;
    }
    if (cursor) {
      params.push(cursor.sortValue, cursor.id);
      where += ` AND (l.at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
    }
    const rows: Array<{
      id: string;
      at: Date;
      kind: CaseAccessKind;
      actor_id: string;
      actor_name: string;
      case_id: string | null;
      reference: string | null;
      ehcp_draft_id: string | null;
    }> = await this.ds.query(
      `SELECT l.id::text AS id, l.at, l.kind, u.id AS actor_id, u.display_name AS actor_name,
              l.case_id, COALESCE(c.reference, d.pupil_reference) AS reference, l.ehcp_draft_id
         FROM case_access_log l
         JOIN users u ON u.id = l.actor_user_id
         LEFT JOIN cases c ON c.id = l.case_id
         LEFT JOIN ehcp_drafts d ON d.id = l.ehcp_draft_id
        WHERE ${where}
        ORDER BY l.at DESC, l.id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page.map(
        (r): CaseAccessEntryModel => ({
          id: r.id,
          at: r.at,
          kind: r.kind,
          description: CASE_ACCESS_LABEL[r.kind] ?? r.kind,
          actor: { id: r.actor_id, displayName: r.actor_name },
          caseId: r.case_id,
          caseReference: r.reference,
          ehcpDraftId: r.ehcp_draft_id,
        }),
      ),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(new Date(last.at).toISOString(), last.id) : null,
    };
  }
}

/** Rows from `query()`: TypeORM answers INSERT ... RETURNING on PostgreSQL with the rows themselves. */
function rowsOf(result: unknown): unknown[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as unknown[];
  return Array.isArray(result) ? result : [];
}
