import { Actor } from './policy';
import { ROLE_SCOPE, ScopeKind } from './roles';
import { ResourceRecord, ResourceStatus, ShareScope } from './library';
import { LIBRARY_PUBLISHERS } from './library-audience';

/** What a list query needs to filter resources in SQL exactly as canSeeResource decides. */
export interface LibraryReach {
  userId: string;
  /** Holds any role at all (someone without one sees nothing). */
  member: boolean;
  /** Sees every audience (network-level role). */
  everywhere: boolean;
  /** TRUST-scoped resources of these trusts are visible. */
  trustIds: string[];
  /** SCHOOL-scoped resources of these schools are visible. */
  schoolIds: string[];
  /** SCHOOL-scoped resources in these trusts are visible (trust-level roles). */
  schoolsOfTrustIds: string[];
  /** Drafts the actor manages besides their own. */
  manageEverywhere: boolean;
  manageTrustIds: string[];
  manageSchoolIds: string[];
}

export function libraryReach(actor: Actor): LibraryReach {
  const reach: LibraryReach = {
    userId: actor.userId,
    member: actor.grants.length > 0,
    everywhere: false,
    trustIds: [],
    schoolIds: [],
    schoolsOfTrustIds: [],
    manageEverywhere: false,
    manageTrustIds: [],
    manageSchoolIds: [],
  };
  for (const g of actor.grants) {
    const kind = ROLE_SCOPE[g.role];
    const publisher = LIBRARY_PUBLISHERS.includes(g.role);
    if (kind === ScopeKind.Network) {
      reach.everywhere = true;
      if (publisher) reach.manageEverywhere = true;
      continue;
    }
    if (g.trustId) reach.trustIds.push(g.trustId);
    if (kind === ScopeKind.Trust && g.trustId) {
      reach.schoolsOfTrustIds.push(g.trustId);
      if (publisher) reach.manageTrustIds.push(g.trustId);
    }
    if (kind === ScopeKind.School && g.schoolId) {
      reach.schoolIds.push(g.schoolId);
      if (publisher) reach.manageSchoolIds.push(g.schoolId);
    }
  }
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    ...reach,
    trustIds: uniq(reach.trustIds),
    schoolIds: uniq(reach.schoolIds),
    schoolsOfTrustIds: uniq(reach.schoolsOfTrustIds),
    manageTrustIds: uniq(reach.manageTrustIds),
    manageSchoolIds: uniq(reach.manageSchoolIds),
  };
}

/** The same decision as canSeeResource, from a precomputed reach (what the SQL filter implements). */
export function reachSees(reach: LibraryReach, r: ResourceRecord): boolean {
  const audience =
    reach.member &&
    (reach.everywhere ||
      r.shareScope === ShareScope.Network ||
      (r.shareScope === ShareScope.Trust && !!r.trustId && reach.trustIds.includes(r.trustId)) ||
      (r.shareScope === ShareScope.School &&
        ((!!r.schoolId && reach.schoolIds.includes(r.schoolId)) ||
          (!!r.trustId && reach.schoolsOfTrustIds.includes(r.trustId)))));
  if (!audience) return false;
  if (r.status !== ResourceStatus.Draft) return true;
  return (
    r.ownerId === reach.userId ||
    reach.manageEverywhere ||
    (r.shareScope !== ShareScope.Network && !!r.trustId && reach.manageTrustIds.includes(r.trustId)) ||
    (r.shareScope === ShareScope.School && !!r.schoolId && reach.manageSchoolIds.includes(r.schoolId))
  );
}
