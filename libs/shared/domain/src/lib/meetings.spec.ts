import { describe, expect, it } from 'vitest';
import {
  AgendaItemStatus,
  MeetingAccess,
  MeetingScope,
  Term,
  agendaTiming,
  canManageMeeting,
  canMinuteMeeting,
  canOrganiseMeeting,
  canSeeMeeting,
  canTakePartInMeeting,
  hostRotation,
  isSchoolDay,
  termsProblem,
} from './meetings';
import { Actor } from './policy';
import { Role, ScopeKind } from './roles';

const T1 = 'trust-1';
const T2 = 'trust-2';
const S1 = 'school-1';
const S2 = 'school-2';
const actor = (userId: string, role: Role, trustId: string | null = null, schoolId: string | null = null): Actor => ({
  userId,
  grants: [{ role, trustId, schoolId }],
});
const admin = actor('admin', Role.NetworkAdmin);
const lead1 = actor('lead1', Role.TrustSendLead, T1);
const lead2 = actor('lead2', Role.TrustSendLead, T2);
const leader1 = actor('leader1', Role.TrustLeader, T1);
const senco1 = actor('senco1', Role.Senco, T1, S1);
const senco2 = actor('senco2', Role.Senco, T2, S2);
const staff1 = actor('staff1', Role.Staff, T1, S1);

const meeting = (scope: MeetingScope, over: Partial<MeetingAccess> = {}): MeetingAccess => ({
  scope,
  chairId: 'lead1',
  noteTakerId: 'senco1',
  organiserId: 'lead1',
  guestIds: [],
  ...over,
});
const network = meeting({ kind: ScopeKind.Network, trustId: null, schoolId: null });
const trust1 = meeting({ kind: ScopeKind.Trust, trustId: T1, schoolId: null });
const school1 = meeting({ kind: ScopeKind.School, trustId: T1, schoolId: S1 });

describe('who sees and takes part in meetings', () => {
  it('a network meeting: everyone sees it; the SENCOs, SEND leads, headteachers and admin are invited', () => {
    for (const a of [admin, lead1, lead2, leader1, senco1, senco2, staff1]) expect(canSeeMeeting(a, network)).toBe(true);
    expect([admin, lead2, senco2].every((a) => canTakePartInMeeting(a, network))).toBe(true);
    expect(canTakePartInMeeting(staff1, network)).toBe(false);
    expect(canTakePartInMeeting(leader1, network)).toBe(false);
  });

  it('a trust meeting is invisible to the other trust and to the network admin, unless named as a guest', () => {
    expect([lead1, leader1, senco1, staff1].every((a) => canSeeMeeting(a, trust1))).toBe(true);
    expect([lead2, senco2, admin].some((a) => canSeeMeeting(a, trust1))).toBe(false);
    const withGuest = { ...trust1, guestIds: ['senco2'] };
    expect(canSeeMeeting(senco2, withGuest)).toBe(true);
    expect(canTakePartInMeeting(senco2, withGuest)).toBe(true);
    expect(canSeeMeeting(lead2, withGuest)).toBe(false);
  });

  it('a school meeting: the school and its trust leaders', () => {
    expect([senco1, staff1, lead1, leader1].every((a) => canSeeMeeting(a, school1))).toBe(true);
    expect([senco2, lead2, admin].some((a) => canSeeMeeting(a, school1))).toBe(false);
    expect(canSeeMeeting(null, school1)).toBe(false);
  });

  it('organise, manage and minute', () => {
    expect(canOrganiseMeeting(lead2, network.scope)).toBe(true);
    expect(canOrganiseMeeting(senco1, network.scope)).toBe(false);
    expect(canOrganiseMeeting(leader1, trust1.scope)).toBe(true);
    expect(canOrganiseMeeting(lead2, trust1.scope)).toBe(false);
    expect(canOrganiseMeeting(senco1, school1.scope)).toBe(true);
    expect(canOrganiseMeeting(staff1, school1.scope)).toBe(false);
    expect(canManageMeeting(lead1, trust1)).toBe(true);
    expect(canManageMeeting(senco1, trust1)).toBe(false);
    expect(canMinuteMeeting(senco1, trust1)).toBe(true);
    expect(canMinuteMeeting(leader1, trust1)).toBe(false);
  });
});

describe('term dates', () => {
  const terms: Term[] = [
    { name: 'Spring 2027', starts: '2027-01-05', ends: '2027-03-26', halfTermStarts: '2027-02-15', halfTermEnds: '2027-02-19' },
    { name: 'Summer 2027', starts: '2027-04-12', ends: '2027-07-21', halfTermStarts: null, halfTermEnds: null },
  ];
  it('knows school days, weekends, half terms and holidays', () => {
    expect(isSchoolDay('2027-01-05', terms)).toBe(true);
    expect(isSchoolDay('2027-01-09', terms)).toBe(false); // Saturday
    expect(isSchoolDay('2027-02-16', terms)).toBe(false); // half term
    expect(isSchoolDay('2027-04-01', terms)).toBe(false); // Easter holidays
    expect(isSchoolDay('2027-04-12', terms)).toBe(true);
  });
  it('explains overlapping or inside-out terms', () => {
    expect(termsProblem(terms)).toBeNull();
    expect(termsProblem([{ ...terms[0], ends: '2027-04-20' }, terms[1]])).toMatch(/overlaps/);
    expect(termsProblem([{ ...terms[0], halfTermEnds: null }])).toMatch(/both/);
    expect(termsProblem([{ ...terms[1], ends: '2027-04-01' }])).toMatch(/ends before/);
  });
});

describe('agendas and hosts', () => {
  it('totals accepted items against the meeting length', () => {
    const items = [
      { minutes: 30, status: AgendaItemStatus.Accepted },
      { minutes: 45, status: AgendaItemStatus.Accepted },
      { minutes: 60, status: AgendaItemStatus.Proposed },
    ];
    expect(agendaTiming(items, 60)).toEqual({ total: 75, over: 15 });
    expect(agendaTiming(items, 90)).toEqual({ total: 75, over: 0 });
  });
  it('rotates hosts in turn, skipping occurrences without using a turn', () => {
    const got = hostRotation(['d1', 'd2', 'd3', 'd4'], ['A', 'B'], new Set(['d2']));
    expect([...got.entries()]).toEqual([
      ['d1', 'A'],
      ['d2', null],
      ['d3', 'B'],
      ['d4', 'A'],
    ]);
  });
});
