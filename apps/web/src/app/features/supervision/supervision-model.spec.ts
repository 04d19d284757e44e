import { type Actor, Role } from '@lantern/shared-domain';
import {
  type ScheduleDraft,
  isHttpsLink,
  londonToIso,
  moveItem,
  nextQuarterHour,
  recordFailure,
  schedulableSchoolIds,
  scheduleProblems,
  tabOf,
  whenText,
} from './supervision-model';

const NOW = new Date('2026-03-02T09:00:00Z');

function draft(over: Partial<ScheduleDraft> = {}): ScheduleDraft {
  return {
    title: 'Caseload supervision',
    mode: 'later',
    date: '2026-03-10',
    time: '14:00',
    minutes: 60,
    venue: 'place',
    location: 'SENCO office',
    onlineLink: '',
    inviteHeadteacher: false,
    agenda: [{ caseId: 'c1', reference: 'AB Y4', question: 'Is the plan working?' }],
    ...over,
  };
}

describe('supervision model', () => {
  it('reads UK wall-clock times in GMT and in BST', () => {
    expect(londonToIso('2026-01-15', '14:00')).toBe('2026-01-15T14:00:00.000Z');
    expect(londonToIso('2026-07-15', '14:00')).toBe('2026-07-15T13:00:00.000Z');
    // The day the clocks go forward: 01:30 does not exist, read as the hour after.
    expect(londonToIso('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(londonToIso('2026-02-30', '10:00')).toBeNull();
    expect(londonToIso('2026-02-10', '25:00')).toBeNull();
    expect(londonToIso('', '10:00')).toBeNull();
  });

  it('says when a session is, in UK time, start to end', () => {
    expect(whenText('2026-07-15T13:00:00.000Z', 90)).toBe('Wed 15 Jul 2026, 14:00 to 15:30');
    expect(nextQuarterHour(new Date('2026-01-15T14:07:00Z'))).toEqual({ date: '2026-01-15', time: '14:15' });
  });

  it('reads the tab from the URL', () => {
    expect(tabOf('past')).toBe('past');
    expect(tabOf(undefined)).toBe('upcoming');
    expect(tabOf('nonsense')).toBe('upcoming');
  });

  it('lets SENCOs and trust SEND leads schedule, not headteachers', () => {
    const senco: Actor = { userId: 'u1', grants: [{ role: Role.Senco, trustId: 't1', schoolId: 's1' }] };
    const head: Actor = { userId: 'u2', grants: [{ role: Role.Headteacher, trustId: 't1', schoolId: 's1' }] };
    const lead: Actor = {
      userId: 'u3',
      grants: [{ role: Role.TrustSendLead, trustId: 't1', schoolId: null }],
    };
    expect([...schedulableSchoolIds(senco, ['s1'])]).toEqual(['s1']);
    expect([...schedulableSchoolIds(head, ['s1'])]).toEqual([]);
    expect([...schedulableSchoolIds(lead, ['s1', 's2'])]).toEqual(['s1', 's2']);
    expect([...schedulableSchoolIds(null, ['s1'])]).toEqual([]);
  });

  it('finds nothing wrong with a complete session', () => {
    expect(scheduleProblems(draft(), NOW)).toEqual([]);
    expect(scheduleProblems(draft({ mode: 'now', date: '', time: '' }), NOW)).toEqual([]);
  });

  it('says what is wrong in plain English, in the order of the form', () => {
    const problems = scheduleProblems(
      draft({
        title: ' ',
        date: '2026-03-01',
        venue: 'online',
        onlineLink: 'meet.example/abc',
        agenda: [{ caseId: 'c1', reference: 'AB Y4', question: '' }],
      }),
      NOW,
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['title', 'Enter a title, for example “Caseload supervision”.'],
      ['date', 'The date and time are in the past: choose a later one, or start now.'],
      ['onlineLink', 'Enter the whole link, starting with https://'],
      ['agenda', 'Enter the question to bring about AB Y4.'],
    ]);
    expect(problems[3]?.caseId).toBe('c1');
    expect(scheduleProblems(draft({ agenda: [], location: '' }), NOW).map((p) => p.message)).toEqual([
      'Enter where you will meet, for example “SENCO office”.',
      'Add at least one case to the agenda.',
    ]);
    expect(scheduleProblems(draft({ date: '', time: '' }), NOW).map((p) => p.field)).toEqual([
      'date',
      'time',
    ]);
  });

  it('accepts only whole https links', () => {
    expect(isHttpsLink('https://meet.example/abc')).toBe(true);
    expect(isHttpsLink('http://meet.example/abc')).toBe(false);
    expect(isHttpsLink('javascript:alert(1)')).toBe(false);
  });

  it('moves agenda cases up and down within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    const same = ['a', 'b'];
    expect(moveItem(same, 0, -1)).toBe(same);
    expect(moveItem(same, 1, 1)).toBe(same);
  });

  it('explains a redrafted record and offers a reload', () => {
    expect(recordFailure({ code: 'CONFLICT' }, 'x')).toEqual({
      message: 'Someone redrafted the record; reload to see the new version.',
      reload: true,
    });
    expect(recordFailure({ code: 'BAD_USER_INPUT' }, 'As the server said.')).toEqual({
      message: 'As the server said.',
      reload: false,
    });
  });
});
