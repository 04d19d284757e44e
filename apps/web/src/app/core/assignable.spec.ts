import { Role } from '@lantern/shared-domain';
import { ORGANISATION, viewer } from '../../testing/fake-client';
import { assignableRoles, assignableScopes, describeRole, scopeFieldLabel } from './assignable';
import { actorOf } from './session';

const trusts = ORGANISATION.trusts;
function actor(...specs: Parameters<typeof viewer>[1]) {
  const v = viewer([], specs);
  return actorOf(v.user, v.memberships);
}

describe('assignable roles and scopes', () => {
  it('a network admin may assign every role, network admin included', () => {
    const a = actor({ role: Role.NetworkAdmin });
    expect(assignableRoles(a, trusts).map((r) => r.role)).toEqual([
      Role.NetworkAdmin,
      Role.TrustLeader,
      Role.TrustSendLead,
      Role.Headteacher,
      Role.Senco,
      Role.Staff,
    ]);
    expect(assignableScopes(a, Role.Senco, trusts)).toHaveLength(4);
  });

  it('a trust leader assigns anything but network admin, only within their trust', () => {
    const a = actor({ role: Role.TrustLeader, trustId: 't-assisi' });
    expect(assignableRoles(a, trusts).map((r) => r.role)).not.toContain(Role.NetworkAdmin);
    expect(assignableScopes(a, Role.TrustSendLead, trusts).map((s) => s.id)).toEqual(['t-assisi']);
    const schools = assignableScopes(a, Role.Senco, trusts);
    expect(schools.map((s) => s.schoolId)).toEqual(['s-hf', 's-sj-a']);
    // Options name the school with its trust, never by its name alone.
    expect(schools.map((s) => s.label)).toContain("St Joseph's Primary (Assisi Catholic Trust)");
    expect(schools.every((s) => s.trustId === 't-assisi')).toBe(true);
  });

  it('a headteacher assigns only school roles, only at their school', () => {
    const a = actor({ role: Role.Headteacher, schoolId: 's-hc' });
    expect(assignableRoles(a, trusts).map((r) => r.role)).toEqual([Role.Headteacher, Role.Senco, Role.Staff]);
    expect(assignableScopes(a, Role.Staff, trusts).map((s) => s.id)).toEqual(['s-hc']);
    expect(assignableScopes(a, Role.TrustLeader, trusts)).toEqual([]);
  });

  it('a SENCO or member of staff assigns nothing', () => {
    expect(assignableRoles(actor({ role: Role.Senco, schoolId: 's-hf' }), trusts)).toEqual([]);
    expect(assignableRoles(actor({ role: Role.Staff, schoolId: 's-hf' }), trusts)).toEqual([]);
    expect(assignableRoles(null, trusts)).toEqual([]);
  });

  it('labels the scope picker by the role', () => {
    expect(scopeFieldLabel(Role.TrustSendLead)).toBe('Trust');
    expect(scopeFieldLabel(Role.Senco)).toBe('School');
    expect(scopeFieldLabel(Role.NetworkAdmin)).toBeNull();
    expect(scopeFieldLabel(null)).toBeNull();
  });

  it('describes a role with where it is held', () => {
    expect(
      describeRole({
        role: Role.Senco,
        trust: null,
        school: { displayName: "St Joseph's Primary (Assisi)" },
      }),
    ).toBe("SENCO at St Joseph's Primary (Assisi)");
    expect(describeRole({ role: Role.TrustLeader, trust: { name: 'Christus' }, school: null })).toBe(
      'Trust leader at Christus',
    );
    expect(describeRole({ role: Role.NetworkAdmin, trust: null, school: null })).toBe(
      'Network admin (whole network)',
    );
  });
});
