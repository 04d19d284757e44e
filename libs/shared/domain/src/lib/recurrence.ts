import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { isIsoDate } from './caseload';

/**
 * Meeting series (issue 12) in local time: a series is a wall-clock time in Europe/London on a
 * pattern of dates, so a 09:30 meeting stays at 09:30 across the March and October clock changes.
 * Dates are expanded as calendar dates first and only then turned into instants, one at a time,
 * with the zone's rules for that date (the failure of schedulers that add 7 × 24 hours in UTC).
 *
 * Written here rather than with `rrule`: that library has open time-zone bugs, and the Temporal
 * based ones need a Temporal polyfill at run time in Node 24; the four patterns Lantern offers are
 * a few lines each over date-fns, and the RRULE text written for calendars is tested by parsing it
 * back with a real iCalendar parser (ADR 13).
 */
export const MEETING_TIME_ZONE = 'Europe/London';
const LONDON = tz(MEETING_TIME_ZONE);

export enum RecurrenceKind {
  None = 'NONE',
  /** Every week or every other week, on the first date's weekday. */
  Weekly = 'WEEKLY',
  /** The same weekday in the same week of every month ("2nd Tuesday", "last Thursday"). */
  MonthlyWeekday = 'MONTHLY_WEEKDAY',
  /** Explicit dates, e.g. one per term. */
  Dates = 'DATES',
}

export type Recurrence =
  | { kind: RecurrenceKind.None }
  | { kind: RecurrenceKind.Weekly; interval: 1 | 2 }
  | { kind: RecurrenceKind.MonthlyWeekday; week: 1 | 2 | 3 | 4 | -1 }
  | { kind: RecurrenceKind.Dates; dates: readonly string[] };

export interface SeriesPattern {
  /** The first occurrence's date in London, YYYY-MM-DD. */
  firstDate: string;
  /** Wall-clock start in London, HH:mm. */
  time: string;
  minutes: number;
  recurrence: Recurrence;
  /** The last date an occurrence may fall on (inclusive), or null: open-ended (bounded by `count` or the caller's range). */
  until: string | null;
  /** At most this many occurrences, or null. */
  count: number | null;
}

export const RECURRENCE_LIMITS = {
  /** Expansion stops here whatever the pattern says (about ten years of weekly meetings). */
  maxOccurrences: 520,
  maxDates: 60,
} as const;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}
function weekdayOf(date: string): number {
  return utcDate(date).getUTCDay();
}
function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}
/** Which week of its month a date falls in (1–5) and whether it is the last such weekday. */
export function weekOfMonth(date: string): { nth: number; last: boolean } {
  const d = utcDate(date);
  const day = d.getUTCDate();
  return { nth: Math.ceil(day / 7), last: day + 7 > daysInMonth(d.getUTCFullYear(), d.getUTCMonth()) };
}

/** The `week`-th `weekday` of a month (week -1: the last), YYYY-MM-DD. */
function nthWeekday(year: number, month0: number, weekday: number, week: number): string {
  if (week === -1) {
    const last = daysInMonth(year, month0);
    const lastWeekday = new Date(Date.UTC(year, month0, last)).getUTCDay();
    return isoOf(new Date(Date.UTC(year, month0, last - ((lastWeekday - weekday + 7) % 7))));
  }
  const firstWeekday = new Date(Date.UTC(year, month0, 1)).getUTCDay();
  return isoOf(new Date(Date.UTC(year, month0, 1 + ((weekday - firstWeekday + 7) % 7) + (week - 1) * 7)));
}

/** A plain-English problem with a pattern, or null. */
export function seriesPatternProblem(p: SeriesPattern): string | null {
  if (!isIsoDate(p.firstDate)) return 'Give the first date as a real date.';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(p.time)) return 'Give the start time as HH:MM (24-hour).';
  if (!Number.isInteger(p.minutes) || p.minutes < 5 || p.minutes > 600)
    return 'A meeting lasts between 5 minutes and 10 hours.';
  if (p.until !== null && (!isIsoDate(p.until) || p.until < p.firstDate))
    return 'The series must end on or after its first date.';
  if (p.count !== null && (!Number.isInteger(p.count) || p.count < 1 || p.count > RECURRENCE_LIMITS.maxOccurrences))
    return `A series has between 1 and ${RECURRENCE_LIMITS.maxOccurrences} meetings.`;
  const r = p.recurrence;
  if (r.kind === RecurrenceKind.Weekly && r.interval !== 1 && r.interval !== 2)
    return 'Choose weekly or fortnightly.';
  if (r.kind === RecurrenceKind.MonthlyWeekday) {
    const { nth, last } = weekOfMonth(p.firstDate);
    if (r.week === -1 ? !last : r.week !== nth)
      return 'The first date must fall on the chosen week of its month.';
  }
  if (r.kind === RecurrenceKind.Dates) {
    if (r.dates.length < 1 || r.dates.length > RECURRENCE_LIMITS.maxDates)
      return `Give between 1 and ${RECURRENCE_LIMITS.maxDates} dates.`;
    if (r.dates.some((d) => !isIsoDate(d))) return 'Every date must be a real date.';
    if (!r.dates.includes(p.firstDate)) return 'The first date must be one of the dates.';
  }
  return null;
}

