/** Roles a person can hold. Each role is held in exactly one kind of scope. */
export enum Role {
  NetworkAdmin = 'NETWORK_ADMIN',
  TrustLeader = 'TRUST_LEADER',
  TrustSendLead = 'TRUST_SEND_LEAD',
  Headteacher = 'HEADTEACHER',
  Senco = 'SENCO',
  Staff = 'STAFF',
}

export enum ScopeKind {
  Network = 'NETWORK',
  Trust = 'TRUST',
  School = 'SCHOOL',
}

export const ROLE_SCOPE: Readonly<Record<Role, ScopeKind>> = {
  [Role.NetworkAdmin]: ScopeKind.Network,
  [Role.TrustLeader]: ScopeKind.Trust,
  [Role.TrustSendLead]: ScopeKind.Trust,
  [Role.Headteacher]: ScopeKind.School,
  [Role.Senco]: ScopeKind.School,
  [Role.Staff]: ScopeKind.School,
};

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  [Role.NetworkAdmin]: 'Network admin',
  [Role.TrustLeader]: 'Trust leader',
  [Role.TrustSendLead]: 'Trust SEND lead',
  [Role.Headteacher]: 'Headteacher',
  [Role.Senco]: 'SENCO',
  [Role.Staff]: 'Staff',
};

export const ALL_ROLES: readonly Role[] = Object.values(Role);
