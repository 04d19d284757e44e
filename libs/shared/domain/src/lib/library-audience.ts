import { Actor, Grant, Permission, rolesOf } from './policy';
import { ROLE_SCOPE, Role, ScopeKind } from './roles';
import { ResourceAudience, ResourceRecord, ResourceStatus, ShareScope } from './library';

/** Who is in a resource's audience, who may manage, share and adopt it (single records). */

/** Roles that may publish and look after resources (within the scopes they hold). */
export const LIBRARY_PUBLISHERS: readonly Role[] = rolesOf(Permission.LibraryPublish);

/** Roles that adopt network resources for their trust. */
const LIBRARY_ADOPTERS: readonly Role[] = rolesOf(Permission.LibraryAdopt);

/** Does this grant place its holder in the audience? Network roles reach everything. */
function grantInAudience(g: Grant, a: ResourceAudience): boolean {
  const kind = ROLE_SCOPE[g.role];
  if (kind === ScopeKind.Network) return true;
  switch (a.shareScope) {
    case ShareScope.Network:
      return true;
    case ShareScope.Trust:
      // Trust roles of that trust and everyone in its schools (school grants carry the trust).
      return g.trustId !== null && g.trustId === a.trustId;
    case ShareScope.School:
      if (kind === ScopeKind.School) return g.schoolId === a.schoolId;
      return g.trustId !== null && g.trustId === a.trustId;
  }
}

/** Whether the actor is in the audience a resource is shared with (ignoring its status). */
export function inAudience(actor: Actor | null, a: ResourceAudience): boolean {
  return !!actor && actor.grants.some((g) => grantInAudience(g, a));
}

/**
 * May the actor look after a resource (new versions, status, review)? Its owner while still in the
 * audience, and publishers whose own scope covers it: network admins anything, a trust's SEND lead
 * what is shared with that trust or one of its schools, a school's SENCO or headteacher that school's.
 */
export function canManageResource(actor: Actor | null, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.ownerId === actor.userId && inAudience(actor, r)) return true;
  return actor.grants.some((g) => {
    if (!LIBRARY_PUBLISHERS.includes(g.role)) return false;
    const kind = ROLE_SCOPE[g.role];
    if (kind === ScopeKind.Network) return true;
    if (r.shareScope === ShareScope.Network) return false;
    if (kind === ScopeKind.Trust) return g.trustId === r.trustId;
    return r.shareScope === ShareScope.School && g.schoolId === r.schoolId;
  });
}

/** Drafts: their owner and the people who manage them. Published and archived: the whole audience. */
export function canSeeResource(actor: Actor | null, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.status === ResourceStatus.Draft) return canManageResource(actor, r);
  return inAudience(actor, r);
}

/**
 * May the actor share something with this audience? Publishers share with a school, trust or the
 * network they belong to: a SENCO with their school, their school's trust or the network; a trust's
 * SEND lead with that trust, its schools or the network; network admins anywhere.
 */
export function canShareWith(actor: Actor | null, a: ResourceAudience): boolean {
  if (!actor) return false;
  if (a.shareScope === ShareScope.Trust && !a.trustId) return false;
  if (a.shareScope === ShareScope.School && (!a.schoolId || !a.trustId)) return false;
  return actor.grants.some((g) => LIBRARY_PUBLISHERS.includes(g.role) && grantInAudience(g, a));
}

/** A trust's SEND lead marks a published network resource as adopted by that trust. */
export function canAdoptForTrust(actor: Actor | null, trustId: string, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.shareScope !== ShareScope.Network || r.status !== ResourceStatus.Published) return false;
  return actor.grants.some((g) => LIBRARY_ADOPTERS.includes(g.role) && g.trustId === trustId);
}

/** The trusts an actor may adopt for (those where they are SEND lead). */
export function adoptingTrustsOf(actor: Actor): string[] {
  return [
    ...new Set(
      actor.grants.filter((g) => LIBRARY_ADOPTERS.includes(g.role) && g.trustId).map((g) => g.trustId!),
    ),
  ];
}