/**
 * The dates of a series' occurrences (London dates) that fall within [from, to], in order; at most
 * RECURRENCE_LIMITS.maxOccurrences. `count` counts from the first date, not from `from`.
 */
export function occurrenceDates(p: SeriesPattern, from: string, to: string): string[] {
  const out: string[] = [];
  const last = p.until && p.until < to ? p.until : to;
  let n = 0;
  const take = (date: string): boolean => {
    if (p.count !== null && n >= p.count) return false;
    n += 1;
    if (date >= from && date <= last) out.push(date);
    return date <= last && out.length < RECURRENCE_LIMITS.maxOccurrences;
  };
  const r = p.recurrence;
  switch (r.kind) {
    case RecurrenceKind.None:
      take(p.firstDate);
      break;
    case RecurrenceKind.Dates:
      for (const d of [...new Set(r.dates)].sort()) if (d >= p.firstDate && !take(d)) break;
      break;
    case RecurrenceKind.Weekly:
      for (let d = p.firstDate; take(d); d = addDays(d, 7 * r.interval));
      break;
    case RecurrenceKind.MonthlyWeekday: {
      const first = utcDate(p.firstDate);
      const weekday = first.getUTCDay();
      for (let i = 0; ; i += 1) {
        const y = first.getUTCFullYear() + Math.floor((first.getUTCMonth() + i) / 12);
        const m = (first.getUTCMonth() + i) % 12;
        if (!take(nthWeekday(y, m, weekday, r.week))) break;
      }
      break;
    }
  }
  return out;
}

/**
 * The instant a London wall-clock time on a date happens. A time skipped by the spring change
 * (01:30 on the last Sunday of March) is the instant after the gap (02:30 BST), and a time that
 * happens twice in October is the first of the two (BST), as RFC 5545 says.
 */
export function londonInstant(date: string, time: string): Date {
  const key = `${date} ${time}`;
  const known = INSTANTS.get(key);
  if (known !== undefined) return new Date(known);
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const t = new TZDate(y, mo - 1, d, h, mi, MEETING_TIME_ZONE);
  const earlier = t.getTime() - 3_600_000;
  const at = format(new Date(earlier), 'yyyy-MM-dd HH:mm', { in: LONDON }) === key ? earlier : t.getTime();
  if (INSTANTS.size >= INSTANTS_MAX) INSTANTS.clear();
  INSTANTS.set(key, at);
  return new Date(at);
}

/**
 * Instants already worked out (the zone's rules do not change while a process runs). Each costs tens
 * of microseconds through Intl, and a page of meetings expands thousands of occurrences on the same
 * few dates and times (docs/performance.md, Meetings). Bounded: cleared when full.
 */
const INSTANTS = new Map<string, number>();
const INSTANTS_MAX = 50_000;

/** A London date and wall-clock time of an instant. */
export function londonDateTime(at: Date): { date: string; time: string } {
  return { date: format(at, 'yyyy-MM-dd', { in: LONDON }), time: format(at, 'HH:mm', { in: LONDON }) };
}

/** One occurrence of a series, after its exceptions. */
export interface Occurrence {
  /** The date the pattern put it on (RECURRENCE-ID): stable across moves. */
  key: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Moved or changed on its own (an exception). */
  changed: boolean;
}

/** An occurrence edited on its own: moved, re-timed or cancelled. Keyed by the date the pattern gave it. */
export interface OccurrenceException {
  key: string;
  cancelled: boolean;
  /** New start and length when moved, else null (the pattern's). */
  startsAt: Date | null;
  minutes: number | null;
}

/**
 * Occurrences in [from, to] (London dates) with exceptions applied. A moved exception whose key the
 * pattern no longer produces (the series was re-patterned later) is still shown at its own time:
 * exceptions survive edits of the series; a cancelled one that no longer matches simply has no effect.
 */
