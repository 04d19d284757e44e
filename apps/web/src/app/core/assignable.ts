import {
  type Actor,
  ALL_ROLES,
  canAssignRole,
  NETWORK,
  ROLE_LABEL,
  ROLE_SCOPE,
  type Role,
  type Scope,
  ScopeKind,
} from '@lantern/shared-domain';

export interface OrgSchool {
  id: string;
  name: string;
  displayName: string;
}
export interface OrgTrust {
  id: string;
  name: string;
  schools: readonly OrgSchool[];
}

export interface ScopeOption {
  /** trust id or school id ('' for the network). */
  id: string;
  label: string;
  trustId: string | null;
  schoolId: string | null;
  /** The trust a school option belongs to (for grouping). */
  group: string | null;
}

/** Every scope of the right kind for `role` that the actor may assign it in. */
export function assignableScopes(
  actor: Actor | null,
  role: Role,
  trusts: readonly OrgTrust[],
): ScopeOption[] {
  switch (ROLE_SCOPE[role]) {
    case ScopeKind.Network:
      return canAssignRole(actor, role, NETWORK)
        ? [{ id: '', label: 'The whole network', trustId: null, schoolId: null, group: null }]
        : [];
    case ScopeKind.Trust:
      return trusts
        .filter((t) => canAssignRole(actor, role, { kind: ScopeKind.Trust, trustId: t.id }))
        .map((t) => ({ id: t.id, label: t.name, trustId: t.id, schoolId: null, group: null }));
    case ScopeKind.School:
      return trusts.flatMap((t) =>
        t.schools
          .filter((s) =>
            canAssignRole(actor, role, { kind: ScopeKind.School, trustId: t.id, schoolId: s.id }),
          )
          .map((s) => ({ id: s.id, label: s.displayName, trustId: t.id, schoolId: s.id, group: t.name })),
      );
  }
}

export interface RoleOption {
  role: Role;
  label: string;
  scopeKind: ScopeKind;
}

/** Roles the actor may assign somewhere in the organisation (what role pickers offer). */
export function assignableRoles(actor: Actor | null, trusts: readonly OrgTrust[]): RoleOption[] {
  return ALL_ROLES.filter((role) => assignableScopes(actor, role, trusts).length > 0).map((role) => ({
    role,
    label: ROLE_LABEL[role],
    scopeKind: ROLE_SCOPE[role],
  }));
}

export function scopeOf(option: ScopeOption, role: Role): Scope {
  switch (ROLE_SCOPE[role]) {
    case ScopeKind.Network:
      return NETWORK;
    case ScopeKind.Trust:
      return { kind: ScopeKind.Trust, trustId: option.trustId ?? '' };
    case ScopeKind.School:
      return { kind: ScopeKind.School, trustId: option.trustId ?? '', schoolId: option.schoolId ?? '' };
  }
}

/** The label of the scope picker for a role: "Trust" or "School" (no picker for network roles). */
export function scopeFieldLabel(role: Role | null): 'Trust' | 'School' | null {
  if (!role) return null;
  const kind = ROLE_SCOPE[role];
  return kind === ScopeKind.Trust ? 'Trust' : kind === ScopeKind.School ? 'School' : null;
}

/** "SENCO at St Joseph's Primary (Assisi Catholic Trust)", "Trust leader at Assisi Catholic Trust". */
export function describeRole(m: {
  role: Role;
  trust: { name: string } | null;
  school: { displayName: string } | null;
}): string {
  const where = m.school?.displayName ?? m.trust?.name;
  return where ? `${ROLE_LABEL[m.role]} at ${where}` : `${ROLE_LABEL[m.role]} (whole network)`;
}
