import { MEETING_MODE_LABEL, MeetingMode, RSVP_LABEL, RsvpAnswer, addDays } from '@lantern/shared-domain';

/**
 * Pure helpers of the meetings pages (issue 12): London dates and times, the headings of the
 * "My meetings" list, what a meeting's place and answers say. No Angular here, so they are tested
 * on their own (meetings-model.spec.ts).
 */

const LONDON = 'Europe/London';
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: LONDON,
});
const shortDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: LONDON,
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: LONDON });
const isoFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: LONDON,
});
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const zoneName = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, timeZoneName: 'short' });

/** The London date (YYYY-MM-DD) of an instant. */
export function londonDate(at: Date | string): string {
  return isoFormat.format(new Date(at));
}

/** "Tuesday 3 March 2026". */
export function formatLongDay(at: Date | string): string {
  return dayFormat.format(new Date(at));
}

/** "Tue 3 Mar 2026". */
export function formatShortDay(at: Date | string): string {
  return shortDayFormat.format(new Date(at));
}

/** "09:30" in London. */
export function formatTime(at: Date | string): string {
  return timeFormat.format(new Date(at));
}

/** "GMT" or "BST": which clock London is on at that instant. */
export function londonZone(at: Date | string): string {
  const part = zoneName.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName');
  return part?.value === 'GMT+1' ? 'BST' : (part?.value ?? 'GMT');
}

/** "09:30 to 11:00". */
export function formatTimeRange(startsAt: Date | string, endsAt: Date | string): string {
  return `${formatTime(startsAt)} to ${formatTime(endsAt)}`;
}

/** "1 hour 30 minutes". */
export function formatLength(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} hour${h === 1 ? '' : 's'}` : '';
  const mins = m ? `${m} minute${m === 1 ? '' : 's'}` : '';
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/** Monday of the week (London dates, weeks start on Monday). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/**
 * The heading a meeting on `date` goes under, seen on `today`: "This week", "Next week" and "Last
 * week" near today, else the month ("March 2026"), as Outlook's and Google's agenda views do.
 */
export function headingFor(date: string, today: string): string {
  const week = mondayOf(today);
  const its = mondayOf(date);
  if (its === week) return 'This week';
  if (its === addDays(week, 7)) return 'Next week';
  if (its === addDays(week, -7)) return 'Last week';
  return monthFormat.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}

export interface Group<T> {
  heading: string;
  items: T[];
}

/** Consecutive items under the same heading (the list is already in time order). */
export function groupByHeading<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  today: string,
): Group<T>[] {
  const groups: Group<T>[] = [];
  for (const item of items) {
    const heading = headingFor(dateOf(item), today);
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.items.push(item);
    else groups.push({ heading, items: [item] });
  }
  return groups;
}

/** The answers that make sense for a meeting's mode (online only: no "in person", and so on). */
export function rsvpChoices(mode: MeetingMode): RsvpAnswer[] {
  const out: RsvpAnswer[] = [];
  if (mode !== MeetingMode.Online) out.push(RsvpAnswer.InPerson);
  if (mode !== MeetingMode.InPerson) out.push(RsvpAnswer.Online);
  out.push(RsvpAnswer.Apologies);
  return out;
}

/** Short button words for a quick answer ("In person", "Online", "Apologies"). */
export const RSVP_BUTTON: Readonly<Record<RsvpAnswer, string>> = {
  [RsvpAnswer.InPerson]: 'In person',
  [RsvpAnswer.Online]: 'Online',
  [RsvpAnswer.Apologies]: 'Apologies',
};

export function rsvpText(answer: RsvpAnswer | null): string {
  return answer ? RSVP_LABEL[answer] : 'Not answered';
}

export function modeText(mode: MeetingMode): string {
  return MEETING_MODE_LABEL[mode];
}

/** "3 in person, 5 online, 2 apologies". */
export function countsText(c: { inPerson: number; online: number; apologies: number }): string {
  const parts = [
    `${c.inPerson} in person`,
    `${c.online} online`,
    `${c.apologies} ${c.apologies === 1 ? 'apology' : 'apologies'}`,
  ];
  return parts.join(', ');
}

/** Where: the place, the link, or both, as the mode says. */
export function placeText(m: {
  mode: MeetingMode;
  location: string | null;
  onlineLink: string | null;
}): string {
  const place = m.location?.trim() || 'Place to be confirmed';
  if (m.mode === MeetingMode.InPerson) return place;
  if (m.mode === MeetingMode.Online) return m.onlineLink ? 'Online (link below)' : 'Online (link to follow)';
  return `${place}, or online`;
}

/** Only http(s) links are made clickable. */
export function safeLink(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "Network meeting", "Trust meeting: Oak Trust", "School meeting: Holy Family Primary". */
export function scopeText(m: {
  scopeKind: string;
  trustName: string | null;
  schoolName: string | null;
}): string {
  if (m.scopeKind === 'SCHOOL') return `School meeting${m.schoolName ? `: ${m.schoolName}` : ''}`;
  if (m.scopeKind === 'TRUST') return `Trust meeting${m.trustName ? `: ${m.trustName}` : ''}`;
  return 'Network meeting';
}

/** The range of dates the list asks for: upcoming from today for a year, past for the year before. */
export function rangeFor(view: 'upcoming' | 'past', today: string): { from: string; to: string } {
  return view === 'upcoming'
    ? { from: today, to: addDays(today, 365) }
    : { from: addDays(today, -365), to: addDays(today, -1) };
}

/** The link path of an occurrence page. */
export function occurrencePath(o: { seriesId: string; key: string }): string[] {
  return ['/meetings', o.seriesId, o.key];
}

/** The .ics downloads (REST, same origin; the session cookie goes with them). */
export function occurrenceIcsUrl(seriesId: string, key: string): string {
  return `/api/meetings/occurrences/${encodeURIComponent(seriesId)}/${encodeURIComponent(key)}.ics`;
}
export function seriesIcsUrl(seriesId: string): string {
  return `/api/meetings/series/${encodeURIComponent(seriesId)}.ics`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NTH: Readonly<Record<string, string>> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '-1': 'last',
};
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 March 2026" for a London date. */
export function formatIsoDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** How a series repeats, in words: "Weekly on Tuesdays at 09:30, until 17 July 2026". */
export function patternText(s: {
  firstDate: string;
  startTime: string;
  recurrence: { kind: string; interval: number | null; week: number | null; dates: readonly string[] };
  until: string | null;
  count: number | null;
}): string {
  const day = WEEKDAYS[new Date(`${s.firstDate}T00:00:00Z`).getUTCDay()];
  const at = `at ${s.startTime.slice(0, 5)} UK time`;
  const r = s.recurrence;
  let text: string;
  switch (r.kind) {
    case 'WEEKLY':
      text = r.interval === 2 ? `Every other ${day} ${at}` : `Weekly on ${day}s ${at}`;
      break;
    case 'MONTHLY_WEEKDAY':
      text = `Monthly on the ${NTH[String(r.week)] ?? 'same'} ${day} ${at}`;
      break;
    case 'DATES':
      return `On ${r.dates.length} chosen date${r.dates.length === 1 ? '' : 's'} ${at}: ${r.dates.map(formatIsoDate).join(', ')}`;
    default:
      return `One meeting, ${formatIsoDate(s.firstDate)} ${at}`;
  }
  if (s.until) text += `, until ${formatIsoDate(s.until)}`;
  else if (s.count) text += `, ${s.count} meetings`;
  return text;
}
