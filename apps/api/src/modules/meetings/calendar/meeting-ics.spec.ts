import * as nodeIcal from 'node-ical';
import { RecurrenceKind, SeriesPattern, londonInstant } from '@lantern/shared-domain';
import { CalendarMeeting, meetingCalendar } from './meeting-ics';

const weekly: SeriesPattern = {
  firstDate: '2027-03-16',
  time: '09:30',
  minutes: 90,
  recurrence: { kind: RecurrenceKind.Weekly, interval: 1 },
  until: '2027-11-09',
  count: null,
};

const meeting = (over: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  uid: 'series-1@lantern',
  sequence: 3,
  title: 'Network SENCO meeting',
  location: 'Holy Family Primary, hall',
  pattern: weekly,
  exceptions: [],
  cancelled: false,
  ...over,
});

const NOW = new Date('2026-12-07T10:15:00Z');

function events(text: string): nodeIcal.VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
}

const hhmmLondon = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(d);

describe('meeting calendars (.ics), parsed back with node-ical', () => {
  it('writes a Europe/London VTIMEZONE with both rules, METHOD:PUBLISH and a UTC DTSTAMP', () => {
    const text = meetingCalendar('PUBLISH', [meeting()], 'Lantern', NOW);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
    expect(text).toMatch(/BEGIN:DAYLIGHT\r\n[\s\S]*TZOFFSETTO:\+0100[\s\S]*END:DAYLIGHT/);
    expect(text).toMatch(/BEGIN:STANDARD\r\n[\s\S]*TZOFFSETTO:\+0000[\s\S]*END:STANDARD/);
    expect(text).toContain('DTSTAMP:20261207T101500Z');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270316T093000');
    expect(text).toContain('DTEND;TZID=Europe/London:20270316T110000');
  });

  it('a weekly series stays at 09:30 in London across the March and the October change', () => {
    const [series] = events(meetingCalendar('PUBLISH', [meeting()], 'Lantern', NOW));
    expect(series.uid).toBe('series-1@lantern');
    expect(Number(series.sequence)).toBe(3);
    expect(series.summary).toBe('Network SENCO meeting');
    expect(series.location).toBe('Holy Family Primary, hall');
    const spring = series.rrule!.between(new Date('2027-03-20T00:00Z'), new Date('2027-04-01T00:00Z'));
    expect(spring.map((d) => d.toISOString())).toEqual(['2027-03-23T09:30:00.000Z', '2027-03-30T08:30:00.000Z']);
    const autumn = series.rrule!.between(new Date('2027-10-24T00:00Z'), new Date('2027-11-04T00:00Z'));
    expect(autumn.map((d) => d.toISOString())).toEqual(['2027-10-26T08:30:00.000Z', '2027-11-02T09:30:00.000Z']);
    expect([...spring, ...autumn].map(hhmmLondon)).toEqual(['09:30', '09:30', '09:30', '09:30']);
    // UNTIL is in UTC (the last day's end in London) and the series stops there.
    expect(series.rrule!.between(new Date('2027-11-09T00:00Z'), new Date('2027-12-31T00:00Z'))).toHaveLength(1);
  });

  it('a cancelled occurrence is an EXDATE; a moved one a VEVENT with RECURRENCE-ID, same UID and SEQUENCE', () => {
    const moved = { key: '2027-04-06', cancelled: false, startsAt: londonInstant('2027-04-07', '14:00'), minutes: 60 };
    const cancelled = { key: '2027-03-30', cancelled: true, startsAt: null, minutes: null };
    const text = meetingCalendar('PUBLISH', [meeting({ exceptions: [moved, cancelled] })], 'Lantern', NOW);
    expect(text).toContain('EXDATE;TZID=Europe/London:20270330T093000');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/London:20270406T093000');
    const parsed = events(text);
    const series = parsed.find((e) => e.rrule)!;
    expect(Object.values(series.exdate ?? {}).map((d) => (d as Date).toISOString())).toContain('2027-03-30T08:30:00.000Z');
    const override = Object.values(series.recurrences ?? {})[0] as nodeIcal.VEvent;
    expect(override.uid).toBe('series-1@lantern');
    expect(Number(override.sequence)).toBe(3);
    expect((override.start as Date).toISOString()).toBe('2027-04-07T13:00:00.000Z');
    expect((override.recurrenceid as Date).toISOString()).toBe('2027-04-06T08:30:00.000Z');
  });

  it('a termly series by explicit dates is written as RDATEs at the same local time', () => {
    const termly: SeriesPattern = {
      firstDate: '2027-01-14',
      time: '13:30',
      minutes: 120,
      recurrence: { kind: RecurrenceKind.Dates, dates: ['2027-01-14', '2027-04-22', '2027-09-16'] },
      until: null,
      count: null,
    };
    const text = meetingCalendar('PUBLISH', [meeting({ pattern: termly })], 'Lantern', NOW);
    expect(text).not.toContain('RRULE:FREQ=WEEKLY');
    expect(text).not.toMatch(/RRULE:RDATE/);
    expect(text).toContain('RDATE;TZID=Europe/London:20270422T133000,20270916T133000');
    const [series] = events(text);
    expect((series.start as Date).toISOString()).toBe('2027-01-14T13:30:00.000Z');
    // One extra date only: still an RDATE, not an RRULE.
    const two = meetingCalendar('PUBLISH', [meeting({ pattern: { ...termly, recurrence: { kind: RecurrenceKind.Dates, dates: ['2027-01-14', '2027-04-22'] } } })], 'Lantern', NOW);
    expect(two).toContain('\r\nRDATE;TZID=Europe/London:20270422T133000\r\n');
  });

  it('an emailed cancellation says METHOD:CANCEL and STATUS:CANCELLED; attendees are asked for no reply', () => {
    const text = meetingCalendar(
      'CANCEL',
      [
        meeting({
          sequence: 4,
          organizer: { name: 'Lantern', email: 'meetings@lantern.example' },
          attendees: [{ name: 'SENCO, Holy Family Primary', email: 'senco@holy-family.example' }],
        }),
      ],
      'Lantern',
      NOW,
    );
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toMatch(/ATTENDEE;[^\r\n]*RSVP=FALSE/);
    const [series] = events(text);
    expect(Number(series.sequence)).toBe(4);
  });
});
