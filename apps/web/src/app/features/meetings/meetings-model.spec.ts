import { MeetingMode, RsvpAnswer } from '@lantern/shared-domain';
import {
  countsText,
  formatTime,
  groupByHeading,
  headingFor,
  londonDate,
  londonZone,
  patternText,
  placeText,
  rangeFor,
  rsvpChoices,
  safeLink,
} from './meetings-model';

describe('meetings model', () => {
  it('gives London dates and times across the clock changes', () => {
    expect(londonDate('2026-03-28T23:30:00Z')).toBe('2026-03-28');
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(formatTime('2026-03-27T09:30:00Z')).toBe('09:30');
    expect(formatTime('2026-03-31T08:30:00Z')).toBe('09:30');
    expect(londonZone('2026-03-27T09:30:00Z')).toBe('GMT');
    expect(londonZone('2026-03-31T08:30:00Z')).toBe('BST');
  });

  it('heads meetings by week near today (weeks from Monday), else by month', () => {
    const today = '2026-03-04'; // a Wednesday
    expect(headingFor('2026-03-02', today)).toBe('This week');
    expect(headingFor('2026-03-08', today)).toBe('This week');
    expect(headingFor('2026-03-09', today)).toBe('Next week');
    expect(headingFor('2026-02-25', today)).toBe('Last week');
    expect(headingFor('2026-03-20', today)).toBe('March 2026');
    expect(headingFor('2026-05-01', today)).toBe('May 2026');
  });

  it('groups consecutive meetings under the same heading', () => {
    const groups = groupByHeading(
      ['2026-03-04', '2026-03-05', '2026-03-10', '2026-04-02', '2026-04-20'],
      (d) => d,
      '2026-03-04',
    );
    expect(groups.map((g) => [g.heading, g.items.length])).toEqual([
      ['This week', 2],
      ['Next week', 1],
      ['April 2026', 2],
    ]);
  });

  it('offers only the answers the mode allows', () => {
    expect(rsvpChoices(MeetingMode.InPerson)).toEqual([RsvpAnswer.InPerson, RsvpAnswer.Apologies]);
    expect(rsvpChoices(MeetingMode.Online)).toEqual([RsvpAnswer.Online, RsvpAnswer.Apologies]);
    expect(rsvpChoices(MeetingMode.Hybrid)).toEqual([
      RsvpAnswer.InPerson,
      RsvpAnswer.Online,
      RsvpAnswer.Apologies,
    ]);
  });

  it('says where and how many in plain words', () => {
    expect(placeText({ mode: MeetingMode.InPerson, location: 'Room 4', onlineLink: null })).toBe('Room 4');
    expect(placeText({ mode: MeetingMode.Online, location: null, onlineLink: null })).toBe(
      'Online (link to follow)',
    );
    expect(placeText({ mode: MeetingMode.Hybrid, location: 'Hall', onlineLink: 'https://x.test' })).toBe(
      'Hall, or online',
    );
    expect(countsText({ inPerson: 3, online: 1, apologies: 1 })).toBe('3 in person, 1 online, 1 apology');
  });

  it('makes only http(s) links clickable', () => {
    expect(safeLink('https://meet.example/abc')).toBe('https://meet.example/abc');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('not a link')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });

  it('asks for a year ahead, or the year before', () => {
    expect(rangeFor('upcoming', '2026-03-04')).toEqual({ from: '2026-03-04', to: '2027-03-04' });
    expect(rangeFor('past', '2026-03-04')).toEqual({ from: '2025-03-04', to: '2026-03-03' });
  });

  it('describes a series pattern', () => {
    const base = { firstDate: '2026-03-10', startTime: '09:30:00', until: null, count: null };
    expect(patternText({ ...base, recurrence: { kind: 'WEEKLY', interval: 1, week: null, dates: [] } })).toBe(
      'Weekly on Tuesdays at 09:30 UK time',
    );
    expect(
      patternText({ ...base, recurrence: { kind: 'WEEKLY', interval: 2, week: null, dates: [] }, count: 6 }),
    ).toBe('Every other Tuesday at 09:30 UK time, 6 meetings');
    expect(
      patternText({
        ...base,
        recurrence: { kind: 'MONTHLY_WEEKDAY', interval: null, week: 2, dates: [] },
        until: '2026-07-14',
      }),
    ).toBe('Monthly on the second Tuesday at 09:30 UK time, until 14 July 2026');
    expect(
      patternText({
        ...base,
        recurrence: { kind: 'DATES', interval: null, week: null, dates: ['2026-03-10', '2026-06-09'] },
      }),
    ).toBe('On 2 chosen dates at 09:30 UK time: 10 March 2026, 9 June 2026');
  });
});
