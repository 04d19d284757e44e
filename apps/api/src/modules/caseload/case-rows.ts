import {
  CaseStatus,
  CaseConcern,
  DatedConcern,
  SenNeed,
  SenStatus,
  academicYearOf,
  caseAttention,
  yearGroupLabel,
} from '@lantern/shared-domain';
import type { CaseSummaryModel } from './case.model';

/** A case row as the caseload's queries return it (with its open actions counted). */
export interface CaseRow {
  id: string;
  school_id: string;
  trust_id: string;
  reference: string;
  current_year: number;
  sen_status: SenStatus;
  primary_need: SenNeed;
  secondary_need: SenNeed | null;
  status: CaseStatus;
  concerns: DatedConcern[];
  open_actions: number;
  overdue_actions: number;
  next_due: string | null;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

/** The year group today, in SQL: the stored one plus the 1 Septembers passed since it was recorded. */
export const CURRENT_YEAR_SQL = (academicYearParam: string) =>
  `(c.year_group + GREATEST(0, ${academicYearParam}::int - (extract(year FROM c.year_group_on)::int - (extract(month FROM c.year_group_on) < 9)::int)))`;

/**
 * The columns of a case with its open actions (`a`: per case, counted once) — the list and the case
 * page read the same shape. Parameters: $today (YYYY-MM-DD) and $academicYear as named by the caller.
 */
export function caseColumns(today: string, academicYear: string): string {
  return `c.id, c.school_id, s.trust_id, c.reference, ${CURRENT_YEAR_SQL(academicYear)} AS current_year,
    c.sen_status, c.primary_need, c.secondary_need, c.status, c.concerns, c.revision, c.created_at, c.updated_at,
    COALESCE(a.open_actions, 0)::int AS open_actions, COALESCE(a.overdue_actions, 0)::int AS overdue_actions,
    to_char(LEAST(a.next_action, c.next_concern_on), 'YYYY-MM-DD') AS next_due`;
}

/** Open actions per case of one school (`school` names the parameter), joined as `a`. */
export function openActionsJoin(school: string, today: string): string {
  return `LEFT JOIN (
      SELECT source_id, count(*) AS open_actions, count(*) FILTER (WHERE due_on < ${today}::date) AS overdue_actions,
             min(due_on) AS next_action
        FROM actions WHERE status = 'OPEN' AND source_kind = 'CASE' AND school_id = ${school}
       GROUP BY source_id) a ON a.source_id = c.id`;
}

export function summaryOf(r: CaseRow, today: string): CaseSummaryModel {
  return {
    id: r.id,
    reference: r.reference,
    yearGroup: r.current_year,
    yearGroupLabel: yearGroupLabel(r.current_year),
    senStatus: r.sen_status,
    primaryNeed: r.primary_need,
    secondaryNeed: r.secondary_need,
    status: r.status,
    concerns: (r.concerns ?? []).map((c) => ({ kind: c.kind as CaseConcern, dueOn: c.dueOn, note: c.note })),
    openActions: r.open_actions,
    overdueActions: r.overdue_actions,
    nextDueOn: r.next_due,
    attention: caseAttention(r.overdue_actions, r.next_due, today),
    updatedAt: r.updated_at,
  };
}

export function academicYearNow(now: Date = new Date()): number {
  return academicYearOf(now);
}
