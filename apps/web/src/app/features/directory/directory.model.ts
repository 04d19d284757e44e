import {
  type AveragePhase,
  comparablePhase,
  type Phase,
  PHASE_LABEL,
  sendPercentages,
  type SendPercentages,
  sumFigures,
} from '@lantern/shared-domain';
import type { DirectoryQuery } from '@lantern/web-graphql';

export type DirectorySchool = DirectoryQuery['schools'][number];
export type NationalAverage = DirectoryQuery['nationalAverages'][number];

export interface DirectoryFilters {
  trustId: string | null;
  localAuthorityId: string | null;
  phase: Phase | null;
}

export const NO_FILTERS: DirectoryFilters = { trustId: null, localAuthorityId: null, phase: null };

export interface Comparison {
  /** The national figures this row is compared with (primary or secondary), if any. */
  average: NationalAverage | null;
  averagePhase: AveragePhase | null;
  /** Total SEND % minus the national total SEND %, in percentage points (one decimal). */
  difference: number | null;
}

export interface SchoolRow extends SendPercentages, Comparison {
  id: string;
  displayName: string;
  trustId: string;
  trustName: string;
  localAuthorityName: string;
  phase: Phase;
  phaseLabel: string;
  numberOnRoll: number;
  ehcpCount: number;
  senSupportCount: number;
}

export interface TrustGroup {
  id: string;
  name: string;
  rows: SchoolRow[];
  /** Totals of the schools shown (all of the trust's schools when nothing is filtered out). */
  totals: SendPercentages & { numberOnRoll: number; ehcpCount: number; senSupportCount: number };
  filtered: boolean;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Compare a school's total SEND % with the national average for its phase (infant compares with primary). */
export function compareWithNational(
  phase: Phase,
  totalSendPercent: number | null,
  averages: readonly NationalAverage[],
): Comparison {
  const averagePhase = comparablePhase(phase);
  const average = averagePhase ? (averages.find((a) => a.phase === averagePhase) ?? null) : null;
  const difference =
    average && totalSendPercent != null ? round1(totalSendPercent - average.totalSendPercent) : null;
  return { average, averagePhase, difference };
}

/** "2.1 points above", "0.4 points below", "the same as": words, not colour, carry the meaning. */
export function describeDifference(difference: number | null): string {
  if (difference == null) return 'No comparison';
  if (difference === 0) return 'Same as national';
  const points = Math.abs(difference).toLocaleString('en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return `${points} ${Math.abs(difference) === 1 ? 'point' : 'points'} ${difference > 0 ? 'above' : 'below'}`;
}

export function toSchoolRow(school: DirectorySchool, averages: readonly NationalAverage[]): SchoolRow {
  // Percentages are derived from the counts by the shared rule (the API's own figures agree with it).
  const percentages = sendPercentages(school);
  return {
    id: school.id,
    displayName: school.displayName,
    trustId: school.trust.id,
    trustName: school.trust.name,
    localAuthorityName: school.localAuthority.name,
    phase: school.phase,
    phaseLabel: PHASE_LABEL[school.phase] ?? school.phase,
    numberOnRoll: school.numberOnRoll,
    ehcpCount: school.ehcpCount,
    senSupportCount: school.senSupportCount,
    ...percentages,
    ...compareWithNational(school.phase, percentages.totalSendPercent, averages),
  };
}

export function matchesFilters(school: DirectorySchool, f: DirectoryFilters): boolean {
  return (
    (!f.trustId || school.trust.id === f.trustId) &&
    (!f.localAuthorityId || school.localAuthority.id === f.localAuthorityId) &&
    (!f.phase || school.phase === f.phase)
  );
}

/** Schools grouped by trust (in the API's trust order), each with totals of the schools shown. */
export function buildDirectory(data: DirectoryQuery, filters: DirectoryFilters): TrustGroup[] {
  const groups: TrustGroup[] = [];
  for (const trust of data.trusts) {
    const all = data.schools.filter((s) => s.trust.id === trust.id);
    const shown = all.filter((s) => matchesFilters(s, filters));
    if (!shown.length) continue;
    const figures = sumFigures(shown);
    groups.push({
      id: trust.id,
      name: trust.name,
      rows: shown.map((s) => toSchoolRow(s, data.nationalAverages)),
      totals: { ...figures, ...sendPercentages(figures) },
      filtered: shown.length !== all.length,
    });
  }
  return groups;
}

/** Filters from the URL query (?trust=…&la=…&phase=…), ignoring values that do not exist. */
export function filtersFromQuery(
  params: { get(name: string): string | null },
  data: DirectoryQuery | null,
): DirectoryFilters {
  const trust = params.get('trust');
  const la = params.get('la');
  const phase = params.get('phase');
  const phases = Object.keys(PHASE_LABEL);
  return {
    trustId: trust && (!data || data.trusts.some((t) => t.id === trust)) ? trust : null,
    localAuthorityId: la && (!data || data.localAuthorities.some((l) => l.id === la)) ? la : null,
    phase: phase && phases.includes(phase) ? (phase as Phase) : null,
  };
}
