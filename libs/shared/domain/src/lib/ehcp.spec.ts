import { describe, expect, it } from 'vitest';
import {
  EHCP_SECTION_KEYS,
  EHCP_SECTION_TITLES,
  EhcpSectionChange,
  EhcpSectionStatus,
  EhcpTemplateSection,
  canAccessEhcpDraft,
  compareEhcpSections,
  draftCompleteness,
  ehcpDraftListTitle,
  ehcpDraftReach,
  ehcpDraftSchoolsOf,
  pupilReferenceProblem,
  statusAfterSave,
  isEhcpSectionStatus,
  wordCount,
} from './ehcp';
import type { Actor } from './policy';
import { Role } from './roles';

const SCHOOL = 'school-1';
const OTHER_SCHOOL = 'school-2';
const TRUST = 'trust-1';
const OTHER_TRUST = 'trust-2';
const draft = { schoolId: SCHOOL, trustId: TRUST };
const actor = (role: Role, trustId: string | null, schoolId: string | null): Actor => ({
  userId: 'u',
  grants: [{ role, trustId, schoolId }],
});

describe('who may see a draft', () => {
  it.each([
    ['the school’s SENCO', actor(Role.Senco, TRUST, SCHOOL), true],
    ['the school’s headteacher', actor(Role.Headteacher, TRUST, SCHOOL), true],
    ['the trust’s SEND lead', actor(Role.TrustSendLead, TRUST, null), true],
    ['a SENCO of another school in the trust', actor(Role.Senco, TRUST, OTHER_SCHOOL), false],
    ['staff of the school', actor(Role.Staff, TRUST, SCHOOL), false],
    ['the trust leader', actor(Role.TrustLeader, TRUST, null), false],
    ['another trust’s SEND lead', actor(Role.TrustSendLead, OTHER_TRUST, null), false],
    ['a network admin', actor(Role.NetworkAdmin, null, null), false],
  ])('%s: %s', (_who, a, expected) => {
    expect(canAccessEhcpDraft(a, draft)).toBe(expected);
  });

  it('nobody signed out; schools and reach for lists', () => {
    expect(canAccessEhcpDraft(null, draft)).toBe(false);
    const both: Actor = {
      userId: 'u',
      grants: [
        { role: Role.Senco, trustId: TRUST, schoolId: SCHOOL },
        { role: Role.Headteacher, trustId: TRUST, schoolId: OTHER_SCHOOL },
        { role: Role.TrustSendLead, trustId: OTHER_TRUST, schoolId: null },
        { role: Role.NetworkAdmin, trustId: null, schoolId: null },
      ],
    };
    expect(ehcpDraftSchoolsOf(both)).toEqual([SCHOOL, OTHER_SCHOOL]);
    expect(ehcpDraftReach(both)).toEqual({ schoolIds: [SCHOOL, OTHER_SCHOOL], trustIds: [OTHER_TRUST] });
    expect(ehcpDraftSchoolsOf(actor(Role.TrustSendLead, TRUST, null))).toEqual([]);
  });
});

describe('the drafts list heading', () => {
  it('names the viewer’s scope', () => {
    const lead: Actor = {
      userId: 'u',
      grants: [
        { role: Role.TrustSendLead, trustId: TRUST, schoolId: null },
        { role: Role.TrustSendLead, trustId: OTHER_TRUST, schoolId: null },
      ],
    };
    expect(ehcpDraftListTitle(lead)).toBe('EHCP drafts in your trusts');
    expect(ehcpDraftListTitle(actor(Role.TrustSendLead, TRUST, null))).toBe('EHCP drafts in your trust');
    expect(ehcpDraftListTitle(actor(Role.Senco, TRUST, SCHOOL))).toBe("Your school's EHCP drafts");
    expect(
      ehcpDraftListTitle({
        userId: 'u',
        grants: [
          { role: Role.Senco, trustId: TRUST, schoolId: SCHOOL },
          { role: Role.Headteacher, trustId: TRUST, schoolId: OTHER_SCHOOL },
        ],
      }),
    ).toBe("Your schools' EHCP drafts");
  });
});

