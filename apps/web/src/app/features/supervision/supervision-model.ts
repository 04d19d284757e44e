import {
  type Actor,
  Role,
  SUPERVISION_LIMITS,
  SUPERVISION_ROLE_LABEL,
  SUPERVISION_STATUS_LABEL,
  SupervisionRole,
  type SupervisionStatus,
  canScheduleSupervision,
} from '@lantern/shared-domain';

export const DEFAULT_TITLE = 'Caseload supervision';
export const DEFAULT_MINUTES = 60;
/** Lengths offered (minutes), within SUPERVISION_LIMITS. */
export const LENGTHS: readonly number[] = [15, 30, 45, 60, 75, 90, 120, 180, 240];

export type SessionsTab = 'upcoming' | 'past';

export function tabOf(param: string | null | undefined): SessionsTab {
  return param === 'past' ? 'past' : 'upcoming';
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function lengthLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return plural(m, 'minute');
  return m ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
}

export const statusLabel = (s: SupervisionStatus) => SUPERVISION_STATUS_LABEL[s];
export const roleLabel = (r: SupervisionRole | null | undefined) =>
  r ? SUPERVISION_ROLE_LABEL[r] : 'Not taking part';

// ---------------------------------------------------------------------------------------------
// Time: sessions are arranged in UK time whatever the browser's zone.

const LONDON = 'Europe/London';
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The UK wall clock at an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function londonParts(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, time: `${p['hour']}:${p['minute']}` };
}

/**
 * The instant of a UK date and time ('2026-03-03', '14:05'), as an ISO string; null when it is no
 * real date or time. A time the clocks skip in spring is read as the hour after.
 */
export function londonToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || da < 1 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(wall).getUTCDate() !== da) return null;
  // London is UTC or UTC+1: try both offsets and keep the one whose wall clock matches.
  for (const offset of [0, 60]) {
    const instant = new Date(wall - offset * 60_000);
    const back = londonParts(instant);
    if (back.date === date && back.time === time) return instant.toISOString();
  }
  return new Date(wall).toISOString();
}

const whenFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Tue 3 Mar 2026, 14:05 to 15:05" (UK time). */
export function whenText(startsAt: string, minutes: number): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return '';
  const end = new Date(start.getTime() + minutes * 60_000);
  const p = Object.fromEntries(whenFormat.formatToParts(start).map((x) => [x.type, x.value]));
  const day = `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}`;
  return `${day}, ${timeFormat.format(start)} to ${timeFormat.format(end)}`;
}

/** A sensible start for a new session: the next quarter hour from now, in UK time. */
export function nextQuarterHour(now: Date = new Date()): { date: string; time: string } {
  const q = 15 * 60_000;
  return londonParts(new Date(Math.ceil((now.getTime() + 60_000) / q) * q));
}

// ---------------------------------------------------------------------------------------------
// Who may schedule for which school

/**
 * The schools (of those whose case data the viewer reads) where they may schedule a session. The
 * school's trust is the one of the viewer's grant at that school, else one of the trusts they lead
 * for SEND (the school is listed to them only through such a trust).
 */
