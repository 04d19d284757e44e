import { describe, expect, it } from 'vitest';
import { ActionDueState, ActionStatus, actionDueState, actionTitleProblem, londonToday } from './actions';
import {
  CaseAttention,
  SenNeed,
  SenStatus,
  academicYearOf,
  caseAttention,
  caseProblem,
  currentYearGroup,
  isIsoDate,
  yearGroupLabel,
} from './caseload';

const base = {
  reference: 'JS Y4',
  yearGroup: 4,
  senStatus: SenStatus.SenSupport,
  primaryNeed: SenNeed.SLCN,
  secondaryNeed: null,
};

describe('cases', () => {
  it('accepts initials and a year group, and refuses names, dates of birth and NHS numbers', () => {
    expect(caseProblem(base)).toBeNull();
    expect(caseProblem({ ...base, reference: 'Jessica Smith' })).toMatch(/name/);
    expect(caseProblem({ ...base, reference: 'JS 03/04/2017' })).toMatch(/date of birth/);
    expect(caseProblem({ ...base, reference: '943 476 5919' })).toMatch(/NHS number/);
  });

  it('follows the census rules: NSA only with SEN support and never secondary; two different needs', () => {
    expect(caseProblem({ ...base, primaryNeed: SenNeed.NSA })).toBeNull();
    expect(caseProblem({ ...base, primaryNeed: SenNeed.NSA, senStatus: SenStatus.Ehcp })).toMatch(
      /SEN support/,
    );
    expect(caseProblem({ ...base, secondaryNeed: SenNeed.NSA })).toMatch(/secondary/);
    expect(caseProblem({ ...base, secondaryNeed: SenNeed.SLCN })).toMatch(/differ/);
    expect(caseProblem({ ...base, yearGroup: 15 })).toMatch(/year group/);
  });

  it('moves the year group up on 1 September, not before', () => {
    const asAt = new Date('2026-07-20T12:00:00Z');
    expect(currentYearGroup(4, asAt, new Date('2026-08-31T12:00:00Z'))).toBe(4);
    expect(currentYearGroup(4, asAt, new Date('2026-09-01T12:00:00Z'))).toBe(5);
    expect(currentYearGroup(4, asAt, new Date('2028-01-10T12:00:00Z'))).toBe(6);
    expect(academicYearOf(new Date('2027-03-01T00:00:00Z'))).toBe(2026);
    expect([yearGroupLabel(-1), yearGroupLabel(0), yearGroupLabel(6)]).toEqual([
      'Nursery',
      'Reception',
      'Year 6',
    ]);
  });

  it('needs attention when an action is overdue, or a date is within 14 days', () => {
    expect(caseAttention(1, null, '2026-12-07')).toBe(CaseAttention.Overdue);
    expect(caseAttention(0, '2026-12-21', '2026-12-07')).toBe(CaseAttention.Soon);
    expect(caseAttention(0, '2026-12-22', '2026-12-07')).toBe(CaseAttention.None);
    expect(caseAttention(0, null, '2026-12-07')).toBe(CaseAttention.None);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });
});

describe('actions', () => {
  it('says whether an open action is overdue, due today, soon or later; closed ones are closed', () => {
    const today = '2026-12-07';
    expect(actionDueState(ActionStatus.Open, '2026-12-06', today)).toBe(ActionDueState.Overdue);
    expect(actionDueState(ActionStatus.Open, '2026-12-07', today)).toBe(ActionDueState.Today);
    expect(actionDueState(ActionStatus.Open, '2026-12-09', today)).toBe(ActionDueState.Soon);
    expect(actionDueState(ActionStatus.Open, '2026-12-10', today)).toBe(ActionDueState.Later);
    expect(actionDueState(ActionStatus.Done, '2026-12-01', today)).toBe(ActionDueState.Closed);
  });

  it('counts today in England: just after midnight in summer time is already the next day', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('needs a title of a sensible length', () => {
    expect(actionTitleProblem('ok')).toMatch(/at least/);
    expect(actionTitleProblem('Book the educational psychologist')).toBeNull();
  });
});
