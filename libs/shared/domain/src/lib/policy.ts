import { ROLE_SCOPE, Role, ScopeKind } from './roles';

/**
 * Lantern's one authorisation policy. Pure: the API enforces it, the client uses it to hide what a
 * person cannot do. Every decision is derived from the actor's role grants and the scope of the record.
 */
export enum Permission {
  /** See trusts, schools, local authorities and their published SEND figures. */
  DirectoryRead = 'directory.read',
  /** See people and their roles within a scope. */
  PeopleRead = 'people.read',
  /** Invite someone into a role (also needs canAssignRole for the role and scope). */
  PeopleInvite = 'people.invite',
  /** Grant or remove a role (also needs canAssignRole). */
  MembershipManage = 'membership.manage',
  /** Deactivate or reactivate a person (also needs canManageUser). */
  UserDeactivate = 'user.deactivate',
  /** Read the audit trail for a scope. */
  AuditRead = 'audit.read',
  /** Use the forum (which categories: canSeeCategory). */
  ForumUse = 'forum.use',
  /** Create, describe and order forum categories. */
  ForumAdmin = 'forum.admin',
  /** Read the library (which resources: canSeeResource in library.ts). */
  LibraryUse = 'library.use',
  /** Share, version and look after library resources within one's scope (canShareWith, canManageResource). */
  LibraryPublish = 'library.publish',
  /** Mark a network resource as adopted by one's trust (canAdoptForTrust). */
  LibraryAdopt = 'library.adopt',
  /** Work on a school's case data, such as EHCP drafts (which school's: canAccessCaseData). */
  CaseDataUse = 'case.data',
  /** Reset someone's second factor when they have lost their device (canResetSecondFactor). */
  SecondFactorReset = 'second-factor.reset',
}

/** A role held in a scope: network roles have no ids, trust roles a trustId, school roles both. */
export interface Grant {
  role: Role;
  trustId: string | null;
  schoolId: string | null;
}

export interface Actor {
  userId: string;
  grants: readonly Grant[];
}

export type Scope =
  | { kind: ScopeKind.Network }
  | { kind: ScopeKind.Trust; trustId: string }
  | { kind: ScopeKind.School; trustId: string; schoolId: string };

export const NETWORK: Scope = { kind: ScopeKind.Network };

const ALL = Object.values(Role);
const LEADERS = [Role.NetworkAdmin, Role.TrustLeader, Role.TrustSendLead, Role.Headteacher];

/** Which roles carry each permission. Reach is always limited to the scope the role is held in. */
export const PERMISSION_ROLES: Readonly<Record<Permission, readonly Role[]>> = {
  [Permission.DirectoryRead]: ALL,
  [Permission.PeopleRead]: LEADERS,
  [Permission.PeopleInvite]: LEADERS,
  [Permission.MembershipManage]: LEADERS,
  [Permission.UserDeactivate]: [Role.NetworkAdmin, Role.TrustLeader],
  [Permission.AuditRead]: LEADERS,
  [Permission.ForumUse]: ALL,
  [Permission.ForumAdmin]: [Role.NetworkAdmin],
  [Permission.LibraryUse]: ALL,
  [Permission.LibraryPublish]: [Role.NetworkAdmin, Role.TrustSendLead, Role.Headteacher, Role.Senco],
  [Permission.LibraryAdopt]: [Role.TrustSendLead],
  [Permission.CaseDataUse]: [Role.Senco, Role.Headteacher, Role.TrustSendLead],
  [Permission.SecondFactorReset]: [Role.NetworkAdmin],
};

/** The roles of `permission` held in `kind` of scope (e.g. the school roles that start EHCP drafts). */
export function rolesOf(permission: Permission, kind?: ScopeKind): readonly Role[] {
  const roles = PERMISSION_ROLES[permission];
  return kind ? roles.filter((r) => ROLE_SCOPE[r] === kind) : roles;
}