export function schedulableSchoolIds(actor: Actor | null, schoolIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!actor) return out;
  const leadTrusts = actor.grants.flatMap((g) =>
    g.role === Role.TrustSendLead && g.trustId ? [g.trustId] : [],
  );
  for (const schoolId of schoolIds) {
    const atSchool = actor.grants.find((g) => g.schoolId === schoolId && g.trustId)?.trustId;
    const trusts = atSchool ? [atSchool] : leadTrusts;
    if (trusts.some((trustId) => canScheduleSupervision(actor, { schoolId, trustId }))) out.add(schoolId);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The schedule form's rules

export type Mode = 'later' | 'now';
export type Venue = 'place' | 'online';

export interface AgendaDraft {
  caseId: string;
  reference: string;
  question: string;
}

export interface ScheduleDraft {
  title: string;
  mode: Mode;
  date: string;
  time: string;
  minutes: number;
  venue: Venue;
  location: string;
  onlineLink: string;
  inviteHeadteacher: boolean;
  agenda: readonly AgendaDraft[];
}

export type ScheduleField = 'title' | 'date' | 'time' | 'minutes' | 'location' | 'onlineLink' | 'agenda';
export const SCHEDULE_FIELDS: readonly ScheduleField[] = [
  'title',
  'date',
  'time',
  'minutes',
  'location',
  'onlineLink',
  'agenda',
];

export interface ScheduleProblem {
  field: ScheduleField;
  message: string;
  /** For a case's question: which agenda case. */
  caseId?: string;
}

/** Everything wrong with the form, in the order of its fields, in plain English. */
export function scheduleProblems(v: ScheduleDraft, now: Date = new Date()): ScheduleProblem[] {
  const L = SUPERVISION_LIMITS;
  const out: ScheduleProblem[] = [];
  const title = v.title.trim();
  if (!title) out.push({ field: 'title', message: 'Enter a title, for example “Caseload supervision”.' });
  else if (title.length > L.titleMax)
    out.push({ field: 'title', message: `Keep the title to ${L.titleMax} characters or fewer.` });
  if (v.mode === 'later') {
    if (!v.date) out.push({ field: 'date', message: 'Enter the date of the session.' });
    if (!v.time) out.push({ field: 'time', message: 'Enter the time the session starts.' });
    if (v.date && v.time) {
      const at = londonToIso(v.date, v.time);
      if (!at) out.push({ field: 'date', message: 'Enter the date and time as a real date and time.' });
      else if (new Date(at).getTime() < now.getTime())
        out.push({
          field: 'date',
          message: 'The date and time are in the past: choose a later one, or start now.',
        });
    }
  }
  if (!Number.isInteger(v.minutes) || v.minutes < L.minutesMin || v.minutes > L.minutesMax)
    out.push({
      field: 'minutes',
      message: `Choose a length between ${L.minutesMin} minutes and ${L.minutesMax / 60} hours.`,
    });
  if (v.venue === 'place') {
    const place = v.location.trim();
    if (!place)
      out.push({ field: 'location', message: 'Enter where you will meet, for example “SENCO office”.' });
    else if (place.length > L.locationMax)
      out.push({ field: 'location', message: `Keep the place to ${L.locationMax} characters or fewer.` });
  } else {
    const link = v.onlineLink.trim();
    if (!link) out.push({ field: 'onlineLink', message: 'Enter the link to the online meeting.' });
    else if (link.length > L.linkMax)
      out.push({ field: 'onlineLink', message: `Keep the link to ${L.linkMax} characters or fewer.` });
    else if (!isHttpsLink(link))
      out.push({ field: 'onlineLink', message: 'Enter the whole link, starting with https://' });
  }
  if (!v.agenda.length) out.push({ field: 'agenda', message: 'Add at least one case to the agenda.' });
  else if (v.agenda.length > L.agendaMax)
    out.push({ field: 'agenda', message: `An agenda can hold up to ${L.agendaMax} cases: remove some.` });
  for (const item of v.agenda) {
    const q = item.question.trim();
    if (!q)
      out.push({
        field: 'agenda',
        caseId: item.caseId,
        message: `Enter the question to bring about ${item.reference}.`,
      });
    else if (q.length > L.questionMax)
      out.push({
        field: 'agenda',
        caseId: item.caseId,
        message: `Keep the question about ${item.reference} to ${L.questionMax} characters or fewer.`,
      });
  }
  return out;
}

export function isHttpsLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !!url.hostname;
  } catch {
    return false;
  }
}

/** Move an agenda case up (-1) or down (+1); the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): readonly T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(index, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

// ---------------------------------------------------------------------------------------------
// The record

/** Plain English for a refused record operation; `reload` when the page should offer a reload. */
export function recordFailure(error: unknown, message: string): { message: string; reload: boolean } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'CONFLICT')
    return { message: 'Someone redrafted the record; reload to see the new version.', reload: true };
  if (code === 'NOT_FOUND')
    return {
      message: 'This session could not be found. It may have been removed, or you may not see it.',
      reload: false,
    };
  if (code === 'FORBIDDEN')
    return { message: 'Only the SENCO and the trust SEND lead taking part may do that.', reload: false };
  return { message, reload: false };
}

/** "Signed by <name> on <date>" or "Not signed yet". */
export function signatureText(
  name: string | null | undefined,
  at: string | null | undefined,
  format: (v: string) => string,
): string {
  return at ? `Signed by ${name ?? 'someone'} on ${format(at)}` : 'Not signed yet';
}
