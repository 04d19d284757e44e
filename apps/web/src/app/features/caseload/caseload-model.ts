import {
  CASELOAD_LIMITS,
  CASE_CONCERN_LABEL,
  CaseAttention,
  type CaseConcern,
  type CaseFields,
  CaseSort,
  CaseStatus,
  NEED_AREA_LABEL,
  SEN_NEEDS,
  SenNeed,
  SenStatus,
  caseProblem,
  pupilReferenceProblem,
  yearGroupLabel,
} from '@lantern/shared-domain';
import type { CaseFilterInput } from '@lantern/web-graphql';
import { formatDate } from '../../core/format';

/** The caseload list's choices, as kept in the URL (`?school=…&status=…&need=…&concern=…&year=…&sort=…`). */
export interface CaseListQuery {
  school: string | null;
  /** '' = open and monitoring (the API's default), 'ALL', or one status. */
  status: '' | 'ALL' | CaseStatus;
  need: SenNeed | null;
  concern: CaseConcern | null;
  year: number | null;
  sort: CaseSort;
}

export const DEFAULT_QUERY: CaseListQuery = {
  school: null,
  status: '',
  need: null,
  concern: null,
  year: null,
  sort: CaseSort.NeedsAttention,
};

export const STATUS_FILTERS: ReadonlyArray<{ value: CaseListQuery['status']; label: string }> = [
  { value: '', label: 'Open and monitoring' },
  { value: CaseStatus.Open, label: 'Open' },
  { value: CaseStatus.Monitoring, label: 'Monitoring' },
  { value: CaseStatus.Closed, label: 'Closed' },
  { value: 'ALL', label: 'All cases' },
];

export const SORTS: ReadonlyArray<{ value: CaseSort; label: string }> = [
  { value: CaseSort.NeedsAttention, label: 'Needs attention first' },
  { value: CaseSort.Reference, label: 'Reference (A to Z)' },
  { value: CaseSort.YearGroup, label: 'Year group' },
  { value: CaseSort.RecentlyChanged, label: 'Recently changed' },
];

/** Year groups from Nursery to Year 14, for selects. */
export const YEAR_GROUPS: ReadonlyArray<{ value: number; label: string }> = Array.from(
  { length: CASELOAD_LIMITS.yearGroupMax - CASELOAD_LIMITS.yearGroupMin + 1 },
  (_, i) => CASELOAD_LIMITS.yearGroupMin + i,
).map((value) => ({ value, label: yearGroupLabel(value) }));

/** The census needs grouped under the four broad areas, then those outside them (for <optgroup>). */
export const NEED_GROUPS: ReadonlyArray<{
  label: string;
  needs: ReadonlyArray<{ code: SenNeed; label: string }>;
}> = [
  ...(Object.keys(NEED_AREA_LABEL) as Array<keyof typeof NEED_AREA_LABEL>).map((area) => ({
    label: NEED_AREA_LABEL[area],
    needs: SEN_NEEDS.filter((n) => n.area === area),
  })),
  { label: 'Outside the four areas', needs: SEN_NEEDS.filter((n) => n.area === null) },
]
  .filter((g) => g.needs.length)
  .map((g) => ({
    label: g.label,
    needs: g.needs.map((n) => ({ code: n.code, label: `${n.code}: ${n.label}` })),
  }));

export const CONCERNS = Object.entries(CASE_CONCERN_LABEL).map(([value, label]) => ({
  value: value as CaseConcern,
  label,
}));

const isOneOf = <T extends string>(values: readonly T[], v: string | null | undefined): v is T =>
  !!v && (values as readonly string[]).includes(v);

/** Read the list's choices from the URL's query parameters (anything unknown is ignored). */
export function queryFromParams(params: Readonly<Record<string, string | undefined>>): CaseListQuery {
  const year = params['year'] === undefined || params['year'] === '' ? NaN : Number(params['year']);
  const status = params['status'];
  return {
    school: params['school'] || null,
    status: status === 'ALL' || isOneOf(Object.values(CaseStatus), status) ? status : '',
    need: isOneOf(
      SEN_NEEDS.map((n) => n.code),
      params['need'],
    )
      ? params['need']
      : null,
    concern: isOneOf(
      CONCERNS.map((c) => c.value),
      params['concern'],
    )
      ? params['concern']
      : null,
    year: YEAR_GROUPS.some((y) => y.value === year) ? year : null,
    sort: isOneOf(Object.values(CaseSort), params['sort']) ? params['sort'] : CaseSort.NeedsAttention,
  };
}

/** The URL's query parameters for these choices; defaults are left out, so the URL stays short. */
export function paramsFromQuery(q: CaseListQuery): Record<string, string | null> {
  return {
    school: q.school,
    status: q.status || null,
    need: q.need,
    concern: q.concern,
    year: q.year === null ? null : String(q.year),
    sort: q.sort === CaseSort.NeedsAttention ? null : q.sort,
  };
}

/** What the API is asked for. */
export function filterInput(q: CaseListQuery): CaseFilterInput {
  const statuses = q.status === 'ALL' ? Object.values(CaseStatus) : q.status ? [q.status] : null; // null: open and monitoring
  return { statuses, need: q.need, concern: q.concern, yearGroup: q.year, sort: q.sort };
}

/** True when any filter (not the sort) narrows the list. */
export function isFiltered(q: CaseListQuery): boolean {
  return !!(q.status || q.need || q.concern || q.year !== null);
}

/** The attention badge: words, not colour alone. */
export function attentionText(attention: CaseAttention, overdueActions: number): string | null {
  if (attention === CaseAttention.Overdue)
    return overdueActions === 1 ? 'Overdue: 1 action' : `Overdue: ${overdueActions} actions`;
  if (attention === CaseAttention.Soon) return 'Due soon';
  return null;
}

/** "Appeal or tribunal, 12 March 2026". */
export function concernText(c: { kind: CaseConcern; dueOn: string | null }): string {
  const label = CASE_CONCERN_LABEL[c.kind];
  return c.dueOn ? `${label}, ${formatDate(`${c.dueOn}T12:00:00Z`)}` : label;
}

/** A YYYY-MM-DD date as "12 March 2026" (noon UTC, so the London date is the same day). */
export function dayText(day: string | null | undefined): string {
  return day ? formatDate(`${day}T12:00:00Z`) : '';
}

/** "SLCN" → "SLCN: Speech, language and communication needs". */
export function needText(code: SenNeed | null): string {
  if (!code) return '';
  const n = SEN_NEEDS.find((x) => x.code === code);
  return n ? `${n.code}: ${n.label}` : code;
}

/** The form's fields where a problem from `caseProblem` belongs. */
export type CaseProblemField = 'reference' | 'yearGroup' | 'primaryNeed' | 'secondaryNeed';

/**
 * The shared rule (caseProblem) before sending, with the field its message is about, so it can be
 * shown next to that field.
 */
export function locateCaseProblem(c: CaseFields): { field: CaseProblemField; message: string } | null {
  const message = caseProblem(c);
  if (!message) return null;
  if (pupilReferenceProblem(c.reference) === message) return { field: 'reference', message };
  if (/year group/i.test(message)) return { field: 'yearGroup', message };
  if (c.secondaryNeed && caseProblem({ ...c, secondaryNeed: null }) === null)
    return { field: 'secondaryNeed', message };
  return { field: 'primaryNeed', message };
}

/** NSA (no specialist assessment) may only be chosen for a pupil on SEN support. */
export function needAllowed(code: SenNeed, senStatus: SenStatus | null): boolean {
  return code !== SenNeed.NSA || senStatus === null || senStatus === SenStatus.SenSupport;
}
