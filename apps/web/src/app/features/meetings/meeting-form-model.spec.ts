import { RecurrenceKind, Role } from '@lantern/shared-domain';
import {
  type WhenValue,
  crossesClockChange,
  mayOrganiseSomewhere,
  patternOf,
  placeProblem,
  previewOf,
  recurrenceInput,
  repeatChoices,
  scopeChoices,
  whenFromSeries,
  whenProblem,
} from './meeting-form-model';
import { MeetingMode } from '@lantern/shared-domain';

const trusts = [
  { id: 't1', name: 'Oak Trust', schools: [{ id: 's1', displayName: 'Oak Primary (Oak Trust)' }] },
  { id: 't2', name: 'Elm Trust', schools: [{ id: 's2', displayName: 'Elm Primary (Elm Trust)' }] },
];

const when = (over: Partial<WhenValue> = {}): WhenValue => ({
  firstDate: '2026-03-10',
  startTime: '09:30',
  minutes: 60,
  repeat: 'weekly',
  ends: 'never',
  until: '',
  count: null,
  dates: [],
  ...over,
});

describe('meeting form model', () => {
  it('offers only the scopes the person may organise in', () => {
    const sendLead = { userId: 'u', grants: [{ role: Role.TrustSendLead, trustId: 't1', schoolId: null }] };
    expect(scopeChoices(sendLead, trusts).map((c) => c.value)).toEqual(['network', 'trust:t1']);
    const senco = { userId: 'u', grants: [{ role: Role.Senco, trustId: 't2', schoolId: 's2' }] };
    expect(scopeChoices(senco, trusts).map((c) => c.value)).toEqual(['school:s2']);
    expect(mayOrganiseSomewhere(senco)).toBe(true);
    expect(mayOrganiseSomewhere(null)).toBe(false);
  });

  it('derives the monthly choices from the date', () => {
    expect(repeatChoices('2026-03-10').map((c) => c.label)).toContain('Monthly on the second Tuesday');
    const last = repeatChoices('2026-03-31').map((c) => c.value);
    expect(last).toContain('monthly-last');
    expect(last).not.toContain('monthly'); // the fifth Tuesday: only "last"
    expect(repeatChoices('2026-03-26').map((c) => c.value)).toEqual(
      expect.arrayContaining(['monthly', 'monthly-last']),
    );
  });

  it('builds the pattern and the API recurrence', () => {
    expect(patternOf(when({ repeat: 'fortnightly', ends: 'after', count: 6 }))).toMatchObject({
      recurrence: { kind: RecurrenceKind.Weekly, interval: 2 },
      count: 6,
      until: null,
    });
    const monthly = patternOf(when({ repeat: 'monthly', ends: 'on', until: '2026-12-31' }));
    expect(monthly.recurrence).toEqual({ kind: RecurrenceKind.MonthlyWeekday, week: 2 });
    expect(recurrenceInput(monthly.recurrence)).toEqual({
      kind: 'MONTHLY_WEEKDAY',
      interval: null,
      week: 2,
      dates: [],
    });
    const dates = patternOf(when({ repeat: 'dates', dates: ['2026-06-09', '2026-03-10'] }));
    expect(dates.recurrence).toEqual({ kind: RecurrenceKind.Dates, dates: ['2026-03-10', '2026-06-09'] });
  });

  it('keeps 09:30 at 09:30 across the March clock change in the preview', () => {
    const { rows } = previewOf(when({ firstDate: '2026-03-17', ends: 'after', count: 4 }));
    expect(rows.map((r) => [r.key, r.time, r.zone])).toEqual([
      ['2026-03-17', '09:30', 'GMT'],
      ['2026-03-24', '09:30', 'GMT'],
      ['2026-03-31', '09:30', 'BST'],
      ['2026-04-07', '09:30', 'BST'],
    ]);
    expect(crossesClockChange(rows)).toBe(true);
  });

  it('and across the October change the other way', () => {
    const { rows } = previewOf(when({ firstDate: '2026-10-20', repeat: 'weekly', ends: 'after', count: 2 }));
    expect(rows.map((r) => [r.time, r.zone])).toEqual([
      ['09:30', 'BST'],
      ['09:30', 'GMT'],
    ]);
  });

  it('says what is wrong in plain English', () => {
    expect(whenProblem(when({ firstDate: '' }), '2026-03-01')).toBe('Give the date of the (first) meeting.');
    expect(whenProblem(when({ firstDate: '2026-02-01' }), '2026-03-01')).toBe(
      'The first meeting must be today or later.',
    );
    expect(whenProblem(when({ ends: 'on', until: '2026-03-01' }), '2026-03-01')).toBe(
      'The series must end on or after its first date.',
    );
    expect(whenProblem(when({ ends: 'after', count: null }), '2026-03-01')).toBe(
      'Give how many meetings there are.',
    );
    expect(whenProblem(when(), '2026-03-01')).toBeNull();
    expect(placeProblem({ mode: MeetingMode.InPerson, location: ' ', onlineLink: '' })?.field).toBe(
      'location',
    );
    expect(placeProblem({ mode: MeetingMode.Online, location: '', onlineLink: 'teams' })?.message).toMatch(
      /https/,
    );
    expect(
      placeProblem({ mode: MeetingMode.Hybrid, location: 'Hall', onlineLink: 'https://x.test/a' }),
    ).toBeNull();
  });

  it('reads a series back into the form', () => {
    expect(
      whenFromSeries({
        firstDate: '2026-03-10',
        startTime: '09:30:00',
        minutes: 90,
        recurrence: { kind: RecurrenceKind.MonthlyWeekday, interval: null, week: -1, dates: [] },
        until: null,
        count: 5,
      }),
    ).toMatchObject({ repeat: 'monthly-last', startTime: '09:30', ends: 'after', count: 5 });
  });
});
