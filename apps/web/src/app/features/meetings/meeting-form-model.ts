import {
  type Actor,
  MeetingMode,
  type MeetingScope,
  RECURRENCE_LIMITS,
  type Recurrence,
  RecurrenceKind,
  ScopeKind,
  type SeriesPattern,
  canOrganiseMeeting,
  expandSeries,
  seriesPatternProblem,
  weekOfMonth,
} from '@lantern/shared-domain';
import { formatShortDay, formatTime, londonZone } from './meetings-model';

/**
 * The "New meeting" form as data: which scopes the person may call a meeting in, the repeat
 * choices a date allows, the pattern it makes, the preview of the next occurrences in London time
 * and the plain-English problems. Pure, so it is tested on its own.
 */

export interface ScopeChoice {
  /** 'network', 'trust:<id>' or 'school:<id>'. */
  value: string;
  label: string;
  scope: MeetingScope;
}

interface TrustLike {
  id: string;
  name: string;
  schools: ReadonlyArray<{ id: string; displayName: string }>;
}

/** Every scope the actor may organise in (canOrganiseMeeting), network first, then trusts, then schools. */
export function scopeChoices(actor: Actor | null, trusts: readonly TrustLike[]): ScopeChoice[] {
  const out: ScopeChoice[] = [];
  const network: MeetingScope = { kind: ScopeKind.Network, trustId: null, schoolId: null };
  if (canOrganiseMeeting(actor, network))
    out.push({ value: 'network', label: 'The whole network', scope: network });
  for (const t of trusts) {
    const scope: MeetingScope = { kind: ScopeKind.Trust, trustId: t.id, schoolId: null };
    if (canOrganiseMeeting(actor, scope))
      out.push({ value: `trust:${t.id}`, label: `Trust: ${t.name}`, scope });
  }
  for (const t of trusts) {
    for (const s of t.schools) {
      const scope: MeetingScope = { kind: ScopeKind.School, trustId: t.id, schoolId: s.id };
      if (canOrganiseMeeting(actor, scope))
        out.push({ value: `school:${s.id}`, label: `School: ${s.displayName}`, scope });
    }
  }
  return out;
}

/** Whether the actor may organise anywhere at all (the "New meeting" button), from their grants alone. */
export function mayOrganiseSomewhere(actor: Actor | null): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => {
    if (canOrganiseMeeting(actor, { kind: ScopeKind.Network, trustId: null, schoolId: null })) return true;
    if (g.trustId && canOrganiseMeeting(actor, { kind: ScopeKind.Trust, trustId: g.trustId, schoolId: null }))
      return true;
    return !!(
      g.schoolId &&
      g.trustId &&
      canOrganiseMeeting(actor, { kind: ScopeKind.School, trustId: g.trustId, schoolId: g.schoolId })
    );
  });
}

/** The repeat menu's values. */
export type RepeatChoice = 'none' | 'weekly' | 'fortnightly' | 'monthly' | 'monthly-last' | 'dates';

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** The repeat choices a first date allows ("Monthly on the second Tuesday", "… on the last Tuesday"). */
export function repeatChoices(firstDate: string): Array<{ value: RepeatChoice; label: string }> {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(firstDate) && !Number.isNaN(Date.parse(`${firstDate}T00:00:00Z`));
  const day = valid ? WEEKDAY[new Date(`${firstDate}T00:00:00Z`).getUTCDay()] : null;
  const out: Array<{ value: RepeatChoice; label: string }> = [
    { value: 'none', label: 'Does not repeat' },
    { value: 'weekly', label: day ? `Weekly on ${day}` : 'Weekly' },
    { value: 'fortnightly', label: day ? `Every other ${day}` : 'Fortnightly' },
  ];
  if (valid && day) {
    const { nth, last } = weekOfMonth(firstDate);
    if (nth <= 4) out.push({ value: 'monthly', label: `Monthly on the ${ORDINAL[nth - 1]} ${day}` });
    if (last) out.push({ value: 'monthly-last', label: `Monthly on the last ${day}` });
  }
  out.push({ value: 'dates', label: 'On chosen dates (for example once a term)' });
  return out;
}

export interface WhenValue {
  firstDate: string;
  startTime: string;
  minutes: number;
  repeat: RepeatChoice;
  /** 'never' | 'on' (until) | 'after' (count). */
  ends: 'never' | 'on' | 'after';
  until: string;
  count: number | null;
  /** Chosen dates (repeat = 'dates'). */
  dates: readonly string[];
}

export function recurrenceOf(v: WhenValue): Recurrence {
  switch (v.repeat) {
    case 'weekly':
      return { kind: RecurrenceKind.Weekly, interval: 1 };
    case 'fortnightly':
      return { kind: RecurrenceKind.Weekly, interval: 2 };
    case 'monthly': {
      const { nth } = weekOfMonth(v.firstDate);
      return { kind: RecurrenceKind.MonthlyWeekday, week: Math.min(nth, 4) as 1 | 2 | 3 | 4 };
    }
    case 'monthly-last':
      return { kind: RecurrenceKind.MonthlyWeekday, week: -1 };
    case 'dates':
      return {
        kind: RecurrenceKind.Dates,
        dates: [...new Set([v.firstDate, ...v.dates].filter(Boolean))].sort(),
      };
    default:
      return { kind: RecurrenceKind.None };
  }
}

