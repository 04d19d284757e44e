import { describe, expect, it } from 'vitest';
import { ResourceRecord, ResourceStatus, ShareScope, normaliseResourceTags } from './library';
import {
  adoptingTrustsOf,
  canAdoptForTrust,
  canManageResource,
  canSeeResource,
  canShareWith,
} from './library-audience';
import { libraryReach, reachSees } from './library-reach';
import { Actor } from './policy';
import { Role } from './roles';

const T1 = 'trust-1';
const T2 = 'trust-2';
const S1 = 'school-1'; // in T1
const S1b = 'school-1b'; // in T1
const S2 = 'school-2'; // in T2

const actor = (userId: string, ...grants: Array<[Role, string | null, string | null]>): Actor => ({
  userId,
  grants: grants.map(([role, trustId, schoolId]) => ({ role, trustId, schoolId })),
});
const admin = actor('admin', [Role.NetworkAdmin, null, null]);
const sendLeadBoth = actor('lead', [Role.TrustSendLead, T1, null], [Role.TrustSendLead, T2, null]);
const leaderT1 = actor('leader1', [Role.TrustLeader, T1, null]);
const sencoS1 = actor('senco1', [Role.Senco, T1, S1]);
const sencoS1b = actor('senco1b', [Role.Senco, T1, S1b]);
const staffS1 = actor('staff1', [Role.Staff, T1, S1]);
const sencoS2 = actor('senco2', [Role.Senco, T2, S2]);
const leaderT2 = actor('leader2', [Role.TrustLeader, T2, null]);
const nobody = actor('nobody');
const everyone = [admin, sendLeadBoth, leaderT1, sencoS1, sencoS1b, staffS1, sencoS2, leaderT2, nobody];

const res = (
  shareScope: ShareScope,
  status = ResourceStatus.Published,
  ownerId = 'senco1',
): ResourceRecord => ({
  shareScope,
  trustId: shareScope === ShareScope.Network ? null : T1,
  schoolId: shareScope === ShareScope.School ? S1 : null,
  status,
  ownerId,
});

const seers = (r: ResourceRecord) => everyone.filter((a) => canSeeResource(a, r)).map((a) => a.userId);

describe('library visibility', () => {
  it('shows a school-scoped resource to that school and its trust roles only', () => {
    expect(seers(res(ShareScope.School))).toEqual(['admin', 'lead', 'leader1', 'senco1', 'staff1']);
  });

  it('shows a trust-scoped resource to that trust’s schools and trust roles, never the other trust', () => {
    expect(seers(res(ShareScope.Trust))).toEqual(['admin', 'lead', 'leader1', 'senco1', 'senco1b', 'staff1']);
    expect(canSeeResource(sencoS2, res(ShareScope.Trust))).toBe(false);
    expect(canSeeResource(leaderT2, res(ShareScope.Trust))).toBe(false);
  });

  it('shows a network resource to everyone with a role, and nothing to people without one', () => {
    expect(seers(res(ShareScope.Network))).toEqual(everyone.filter((a) => a !== nobody).map((a) => a.userId));
    expect(canSeeResource(null, res(ShareScope.Network))).toBe(false);
  });

  it('keeps drafts to their owner and the people who look after them', () => {
    expect(seers(res(ShareScope.School, ResourceStatus.Draft))).toEqual(['admin', 'lead', 'senco1']);
    expect(seers(res(ShareScope.School, ResourceStatus.Draft, 'staff1'))).toEqual([
      'admin',
      'lead',
      'senco1',
      'staff1',
    ]);
    expect(seers(res(ShareScope.Network, ResourceStatus.Draft, 'senco2'))).toEqual(['admin', 'senco2']);
  });

  it('lets archived resources stay readable by their audience', () => {
    expect(seers(res(ShareScope.Trust, ResourceStatus.Archived))).toEqual(seers(res(ShareScope.Trust)));
  });

  it('decides exactly as the SQL reach does, for every actor, scope, status and owner', () => {
    for (const a of everyone)
      for (const scope of Object.values(ShareScope))
        for (const status of Object.values(ResourceStatus))
          for (const owner of ['senco1', 'senco2', 'staff1', 'someone-else']) {
            const r = res(scope, status, owner);
            expect([a.userId, scope, status, owner, reachSees(libraryReach(a), r)]).toEqual([
              a.userId,
              scope,
              status,
              owner,
              canSeeResource(a, r),
            ]);
          }
  });

  it('gives management to owners in the audience and to publishers whose scope covers it', () => {
    const schoolRes = res(ShareScope.School, ResourceStatus.Published, 'senco1');
    expect(everyone.filter((a) => canManageResource(a, schoolRes)).map((a) => a.userId)).toEqual([
      'admin',
      'lead',
      'senco1',
    ]);
    const network = res(ShareScope.Network, ResourceStatus.Published, 'senco2');
    expect(everyone.filter((a) => canManageResource(a, network)).map((a) => a.userId)).toEqual([
      'admin',
      'senco2',
    ]);
    // An owner who left the audience (moved school) no longer manages it.
    const movedOwner = res(ShareScope.School, ResourceStatus.Published, 'senco2');
    expect(canManageResource(sencoS2, movedOwner)).toBe(false);
    expect(canManageResource(staffS1, res(ShareScope.School, ResourceStatus.Published, 'x'))).toBe(false);
  });
});

