import { describe, expect, it } from 'vitest';
import { Role, ScopeKind } from './roles';
import * as policy from './policy';
import {
  reachOf,
  canSeePresence,
  Actor,
  NETWORK,
  Permission,
  Scope,
  can,
  canAnywhere,
  canAssignRole,
  canManageUser,
  permissionsOf,
} from './policy';

const trustA: Scope = { kind: ScopeKind.Trust, trustId: 'A' };
const trustB: Scope = { kind: ScopeKind.Trust, trustId: 'B' };
const schoolA1: Scope = { kind: ScopeKind.School, trustId: 'A', schoolId: 'A1' };
const schoolA2: Scope = { kind: ScopeKind.School, trustId: 'A', schoolId: 'A2' };
const schoolB1: Scope = { kind: ScopeKind.School, trustId: 'B', schoolId: 'B1' };

const admin: Actor = {
  userId: 'admin',
  grants: [{ role: Role.NetworkAdmin, trustId: null, schoolId: null }],
};
const leaderA: Actor = { userId: 'la', grants: [{ role: Role.TrustLeader, trustId: 'A', schoolId: null }] };
const sendLeadBoth: Actor = {
  userId: 'sl',
  grants: [
    { role: Role.TrustSendLead, trustId: 'A', schoolId: null },
    { role: Role.TrustSendLead, trustId: 'B', schoolId: null },
  ],
};
const headA1: Actor = { userId: 'h', grants: [{ role: Role.Headteacher, trustId: 'A', schoolId: 'A1' }] };
const sencoA1: Actor = { userId: 's', grants: [{ role: Role.Senco, trustId: 'A', schoolId: 'A1' }] };
const sencoB1: Actor = { userId: 'sb', grants: [{ role: Role.Senco, trustId: 'B', schoolId: 'B1' }] };

describe('policy', () => {
  it('refuses everything to an anonymous actor', () => {
    expect(can(null, Permission.DirectoryRead)).toBe(false);
    expect(canAssignRole(null, Role.Staff, schoolA1)).toBe(false);
    expect(permissionsOf(null)).toEqual([]);
  });

  it('lets every role read the directory', () => {
    for (const a of [admin, leaderA, sendLeadBoth, headA1, sencoA1]) {
      expect(can(a, Permission.DirectoryRead, NETWORK) || canAnywhere(a, Permission.DirectoryRead)).toBe(
        true,
      );
    }
  });

  it('limits a trust leader to their own trust', () => {
    expect(can(leaderA, Permission.PeopleRead, trustA)).toBe(true);
    expect(can(leaderA, Permission.PeopleRead, schoolA2)).toBe(true);
    expect(can(leaderA, Permission.PeopleRead, trustB)).toBe(false);
    expect(can(leaderA, Permission.PeopleRead, schoolB1)).toBe(false);
    expect(can(leaderA, Permission.PeopleRead, NETWORK)).toBe(false);
  });

  it('gives the shared SEND lead reach into both trusts', () => {
    expect(can(sendLeadBoth, Permission.AuditRead, schoolA1)).toBe(true);
    expect(can(sendLeadBoth, Permission.AuditRead, schoolB1)).toBe(true);
  });

  it('decides who may assign which role where', () => {
    expect(canAssignRole(admin, Role.NetworkAdmin, NETWORK)).toBe(true);
    expect(canAssignRole(leaderA, Role.NetworkAdmin, NETWORK)).toBe(false);
    expect(canAssignRole(leaderA, Role.TrustSendLead, trustA)).toBe(true);
    expect(canAssignRole(leaderA, Role.TrustSendLead, trustB)).toBe(false);
    expect(canAssignRole(leaderA, Role.Senco, schoolA2)).toBe(true);
    expect(canAssignRole(leaderA, Role.Senco, schoolB1)).toBe(false);
    expect(canAssignRole(headA1, Role.Staff, schoolA1)).toBe(true);
    expect(canAssignRole(headA1, Role.Staff, schoolA2)).toBe(false);
    expect(canAssignRole(headA1, Role.TrustLeader, trustA)).toBe(false);
    expect(canAssignRole(sencoA1, Role.Staff, schoolA1)).toBe(false);
  });

  it('refuses a role in a scope of the wrong shape', () => {
    expect(canAssignRole(admin, Role.Senco, trustA)).toBe(false);
    expect(canAssignRole(admin, Role.TrustLeader, schoolA1)).toBe(false);
    expect(canAssignRole(admin, Role.NetworkAdmin, trustA)).toBe(false);
  });

  it('lets a trust leader deactivate only people wholly inside their trust', () => {
    expect(canManageUser(leaderA, sencoA1)).toBe(true);
    expect(canManageUser(leaderA, sencoB1)).toBe(false);
    expect(canManageUser(leaderA, sendLeadBoth)).toBe(false);
    expect(canManageUser(leaderA, admin)).toBe(false);
    expect(canManageUser(admin, sendLeadBoth)).toBe(true);
    expect(canManageUser(admin, admin)).toBe(false);
    expect(canManageUser(headA1, sencoA1)).toBe(false);
  });

  it('lists what the client may show', () => {
    expect(permissionsOf(sencoA1)).toEqual([
      Permission.DirectoryRead,
      Permission.ForumUse,
      Permission.LibraryUse,
      Permission.LibraryPublish,
      Permission.CaseDataUse,
    ]);
    expect(permissionsOf(admin)).toContain(Permission.AuditRead);
  });
});

