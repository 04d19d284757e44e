import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import {
  MEETING_TIME_ZONE,
  OccurrenceException,
  RecurrenceKind,
  SeriesPattern,
  londonInstant,
  occurrenceDates,
  toRRule,
} from '@lantern/shared-domain';

/** One meeting or series as a calendar sees it: only titles and places, never agenda text. */
export interface CalendarMeeting {
  /** Stable for the meeting's life (every update and cancellation uses the same UID). */
  uid: string;
  /** Raised on every change people are told about, so calendars replace the older copy. */
  sequence: number;
  title: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  pattern: SeriesPattern;
  /** An exception may also have its own place (then it is written as its own VEVENT, like a moved one). */
  exceptions: ReadonlyArray<OccurrenceException & { location?: string | null }>;
  cancelled: boolean;
  /** For REQUEST/CANCEL emails: who sends it and to whom (RSVP=FALSE: answers are given in Lantern). */
  organizer?: { name: string; email: string };
  attendees?: ReadonlyArray<{ name: string; email: string }>;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const london = (at: Date): TZDate => new TZDate(at.getTime(), MEETING_TIME_ZONE);
const stampUtc = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The furthest a series without an end is written out to as RDATEs (explicit dates only). */
const FAR = '2100-01-01';

/**
 * An iCalendar file (RFC 5545) for meetings: a Europe/London VTIMEZONE with its STANDARD and
 * DAYLIGHT rules, DTSTART/DTEND with TZID, the series' RRULE (or RDATEs for explicit dates),
 * EXDATE for cancelled occurrences and a VEVENT with RECURRENCE-ID for each moved one.
 * ical-generator writes local times only from zone-aware dates, so instants go in as TZDate.
 */
export function meetingCalendar(
  method: CalendarMethod,
  meetings: readonly CalendarMeeting[],
  name = 'Lantern meetings',
  now: Date = new Date(),
): string {
  const cal = ical({
    name,
    method: ICalCalendarMethod[method],
    prodId: { company: 'Lantern', product: 'Lantern meetings', language: 'EN' },
  });
  cal.timezone({ name: MEETING_TIME_ZONE, generator: getVtimezoneComponent });

  for (const m of meetings) {
    const p = m.pattern;
    // A one-off has no RECURRENCE-ID events: its own exception (moved, re-timed, another place, cancelled) is the event.
    const own = p.recurrence.kind === RecurrenceKind.None ? m.exceptions.find((e) => e.key === p.firstDate) : undefined;
    const start = own?.startsAt ?? londonInstant(p.firstDate, p.time);
    const length = own?.minutes ?? p.minutes;
    const base = {
      id: m.uid,
      sequence: m.sequence,
      stamp: now,
      timezone: MEETING_TIME_ZONE,
      summary: m.title,
      description: m.description ?? undefined,
      location: own?.location ?? m.location ?? undefined,
      url: m.url ?? undefined,
      status:
        m.cancelled || own?.cancelled || method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    const cancelledKeys = m.exceptions.filter((e) => e.cancelled).map((e) => e.key);
    const rrule = toRRule(p);
    const lines: string[] = [];
    if (rrule) lines.push(`RRULE:${rrule}`);
    if (p.recurrence.kind === RecurrenceKind.Dates) {
      const dates = occurrenceDates(p, p.firstDate, p.until ?? FAR).filter((d) => d !== p.firstDate);
      if (dates.length) lines.push(`RDATE;TZID=${MEETING_TIME_ZONE}:${dates.map((d) => localStamp(d, p.time)).join(',')}`);
    }
    if (cancelledKeys.length && p.recurrence.kind !== RecurrenceKind.None)
      lines.push(`EXDATE;TZID=${MEETING_TIME_ZONE}:${cancelledKeys.map((d) => localStamp(d, p.time)).join(',')}`);
    const event = cal.createEvent({
      ...base,
      start: london(start),
      end: london(new Date(start.getTime() + length * 60_000)),
      repeating: lines.length ? lines.join('\r\n') : null,
    });
    addPeople(event, m);

    for (const e of m.exceptions) {
      if (e.cancelled || p.recurrence.kind === RecurrenceKind.None) continue;
      if (!e.startsAt && e.minutes === null && !e.location) continue;
      const startsAt = e.startsAt ?? londonInstant(e.key, p.time);
      const moved = cal.createEvent({
        ...base,
        location: e.location ?? m.location ?? undefined,
        start: london(startsAt),
        end: london(new Date(startsAt.getTime() + (e.minutes ?? p.minutes) * 60_000)),
        recurrenceId: london(londonInstant(e.key, p.time)),
      });
      addPeople(moved, m);
    }
  }
  // Two corrections to ical-generator's output: it writes DTSTAMP in the calendar's zone without
  // "Z" (RFC 5545 wants UTC), and it prefixes a lone raw RDATE or EXDATE line with "RRULE:".
  return cal
    .toString()
    .replace(/^DTSTAMP:\d{8}T\d{6}\r$/gm, `DTSTAMP:${stampUtc(now)}\r`)
    .replace(/^RRULE:(RDATE|EXDATE);/gm, '$1;');
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function addPeople(event: ReturnType<ReturnType<typeof ical>['createEvent']>, m: CalendarMeeting): void {
  if (m.organizer) event.organizer({ name: m.organizer.name, email: m.organizer.email });
  for (const a of m.attendees ?? []) event.createAttendee({ name: a.name, email: a.email, rsvp: false });
}