describe('sharing and adoption', () => {
  it('lets publishers share with a school, trust or network they belong to', () => {
    const school = (schoolId: string, trustId: string) => ({
      shareScope: ShareScope.School,
      trustId,
      schoolId,
    });
    const trust = (trustId: string) => ({ shareScope: ShareScope.Trust, trustId, schoolId: null });
    const network = { shareScope: ShareScope.Network, trustId: null, schoolId: null };
    expect(canShareWith(sencoS1, school(S1, T1))).toBe(true);
    expect(canShareWith(sencoS1, school(S1b, T1))).toBe(false);
    expect(canShareWith(sencoS1, trust(T1))).toBe(true);
    expect(canShareWith(sencoS1, trust(T2))).toBe(false);
    expect(canShareWith(sencoS1, network)).toBe(true);
    expect(canShareWith(staffS1, school(S1, T1))).toBe(false);
    expect(canShareWith(leaderT1, trust(T1))).toBe(false);
    expect(canShareWith(sendLeadBoth, school(S2, T2))).toBe(true);
    expect(canShareWith(admin, school(S2, T2))).toBe(true);
    expect(canShareWith(sencoS1, { shareScope: ShareScope.Trust, trustId: null, schoolId: null })).toBe(
      false,
    );
  });

  it('lets a trust SEND lead adopt published network resources for their own trusts only', () => {
    const network = res(ShareScope.Network, ResourceStatus.Published, 'senco2');
    expect(canAdoptForTrust(sendLeadBoth, T1, network)).toBe(true);
    expect(canAdoptForTrust(sendLeadBoth, T2, network)).toBe(true);
    expect(canAdoptForTrust(leaderT1, T1, network)).toBe(false);
    expect(canAdoptForTrust(sencoS1, T1, network)).toBe(false);
    expect(canAdoptForTrust(actor('l1', [Role.TrustSendLead, T1, null]), T2, network)).toBe(false);
    expect(canAdoptForTrust(sendLeadBoth, T1, res(ShareScope.Trust))).toBe(false);
    expect(canAdoptForTrust(sendLeadBoth, T1, res(ShareScope.Network, ResourceStatus.Draft))).toBe(false);
    expect(adoptingTrustsOf(sendLeadBoth)).toEqual([T1, T2]);
    expect(adoptingTrustsOf(sencoS1)).toEqual([]);
  });
});

describe('tags', () => {
  it('normalises tags', () => {
    expect(normaliseResourceTags([' EHCP ', 'ehcp', 'Graduated approach', ''])).toEqual([
      'ehcp',
      'graduated-approach',
    ]);
    expect(normaliseResourceTags(Array.from({ length: 20 }, (_, i) => `t${i}`))).toHaveLength(10);
  });
});
