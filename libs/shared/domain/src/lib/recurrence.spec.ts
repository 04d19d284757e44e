import { describe, expect, it } from 'vitest';
import {
  RecurrenceKind,
  SeriesPattern,
  expandSeries,
  fromRRule,
  londonDateTime,
  londonInstant,
  occurrenceDates,
  seriesPatternProblem,
  splitSeries,
  toRRule,
} from './recurrence';

const weekly = (over: Partial<SeriesPattern> = {}): SeriesPattern => ({
  firstDate: '2027-03-16',
  time: '09:30',
  minutes: 60,
  recurrence: { kind: RecurrenceKind.Weekly, interval: 1 },
  until: null,
  count: null,
  ...over,
});

const localTimes = (p: SeriesPattern, from: string, to: string) =>
  expandSeries(p, [], from, to).map((o) => {
    const l = londonDateTime(o.startsAt);
    return `${l.date} ${l.time} ${o.startsAt.toISOString().slice(11, 16)}Z`;
  });

describe('series across the clock changes', () => {
  it('keeps a weekly 09:30 at 09:30 in London when the clocks go forward (28 March 2027)', () => {
    expect(localTimes(weekly(), '2027-03-16', '2027-04-06')).toEqual([
      '2027-03-16 09:30 09:30Z',
      '2027-03-23 09:30 09:30Z',
      '2027-03-30 09:30 08:30Z',
      '2027-04-06 09:30 08:30Z',
    ]);
  });

  it('keeps it at 09:30 when the clocks go back (31 October 2027)', () => {
    expect(localTimes(weekly({ firstDate: '2027-10-19' }), '2027-10-19', '2027-11-09')).toEqual([
      '2027-10-19 09:30 08:30Z',
      '2027-10-26 09:30 08:30Z',
      '2027-11-02 09:30 09:30Z',
      '2027-11-09 09:30 09:30Z',
    ]);
  });

  it('a fortnightly series crossing both changes in one year stays on local time', () => {
    const p = weekly({ firstDate: '2027-01-05', recurrence: { kind: RecurrenceKind.Weekly, interval: 2 } });
    const all = expandSeries(p, [], '2027-01-01', '2027-12-31');
    expect(all).toHaveLength(26);
    expect(new Set(all.map((o) => londonDateTime(o.startsAt).time))).toEqual(new Set(['09:30']));
    expect(all.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual(all.map(() => 3_600_000));
  });

  it('a time the spring change skips is the instant after the gap; a doubled autumn time is the first one', () => {
    expect(londonInstant('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(londonDateTime(londonInstant('2027-03-28', '01:30')).time).toBe('02:30');
    expect(londonInstant('2027-10-31', '01:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(londonInstant('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T02:30:00.000Z');
  });
});

describe('patterns', () => {
  it('monthly by weekday: the 2nd Tuesday and the last Thursday of each month', () => {
    const second = weekly({ firstDate: '2027-01-12', recurrence: { kind: RecurrenceKind.MonthlyWeekday, week: 2 } });
    expect(occurrenceDates(second, '2027-01-01', '2027-05-31')).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
    ]);
    const last = weekly({ firstDate: '2027-01-28', recurrence: { kind: RecurrenceKind.MonthlyWeekday, week: -1 } });
    expect(occurrenceDates(last, '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-28',
      '2027-02-25',
      '2027-03-25',
      '2027-04-29',
    ]);
  });

  it('explicit dates (termly), until and count', () => {
    const termly = weekly({
      firstDate: '2027-01-14',
      recurrence: { kind: RecurrenceKind.Dates, dates: ['2027-06-10', '2027-01-14', '2027-03-18'] },
    });
    expect(occurrenceDates(termly, '2027-01-01', '2027-12-31')).toEqual(['2027-01-14', '2027-03-18', '2027-06-10']);
    expect(occurrenceDates(weekly({ count: 3 }), '2027-03-23', '2027-12-31')).toEqual(['2027-03-23', '2027-03-30']);
    expect(occurrenceDates(weekly({ until: '2027-03-30' }), '2027-01-01', '2027-12-31')).toHaveLength(3);
  });

  it('explains a pattern that does not fit', () => {
    expect(seriesPatternProblem(weekly({ time: '9.30' }))).toMatch(/HH:MM/);
    expect(
      seriesPatternProblem(weekly({ firstDate: '2027-01-12', recurrence: { kind: RecurrenceKind.MonthlyWeekday, week: 3 } })),
    ).toMatch(/week of its month/);
    expect(seriesPatternProblem(weekly({ until: '2027-01-01' }))).toMatch(/end on or after/);
    expect(seriesPatternProblem(weekly())).toBeNull();
  });
});

describe('exceptions and "this and following"', () => {
  it('moves one occurrence and cancels another; a moved one survives a later change of the pattern', () => {
    const moved = { key: '2027-03-23', cancelled: false, startsAt: londonInstant('2027-03-24', '14:00'), minutes: 30 };
    const cancelled = { key: '2027-03-30', cancelled: true, startsAt: null, minutes: null };
    const got = expandSeries(weekly(), [moved, cancelled], '2027-03-16', '2027-04-06');
    expect(got.map((o) => [o.key, londonDateTime(o.startsAt).date, o.cancelled, o.changed])).toEqual([
      ['2027-03-16', '2027-03-16', false, false],
      ['2027-03-23', '2027-03-24', false, true],
      ['2027-03-30', '2027-03-30', true, true],
      ['2027-04-06', '2027-04-06', false, false],
    ]);
    // The series moves to Thursdays: the moved Wednesday meeting is still there, at its own time.
    const thursdays = weekly({ firstDate: '2027-03-18' });
    const after = expandSeries(thursdays, [moved, cancelled], '2027-03-16', '2027-04-06');
    expect(after.map((o) => londonDateTime(o.startsAt).date)).toEqual([
      '2027-03-18',
      '2027-03-24',
      '2027-03-25',
      '2027-04-01',
    ]);
  });

  it('splits a series at an occurrence, sharing out the count', () => {
    const { before, after } = splitSeries(weekly({ count: 10 }), '2027-04-06');
    expect(before).toMatchObject({ until: '2027-04-05', count: 3 });
    expect(after).toMatchObject({ firstDate: '2027-04-06', count: 7 });
    expect(occurrenceDates(before!, '2027-01-01', '2027-12-31')).toHaveLength(3);
    expect(occurrenceDates({ ...after, time: '10:00' }, '2027-01-01', '2027-12-31')).toHaveLength(7);
    expect(splitSeries(weekly(), '2027-03-16').before).toBeNull();
    expect(() => splitSeries(weekly(), '2027-03-17')).toThrow(/not an occurrence/);
  });
});

describe('RRULE text', () => {
  it('writes UNTIL in UTC and reads back what it wrote', () => {
    const p = weekly({ recurrence: { kind: RecurrenceKind.Weekly, interval: 2 }, until: '2027-07-20' });
    const rule = toRRule(p);
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270720T225900Z');
    expect(fromRRule(rule, p)).toEqual(p);
    const m = weekly({ firstDate: '2027-01-28', recurrence: { kind: RecurrenceKind.MonthlyWeekday, week: -1 }, count: 6 });
    expect(toRRule(m)).toBe('FREQ=MONTHLY;BYDAY=-1TH;COUNT=6');
    expect(fromRRule(toRRule(m), m)).toEqual(m);
    expect(toRRule(weekly({ recurrence: { kind: RecurrenceKind.None } }))).toBeNull();
    expect(fromRRule('FREQ=DAILY', p)).toBeNull();
  });
});