export function expandSeries(
  p: SeriesPattern,
  exceptions: readonly OccurrenceException[],
  from: string,
  to: string,
): Occurrence[] {
  const byKey = new Map(exceptions.map((e) => [e.key, e]));
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const key of occurrenceDates(p, from, to)) {
    seen.add(key);
    const e = byKey.get(key);
    const startsAt = e?.startsAt ?? londonInstant(key, p.time);
    const minutes = e?.minutes ?? p.minutes;
    out.push({ key, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), cancelled: !!e?.cancelled, changed: !!e });
  }
  for (const e of exceptions) {
    if (seen.has(e.key) || e.cancelled || !e.startsAt) continue;
    const date = londonDateTime(e.startsAt).date;
    if (date < from || date > to) continue;
    const minutes = e.minutes ?? p.minutes;
    out.push({ key: e.key, startsAt: e.startsAt, endsAt: new Date(e.startsAt.getTime() + minutes * 60_000), cancelled: false, changed: true });
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * "This and following": the series ends the day before `fromKey` and a new one starts there with the
 * changes. Exceptions go with the half their key falls in. `count` is shared out between the halves.
 */
export function splitSeries(
  p: SeriesPattern,
  fromKey: string,
): { before: SeriesPattern | null; after: SeriesPattern } {
  const all = occurrenceDates(p, p.firstDate, p.until ?? addDays(fromKey, 366 * 10));
  const index = all.indexOf(fromKey);
  if (index < 0) throw new Error(`${fromKey} is not an occurrence of the series`);
  const recurrence: Recurrence =
    p.recurrence.kind === RecurrenceKind.Dates
      ? { kind: RecurrenceKind.Dates, dates: p.recurrence.dates.filter((d) => d >= fromKey) }
      : p.recurrence;
  const after: SeriesPattern = {
    ...p,
    firstDate: fromKey,
    recurrence,
    count: p.count === null ? null : p.count - index,
  };
  if (index === 0) return { before: null, after };
  const beforeRecurrence: Recurrence =
    p.recurrence.kind === RecurrenceKind.Dates
      ? { kind: RecurrenceKind.Dates, dates: p.recurrence.dates.filter((d) => d < fromKey) }
      : p.recurrence;
  return {
    before: { ...p, recurrence: beforeRecurrence, until: addDays(fromKey, -1), count: p.count === null ? null : index },
    after,
  };
}

function icsDate(date: string): string {
  return date.replace(/-/g, '');
}
function icsUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The RRULE (without "RRULE:") for a pattern, for DTSTART;TZID=Europe/London; null for one-off and
 * explicit-date series (those are written as RDATEs). UNTIL is the last allowed start in UTC, as
 * RFC 5545 requires when DTSTART has a time zone.
 */
export function toRRule(p: SeriesPattern): string | null {
  const r = p.recurrence;
  let rule: string;
  if (r.kind === RecurrenceKind.Weekly) {
    rule = `FREQ=WEEKLY;INTERVAL=${r.interval};BYDAY=${WEEKDAYS[weekdayOf(p.firstDate)]}`;
  } else if (r.kind === RecurrenceKind.MonthlyWeekday) {
    rule = `FREQ=MONTHLY;BYDAY=${r.week}${WEEKDAYS[weekdayOf(p.firstDate)]}`;
  } else {
    return null;
  }
  if (p.until) rule += `;UNTIL=${icsUtc(londonInstant(p.until, '23:59'))}`;
  if (p.count !== null) rule += `;COUNT=${p.count}`;
  return rule;
}

/** The pattern a stored RRULE describes (the subset toRRule writes), or null when it is not one of ours. */
export function fromRRule(
  rrule: string | null,
  base: Omit<SeriesPattern, 'recurrence' | 'until' | 'count'> & { dates?: readonly string[] },
): SeriesPattern | null {
  if (!rrule) {
    const dates = base.dates ?? [];
    const recurrence: Recurrence = dates.length > 1 ? { kind: RecurrenceKind.Dates, dates } : { kind: RecurrenceKind.None };
    return { firstDate: base.firstDate, time: base.time, minutes: base.minutes, recurrence, until: null, count: null };
  }
  const parts = new Map(
    rrule.split(';').map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i).toUpperCase(), kv.slice(i + 1)] as const;
    }),
  );
  const byday = parts.get('BYDAY') ?? '';
  const untilRaw = parts.get('UNTIL');
  const until = untilRaw
    ? londonDateTime(new Date(untilRaw.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))).date
    : null;
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  const common = { firstDate: base.firstDate, time: base.time, minutes: base.minutes, until, count };
  if (parts.get('FREQ') === 'WEEKLY' && /^(SU|MO|TU|WE|TH|FR|SA)$/.test(byday)) {
    const interval = Number(parts.get('INTERVAL') ?? '1');
    if (interval !== 1 && interval !== 2) return null;
    return { ...common, recurrence: { kind: RecurrenceKind.Weekly, interval } };
  }
  const m = /^(-1|[1-4])(SU|MO|TU|WE|TH|FR|SA)$/.exec(byday);
  if (parts.get('FREQ') === 'MONTHLY' && m) {
    return { ...common, recurrence: { kind: RecurrenceKind.MonthlyWeekday, week: Number(m[1]) as 1 | 2 | 3 | 4 | -1 } };
  }
  return null;
}

/** DTSTART/RDATE values for a London wall-clock time (with TZID=Europe/London). */
export function icsLocal(date: string, time: string): string {
  return `${icsDate(date)}T${time.replace(':', '')}00`;
}