describe('reachOf', () => {
  it('lists where a permission reaches', () => {
    expect(reachOf(sendLeadBoth, Permission.AuditRead)).toEqual({
      network: false,
      trustIds: ['A', 'B'],
      schoolIds: [],
    });
    expect(reachOf(headA1, Permission.PeopleRead)).toEqual({
      network: false,
      trustIds: [],
      schoolIds: ['A1'],
    });
    expect(reachOf(sencoA1, Permission.PeopleRead)).toEqual({ network: false, trustIds: [], schoolIds: [] });
    expect(reachOf(admin, Permission.AuditRead).network).toBe(true);
  });
});

describe('canSeePresence', () => {
  it('shows presence within a trust and to and from network roles, never across trusts', () => {
    expect(canSeePresence(sencoA1, headA1)).toBe(true);
    expect(canSeePresence(sencoA1, sencoB1)).toBe(false);
    expect(canSeePresence(sendLeadBoth, sencoB1)).toBe(true);
    expect(canSeePresence(sencoB1, admin)).toBe(true);
    expect(canSeePresence(admin, sencoB1)).toBe(true);
  });
});

describe('canSeePersonDetails', () => {
  it('shows email and roles to oneself, within reach of people and within a shared trust; only the name across trusts', () => {
    const { canSeePersonDetails } = policy;
    expect(canSeePersonDetails(sencoB1, sencoB1)).toBe(true);
    expect(canSeePersonDetails(sencoA1, headA1)).toBe(true);
    expect(canSeePersonDetails(sencoA1, sencoB1)).toBe(false);
    expect(canSeePersonDetails(leaderA, sencoB1)).toBe(false);
    expect(canSeePersonDetails(sendLeadBoth, sencoB1)).toBe(true);
    expect(canSeePersonDetails(admin, sencoB1)).toBe(true);
    // A network role is named only, to people who cannot read people at network level.
    expect(canSeePersonDetails(sencoB1, admin)).toBe(false);
    expect(canSeePersonDetails(null, sencoA1)).toBe(false);
  });
});

describe('forum categories', () => {
  it('opens network categories to everyone with a role, trust categories to that trust', () => {
    const { canSeeCategory, canModerateCategory } = policy;
    expect(canSeeCategory(sencoB1, { trustId: null, roles: null })).toBe(true);
    expect(canSeeCategory(sencoA1, { trustId: 'A', roles: null })).toBe(true);
    expect(canSeeCategory(sencoB1, { trustId: 'A', roles: null })).toBe(false);
    expect(canSeeCategory(null, { trustId: null, roles: null })).toBe(false);
  });
  it('limits role categories to those roles, and lets moderators in', () => {
    const { canSeeCategory, canModerateCategory } = policy;
    const leadsOnly = { trustId: null, roles: [Role.TrustSendLead] };
    expect(canSeeCategory(sencoA1, leadsOnly)).toBe(false);
    expect(canSeeCategory(sendLeadBoth, leadsOnly)).toBe(true);
    expect(canSeeCategory(admin, leadsOnly)).toBe(true);
    expect(canModerateCategory(sendLeadBoth, { trustId: 'B', roles: null })).toBe(true);
    expect(canModerateCategory(sendLeadBoth, { trustId: null, roles: null })).toBe(false);
    expect(canModerateCategory(leaderA, { trustId: 'A', roles: null })).toBe(false);
  });
});