describe('pupil references', () => {
  it.each(['JS Y4', 'AB-R', 'K.L. Yr 6', 'Case 12', 'JS reception', 'ABC123'])('accepts %p', (ref) => {
    expect(pupilReferenceProblem(ref)).toBeNull();
  });
  it.each([
    ['Jacob Smith', /name/],
    ['Oliver Y3', /name/],
    ['JOHN SMITH', /name/],
    ['JAMES SMITH Y4', /name/],
    ['AMELIA-ROSE', /name/],
    ['McDonald Y4', /name/],
    ['Sam Y2', /name/],
    ['smith y4', /name/],
    ['O\u2019Brien Y3', /name/],
    ['DOB 02/11/2015', /date of birth/],
    ['2015-11-02', /date of birth/],
    ['J Y4 2016', /date of birth/],
    ['A123456789012', /pupil number/],
    ['9434765919', /NHS number/],
    ['943-476-5919', /NHS number/],
    ['1234567890', /NHS number/],
    ['j@x.org', /email/],
    ['J', /at least/],
    ['X'.repeat(21), /20 characters/],
    ['JS <Y4>', /Use only letters/],
  ])('refuses %p', (ref, message) => {
    expect(pupilReferenceProblem(ref)).toMatch(message);
  });
});

describe('completeness', () => {
  const { NotStarted, InProgress, Complete } = EhcpSectionStatus;
  it('is the state the writers chose; writing in a section not started puts it in progress', () => {
    expect(statusAfterSave(NotStarted, '')).toBe(NotStarted);
    expect(statusAfterSave(NotStarted, '  \n ')).toBe(NotStarted);
    expect(statusAfterSave(NotStarted, 'Not applicable.')).toBe(InProgress);
    expect(statusAfterSave(InProgress, '')).toBe(InProgress);
    expect(statusAfterSave(Complete, 'a few words')).toBe(Complete);
    expect(isEhcpSectionStatus('COMPLETE')).toBe(true);
    expect(isEhcpSectionStatus('EMPTY')).toBe(false);
    expect(wordCount('Views gathered, with the child’s own views.')).toBe(7);
  });
  it('sums over the draft with a whole percent', () => {
    expect(
      draftCompleteness([
        { status: Complete },
        { status: Complete },
        { status: InProgress },
        { status: NotStarted },
      ]),
    ).toEqual({ complete: 2, inProgress: 1, notStarted: 1, total: 4, percent: 50 });
    expect(draftCompleteness([])).toMatchObject({ total: 0, percent: 0 });
    expect(draftCompleteness(EHCP_SECTION_KEYS.map(() => ({ status: Complete }))).percent).toBe(100);
  });
});

describe('sections and variants', () => {
  it('has the eleven sections A to K with official titles', () => {
    expect(EHCP_SECTION_KEYS).toHaveLength(11);
    expect(EHCP_SECTION_TITLES.B).toBe("The child or young person's special educational needs");
    expect(EHCP_SECTION_TITLES.H).toMatch(/H1.*H2/);
  });

  const base: EhcpTemplateSection[] = [
    { key: 'A', title: 'A', guidance: 'Views', prompts: ['What matters?'] },
    { key: 'B', title: 'B', guidance: 'Needs', prompts: ['Which needs?'] },
    { key: 'J', title: 'J', guidance: 'Budget', prompts: [] },
  ];
  it('lists added, removed and changed sections with their prompts, and skips equal ones', () => {
    const variant: EhcpTemplateSection[] = [
      { key: 'A', title: 'A', guidance: 'Views\r\n', prompts: ['What matters?'] },
      { key: 'B', title: 'B', guidance: 'Needs, with two cycles', prompts: ['Which needs?', 'Cycle two?'] },
      { key: 'K', title: 'K', guidance: 'Advice', prompts: ['Reports'] },
    ];
    expect(compareEhcpSections(base, variant)).toEqual([
      {
        key: 'B',
        change: EhcpSectionChange.Changed,
        titleChanged: false,
        guidanceChanged: true,
        baseGuidance: 'Needs',
        variantGuidance: 'Needs, with two cycles',
        addedPrompts: ['Cycle two?'],
        removedPrompts: [],
      },
      expect.objectContaining({ key: 'J', change: EhcpSectionChange.Removed, removedPrompts: [] }),
      expect.objectContaining({ key: 'K', change: EhcpSectionChange.Added, addedPrompts: ['Reports'] }),
    ]);
    expect(compareEhcpSections(base, base)).toEqual([]);
  });
});