/** Whether a grant reaches a scope: network reaches everything, a trust its schools, a school itself. */
export function grantCovers(grant: Grant, scope: Scope): boolean {
  switch (ROLE_SCOPE[grant.role]) {
    case ScopeKind.Network:
      return true;
    case ScopeKind.Trust:
      return scope.kind !== ScopeKind.Network && scope.trustId === grant.trustId;
    case ScopeKind.School:
      return scope.kind === ScopeKind.School && scope.schoolId === grant.schoolId;
  }
}

/** May the actor use `permission` on a record in `scope`? */
export function can(actor: Actor | null, permission: Permission, scope: Scope = NETWORK): boolean {
  if (!actor) return false;
  const roles = PERMISSION_ROLES[permission];
  return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, scope));
}

/** May the actor use `permission` somewhere (to decide whether to show a feature at all)? */
export function canAnywhere(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const roles = PERMISSION_ROLES[permission];
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Every permission the actor holds somewhere: what the client shows. */
export function permissionsOf(actor: Actor | null): Permission[] {
  return Object.values(Permission).filter((p) => canAnywhere(actor, p));
}

/** Does `scope` have the shape `role` needs (a trust role needs a trust, and so on)? */
export function scopeFitsRole(role: Role, scope: Scope): boolean {
  return ROLE_SCOPE[role] === scope.kind;
}

/**
 * May the actor give someone `role` in `scope` (by invitation or directly), or take it away?
 * Only network admins make network admins; trust leaders and SEND leads assign within their trust;
 * headteachers assign school roles within their school.
 */
export function canAssignRole(actor: Actor | null, role: Role, scope: Scope): boolean {
  if (!actor || !scopeFitsRole(role, scope)) return false;
  return actor.grants.some((g) => {
    if (g.role === Role.NetworkAdmin) return true;
    if (role === Role.NetworkAdmin) return false;
    if (g.role === Role.TrustLeader || g.role === Role.TrustSendLead) return grantCovers(g, scope);
    if (g.role === Role.Headteacher) return ROLE_SCOPE[role] === ScopeKind.School && grantCovers(g, scope);
    return false;
  });
}

export function scopeOfGrant(grant: Grant): Scope {
  switch (ROLE_SCOPE[grant.role]) {
    case ScopeKind.Network:
      return NETWORK;
    case ScopeKind.Trust:
      return { kind: ScopeKind.Trust, trustId: grant.trustId ?? '' };
    case ScopeKind.School:
      return { kind: ScopeKind.School, trustId: grant.trustId ?? '', schoolId: grant.schoolId ?? '' };
  }
}

/**
 * May the actor deactivate or reactivate `target`? Never oneself; network admins anyone; a trust
 * leader only someone whose every role lies within what the leader may assign.
 */
export function canManageUser(actor: Actor | null, target: Actor): boolean {
  if (!actor || actor.userId === target.userId) return false;
  if (!canAnywhere(actor, Permission.UserDeactivate)) return false;
  if (actor.grants.some((g) => g.role === Role.NetworkAdmin)) return true;
  if (target.grants.length === 0) return false;
  return target.grants.every(
    (g) =>
      canAssignRole(actor, g.role, scopeOfGrant(g)) && can(actor, Permission.UserDeactivate, scopeOfGrant(g)),
  );
}

/** Where an actor holds a permission, as lists a query can filter on. */
export interface Reach {
  network: boolean;
  trustIds: string[];
  schoolIds: string[];
}

export function reachOf(actor: Actor, permission: Permission): Reach {
  const roles = PERMISSION_ROLES[permission];
  const reach: Reach = { network: false, trustIds: [], schoolIds: [] };
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    const kind = ROLE_SCOPE[g.role];
    if (kind === ScopeKind.Network) reach.network = true;
    else if (kind === ScopeKind.Trust && g.trustId) reach.trustIds.push(g.trustId);
    else if (kind === ScopeKind.School && g.schoolId) reach.schoolIds.push(g.schoolId);
  }
  return reach;
}

