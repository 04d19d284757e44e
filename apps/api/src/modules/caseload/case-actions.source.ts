import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, ActionSourceKind, CaseAccessKind, canAccessCaseData } from '@lantern/shared-domain';
import { ActionSourceRecord, ActionSources } from '../actions/action-sources';
import { CaseAccessLogService } from '../case-access/case-access-log.service';

/** A case as the actions module sees it. */
export function caseRecord(r: {
  id: string;
  reference: string;
  school_id: string;
  trust_id: string;
}): ActionSourceRecord {
  return {
    id: r.id,
    label: `Case ${r.reference}`,
    link: `/caseload/cases/${r.id}`,
    schoolId: r.school_id,
    trustId: r.trust_id,
    caseData: true,
  };
}

/**
 * Cases as a source of actions: the case-data rule decides who sees, changes and owns a case's
 * actions, and every change is written to the case-access log.
 */
@Injectable()
export class CaseActionsSource implements OnModuleInit {
  constructor(
    private readonly sources: ActionSources,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      kind: ActionSourceKind.Case,
      records: (ids, m) => this.records(ids, m),
      canUse: (actor: Actor, r) =>
        !!r.schoolId && !!r.trustId && canAccessCaseData(actor, { schoolId: r.schoolId, trustId: r.trustId }),
      changed: (m, actorId, r, added) =>
        this.accessLog.record(m, [
          {
            schoolId: r.schoolId!,
            caseId: r.id,
            actorUserId: actorId,
            kind: added ? CaseAccessKind.ActionAdded : CaseAccessKind.ActionChanged,
          },
        ]),
    });
  }

  private async records(ids: readonly string[], m: EntityManager): Promise<Map<string, ActionSourceRecord>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; reference: string; school_id: string; trust_id: string }> = await m.query(
      `SELECT c.id, c.reference, c.school_id, s.trust_id FROM cases c JOIN schools s ON s.id = c.school_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, caseRecord(r)]));
  }
}
