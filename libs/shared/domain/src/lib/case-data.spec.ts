import { describe, expect, it } from 'vitest';
import { canAccessEhcpDraft, EHCP_SCHOOL_ROLES, ehcpDraftReach } from './ehcp';
import { LIBRARY_PUBLISHERS } from './library-audience';
import { Actor, PERMISSION_ROLES, Permission, canAccessCaseData, caseDataReach, rolesOf } from './policy';
import { ALL_ROLES, ROLE_SCOPE, Role, ScopeKind } from './roles';

const HOME = { schoolId: 'school-1', trustId: 'trust-1' };
const SAME_TRUST_SCHOOL = 'school-2';
const OTHER_TRUST = 'trust-2';
const OTHER_TRUST_SCHOOL = 'school-9';

/** One person holding `role` at: the record's own school/trust, another school of its trust, or another trust. */
function holder(role: Role, where: 'home' | 'sibling' | 'other'): Actor {
  const kind = ROLE_SCOPE[role];
  if (kind === ScopeKind.Network) return { userId: 'u', grants: [{ role, trustId: null, schoolId: null }] };
  const trustId = where === 'other' ? OTHER_TRUST : HOME.trustId;
  if (kind === ScopeKind.Trust) return { userId: 'u', grants: [{ role, trustId, schoolId: null }] };
  const schoolId =
    where === 'home' ? HOME.schoolId : where === 'sibling' ? SAME_TRUST_SCHOOL : OTHER_TRUST_SCHOOL;
  return { userId: 'u', grants: [{ role, trustId, schoolId }] };
}

/** Who sees a school's case data, for every role at every distance from the record. */
const EXPECTED: Record<Role, Record<'home' | 'sibling' | 'other', boolean>> = {
  [Role.Senco]: { home: true, sibling: false, other: false },
  [Role.Headteacher]: { home: true, sibling: false, other: false },
  [Role.Staff]: { home: false, sibling: false, other: false },
  [Role.TrustSendLead]: { home: true, sibling: true, other: false },
  [Role.TrustLeader]: { home: false, sibling: false, other: false },
  [Role.NetworkAdmin]: { home: false, sibling: false, other: false },
};

describe('canAccessCaseData: one rule for a school’s case data', () => {
  const cases = ALL_ROLES.flatMap((role) =>
    (['home', 'sibling', 'other'] as const).map((where) => [role, where, EXPECTED[role][where]] as const),
  );

  it.each(cases)('%s held at %s: %s', (role, where, expected) => {
    // A trust role has no "sibling": it is held in the record's trust (home) or another (other).
    const a = holder(role, where);
    expect(canAccessCaseData(a, HOME)).toBe(expected);
    // EHCP drafts follow the same rule.
    expect(canAccessEhcpDraft(a, HOME)).toBe(expected);
  });

  it('refuses the signed-out and people with no roles', () => {
    expect(canAccessCaseData(null, HOME)).toBe(false);
    expect(canAccessCaseData({ userId: 'u', grants: [] }, HOME)).toBe(false);
  });

  it('a network admin who is also a school’s SENCO sees that school only', () => {
    const both: Actor = {
      userId: 'u',
      grants: [
        { role: Role.NetworkAdmin, trustId: null, schoolId: null },
        { role: Role.Senco, trustId: HOME.trustId, schoolId: SAME_TRUST_SCHOOL },
      ],
    };
    expect(canAccessCaseData(both, HOME)).toBe(false);
    expect(canAccessCaseData(both, { ...HOME, schoolId: SAME_TRUST_SCHOOL })).toBe(true);
  });

  it('gives lists the same answer in SQL terms', () => {
    const mixed: Actor = {
      userId: 'u',
      grants: [
        { role: Role.Senco, trustId: HOME.trustId, schoolId: HOME.schoolId },
        { role: Role.Senco, trustId: HOME.trustId, schoolId: HOME.schoolId },
        { role: Role.Staff, trustId: HOME.trustId, schoolId: SAME_TRUST_SCHOOL },
        { role: Role.TrustLeader, trustId: OTHER_TRUST, schoolId: null },
        { role: Role.TrustSendLead, trustId: 'trust-3', schoolId: null },
        { role: Role.NetworkAdmin, trustId: null, schoolId: null },
      ],
    };
    expect(caseDataReach(mixed)).toEqual({ schoolIds: [HOME.schoolId], trustIds: ['trust-3'] });
    expect(ehcpDraftReach(mixed)).toEqual(caseDataReach(mixed));
    expect(caseDataReach(null)).toEqual({ schoolIds: [], trustIds: [] });
  });
});

describe('role lists come from PERMISSION_ROLES', () => {
  it('derives the EHCP school roles and the library publishers', () => {
    expect([...EHCP_SCHOOL_ROLES].sort()).toEqual([Role.Headteacher, Role.Senco].sort());
    expect(LIBRARY_PUBLISHERS).toEqual(PERMISSION_ROLES[Permission.LibraryPublish]);
    expect(rolesOf(Permission.CaseDataUse, ScopeKind.Trust)).toEqual([Role.TrustSendLead]);
  });
});