/** The trusts an actor's roles lie in (school roles count for their school's trust). */
export function trustsOf(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => g.trustId).filter((t): t is string => !!t))];
}

export function isNetworkLevel(actor: Actor): boolean {
  return actor.grants.some((g) => ROLE_SCOPE[g.role] === ScopeKind.Network);
}

/**
 * May the viewer see more of a person than their name (email address, roles)? Themselves; people
 * with a role where the viewer may read people (as the `people` list shows them); and people who
 * share a trust with the viewer. Anyone else (another trust, or a network role seen from a trust or
 * school) is known only by name wherever they appear (forum and library authors, owners).
 */
export function canSeePersonDetails(viewer: Actor | null, target: Actor): boolean {
  if (!viewer) return false;
  if (viewer.userId === target.userId) return true;
  if (target.grants.some((g) => can(viewer, Permission.PeopleRead, scopeOfGrant(g)))) return true;
  return sharesTrust(viewer, target);
}

/** Whether two people hold roles in at least one common trust. */
function sharesTrust(a: Actor, b: Actor): boolean {
  const mine = new Set(trustsOf(a));
  return trustsOf(b).some((t) => mine.has(t));
}

/** Presence is visible between people who share a trust, and between network-level roles and everyone. */
export function canSeePresence(viewer: Actor, target: Actor): boolean {
  if (viewer.userId === target.userId) return true;
  if (isNetworkLevel(viewer) || isNetworkLevel(target)) return true;
  return sharesTrust(viewer, target);
}

/** Where a forum category is open: the whole network or one trust, optionally only to some roles. */
export interface CategoryScope {
  trustId: string | null;
  roles: readonly Role[] | null;
}

/** Moderators: network admins everywhere; a trust's SEND leads in that trust's categories. */
export function canModerateCategory(actor: Actor | null, c: CategoryScope): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (g) =>
      g.role === Role.NetworkAdmin ||
      (g.role === Role.TrustSendLead && c.trustId !== null && g.trustId === c.trustId),
  );
}

/** Who may see (and so post in) a category. */
export function canSeeCategory(actor: Actor | null, c: CategoryScope): boolean {
  if (!actor || actor.grants.length === 0) return false;
  if (canModerateCategory(actor, c)) return true;
  if (c.trustId && !trustsOf(actor).includes(c.trustId)) return false;
  if (
    c.roles?.length &&
    !actor.grants.some((g) => c.roles!.includes(g.role) && (!c.trustId || g.trustId === c.trustId))
  )
    return false;
  return true;
}

/** Where a piece of case data belongs: a school and that school's trust. */
export interface CaseDataScope {
  schoolId: string;
  trustId: string;
}

/**
 * The one case-data rule (PRODUCT.md: EHCP drafts, the caseload): a school's case data is open to its
 * SENCOs and headteacher and to the SEND lead of the school's trust, and to nobody else: not other
 * schools or trusts, trust leaders, trustees, staff or network admins. The roles are those of
 * `Permission.CaseDataUse`, each reaching only the scope it is held in.
 */
export function canAccessCaseData(actor: Actor | null, s: CaseDataScope): boolean {
  return can(actor, Permission.CaseDataUse, {
    kind: ScopeKind.School,
    trustId: s.trustId,
    schoolId: s.schoolId,
  });
}

/** What a list query filters on to match canAccessCaseData in SQL: these schools, and every school of these trusts. */
export interface CaseDataReach {
  schoolIds: string[];
  trustIds: string[];
}

export function caseDataReach(actor: Actor | null): CaseDataReach {
  if (!actor) return { schoolIds: [], trustIds: [] };
  const reach = reachOf(actor, Permission.CaseDataUse);
  return { schoolIds: [...new Set(reach.schoolIds)], trustIds: [...new Set(reach.trustIds)] };
}