export function patternOf(v: WhenValue): SeriesPattern {
  const repeating = v.repeat !== 'none' && v.repeat !== 'dates';
  return {
    firstDate: v.firstDate,
    time: v.startTime,
    minutes: v.minutes,
    recurrence: recurrenceOf(v),
    until: repeating && v.ends === 'on' && v.until ? v.until : null,
    count: repeating && v.ends === 'after' ? v.count : null,
  };
}

/** A plain-English problem with the timing, or null. */
export function whenProblem(v: WhenValue, today: string): string | null {
  if (!v.firstDate) return 'Give the date of the (first) meeting.';
  if (!v.startTime) return 'Give the start time.';
  const problem = seriesPatternProblem(patternOf(v));
  if (problem) return problem;
  if (v.firstDate < today) return 'The first meeting must be today or later.';
  if (v.repeat !== 'none' && v.repeat !== 'dates' && v.ends === 'on' && !v.until)
    return 'Give the date the series ends on.';
  if (v.repeat !== 'none' && v.repeat !== 'dates' && v.ends === 'after' && !v.count)
    return 'Give how many meetings there are.';
  if (v.repeat === 'dates' && v.dates.some((d) => d && d < v.firstDate))
    return 'Every chosen date must be on or after the first date.';
  return null;
}

export interface PreviewRow {
  key: string;
  day: string;
  time: string;
  zone: string;
}

/**
 * The next occurrences in London time (at most `limit`), so the person sees a 09:30 meeting stay at
 * 09:30 across the clock change (the zone shows GMT or BST).
 */
export function previewOf(v: WhenValue, limit = 6): { rows: PreviewRow[]; more: boolean } {
  const p = patternOf(v);
  if (seriesPatternProblem(p)) return { rows: [], more: false };
  const horizon = p.until ?? `${Number(p.firstDate.slice(0, 4)) + 3}${p.firstDate.slice(4)}`;
  const all = expandSeries(
    { ...p, count: p.count === null ? null : Math.min(p.count, RECURRENCE_LIMITS.maxOccurrences) },
    [],
    p.firstDate,
    horizon,
  );
  const rows = all.slice(0, limit).map((o) => ({
    key: o.key,
    day: formatShortDay(o.startsAt),
    time: formatTime(o.startsAt),
    zone: londonZone(o.startsAt),
  }));
  return { rows, more: all.length > limit };
}

/** Whether a clock change falls between the previewed occurrences (the preview then says so). */
export function crossesClockChange(rows: readonly PreviewRow[]): boolean {
  return new Set(rows.map((r) => r.zone)).size > 1;
}

export interface PlaceValue {
  mode: MeetingMode;
  location: string;
  onlineLink: string;
}

/** A plain-English problem with the place, or null. */
export function placeProblem(v: PlaceValue): { field: 'location' | 'onlineLink'; message: string } | null {
  if (v.mode !== MeetingMode.Online && !v.location.trim())
    return { field: 'location', message: 'Give the place (a room or address) for people coming in person.' };
  if (v.mode !== MeetingMode.InPerson) {
    if (!v.onlineLink.trim())
      return { field: 'onlineLink', message: 'Give the link people use to join online.' };
    if (!/^https?:\/\/\S+$/i.test(v.onlineLink.trim()))
      return { field: 'onlineLink', message: 'Give the joining link as a web address starting https://' };
  }
  return null;
}

/** The scope part of CreateMeetingInput for a choice. */
export function scopeInput(scope: MeetingScope): {
  scopeKind: 'NETWORK' | 'TRUST' | 'SCHOOL';
  trustId: string | null;
  schoolId: string | null;
} {
  if (scope.kind === ScopeKind.School)
    return { scopeKind: 'SCHOOL', trustId: scope.trustId, schoolId: scope.schoolId };
  if (scope.kind === ScopeKind.Trust) return { scopeKind: 'TRUST', trustId: scope.trustId, schoolId: null };
  return { scopeKind: 'NETWORK', trustId: null, schoolId: null };
}

/** The recurrence part of the API input. */
export function recurrenceInput(r: Recurrence): {
  kind: RecurrenceKind;
  interval: number | null;
  week: number | null;
  dates: string[];
} {
  return {
    kind: r.kind,
    interval: r.kind === RecurrenceKind.Weekly ? r.interval : null,
    week: r.kind === RecurrenceKind.MonthlyWeekday ? r.week : null,
    dates: r.kind === RecurrenceKind.Dates ? [...r.dates] : [],
  };
}

/** The form's timing fields back from a series (editing "All meetings in the series"). */
export function whenFromSeries(s: {
  firstDate: string;
  startTime: string;
  minutes: number;
  recurrence: {
    kind: RecurrenceKind;
    interval: number | null;
    week: number | null;
    dates: readonly string[];
  };
  until: string | null;
  count: number | null;
}): WhenValue {
  const r = s.recurrence;
  const repeat: RepeatChoice =
    r.kind === RecurrenceKind.Weekly
      ? r.interval === 2
        ? 'fortnightly'
        : 'weekly'
      : r.kind === RecurrenceKind.MonthlyWeekday
        ? r.week === -1
          ? 'monthly-last'
          : 'monthly'
        : r.kind === RecurrenceKind.Dates
          ? 'dates'
          : 'none';
  return {
    firstDate: s.firstDate,
    startTime: s.startTime.slice(0, 5),
    minutes: s.minutes,
    repeat,
    ends: s.until ? 'on' : s.count ? 'after' : 'never',
    until: s.until ?? '',
    count: s.count,
    dates: r.kind === RecurrenceKind.Dates ? r.dates.filter((d) => d !== s.firstDate) : [],
  };
}
