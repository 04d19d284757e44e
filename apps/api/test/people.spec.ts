import { DEMO, LOGIN, DEMO_PASSWORD, TestApp, startTestApp } from './support/test-app';
import { ids } from './support/fixtures';

const PEOPLE = `query($f: PeopleFilter, $first: Int, $after: String) {
  people(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id email memberships { id role } } } }`;
const GRANT = `mutation($i: GrantRoleInput!) { grantRole(input: $i) { id role school { name } trust { name } } }`;
const ME = '{ me { user { id } } }';

type People = {
  people: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; email: string; memberships: Array<{ id: string; role: string }> }>;
  };
};

describe('people, roles and deactivation', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
  });
  afterAll(() => t.close());

  it('shows a trust leader only people in their trust', async () => {
    const leader = await t.signedIn(DEMO.leaderChristus);
    const r = await leader.ok<People>(PEOPLE, {});
    const emails = r.people.nodes.map((n) => n.email);
    expect(emails).toContain(DEMO.sencoHolyCross);
    expect(emails).toContain(DEMO.sendLead);
    expect(emails).not.toContain(DEMO.sencoHolyFamily);
    expect(emails).not.toContain(DEMO.admin);
  });

  it('refuses the people list to SENCOs and anonymous requests', async () => {
    const senco = await t.signedIn(DEMO.sencoHolyFamily);
    await senco.fails(PEOPLE, {}, 'FORBIDDEN');
    await t.client().fails(PEOPLE, {}, 'UNAUTHENTICATED');
  });

  it('paginates with a cursor and searches by name or email', async () => {
    const admin = await t.signedIn(DEMO.admin);
    const first = await admin.ok<People>(PEOPLE, { first: 3 });
    expect(first.people.nodes).toHaveLength(3);
    expect(first.people.pageInfo.hasNextPage).toBe(true);
    const second = await admin.ok<People>(PEOPLE, { first: 3, after: first.people.pageInfo.endCursor });
    const seen = new Set([...first.people.nodes, ...second.people.nodes].map((n) => n.id));
    expect(seen.size).toBe(6);
    const found = await admin.ok<People>(PEOPLE, { f: { search: 'holy cross' } });
    expect(found.people.nodes.map((n) => n.email)).toEqual([DEMO.sencoHolyCross]);
    const none = await admin.ok<People>(PEOPLE, { f: { search: '%' } });
    expect(none.people.totalCount).toBe(0);
    await admin.fails(PEOPLE, { after: 'garbage' }, 'BAD_USER_INPUT');
    await admin.fails(PEOPLE, { first: 1000 }, 'BAD_USER_INPUT');
  });

  it('lets a headteacher give a role in their school, audits it, and refuses other schools', async () => {
    const head = await t.signedIn(DEMO.headHolyFamily);
    const staff = id.user(DEMO.staffHolyFamily);
    const r = await head.ok<{ grantRole: { role: string; school: { name: string } } }>(GRANT, {
      i: { userId: staff, role: 'SENCO', schoolId: id.school('ACT', 'Holy Family Primary') },
    });
    expect(r.grantRole).toMatchObject({ role: 'SENCO', school: { name: 'Holy Family Primary' } });
    await head.fails(
      GRANT,
      { i: { userId: staff, role: 'SENCO', schoolId: id.school('ACT', 'Holy Family Primary') } },
      'CONFLICT',
    );
    await head.fails(
      GRANT,
      { i: { userId: staff, role: 'SENCO', schoolId: id.school('CCT', 'Holy Cross Primary') } },
      'FORBIDDEN',
    );
    const [entry] = await t.sql<{ summary: string; school_id: string }>(
      "SELECT summary, school_id FROM audit_entries WHERE action = 'membership.granted'",
    );
    expect(entry!.summary).toMatch(/SENCO at Holy Family Primary \(Assisi Catholic Trust\)/);
    expect(entry!.school_id).toBe(id.school('ACT', 'Holy Family Primary'));
  });

  it('refuses another trust’s leader removing a role in your trust', async () => {
    const [m] = await t.sql<{ id: string }>('SELECT id FROM memberships WHERE user_id = $1', [
      id.user(DEMO.sencoHolyFamily),
    ]);
    const christus = await t.signedIn(DEMO.leaderChristus);
    await christus.fails('mutation($id: ID!) { revokeRole(membershipId: $id) }', { id: m!.id }, 'FORBIDDEN');
    const assisi = await t.signedIn(DEMO.leaderAssisi);
    await assisi.ok('mutation($id: ID!) { revokeRole(membershipId: $id) }', { id: m!.id });
    expect(await t.sql('SELECT 1 FROM memberships WHERE id = $1', [m!.id])).toHaveLength(0);
    await assisi.fails(
      'mutation($id: ID!) { revokeRole(membershipId: $id) }',
      { id: 'not-an-id' },
      'BAD_USER_INPUT',
    );
  });

  it('deactivating someone ends their sessions at once; they cannot sign in until reactivated', async () => {
    const victim = await t.signedIn(DEMO.sencoHolyCross);
    await victim.ok(ME);
    const otherTrust = await t.signedIn(DEMO.leaderAssisi);
    await otherTrust.fails(
      'mutation($u: ID!) { deactivateUser(userId: $u) { id } }',
      { u: id.user(DEMO.sencoHolyCross) },
      'FORBIDDEN',
    );
    await victim.ok(ME);

    const leader = await t.signedIn(DEMO.leaderChristus);
    const r = await leader.ok<{ deactivateUser: { deactivatedAt: string | null } }>(
      'mutation($u: ID!) { deactivateUser(userId: $u) { deactivatedAt } }',
      {
        u: id.user(DEMO.sencoHolyCross),
      },
    );
    expect(r.deactivateUser.deactivatedAt).not.toBeNull();
    await victim.fails(ME, undefined, 'UNAUTHENTICATED');
    await t
      .client()
      .fails(LOGIN, { email: DEMO.sencoHolyCross, password: DEMO_PASSWORD }, 'INVALID_CREDENTIALS');

    // A leader cannot deactivate the shared SEND lead, whose roles span both trusts.
    await leader.fails(
      'mutation($u: ID!) { deactivateUser(userId: $u) { id } }',
      { u: id.user(DEMO.sendLead) },
      'FORBIDDEN',
    );

    await leader.ok('mutation($u: ID!) { reactivateUser(userId: $u) { id } }', {
      u: id.user(DEMO.sencoHolyCross),
    });
    await t.client().ok(LOGIN, { email: DEMO.sencoHolyCross, password: DEMO_PASSWORD });
    const actions = await t.sql<{ action: string }>(
      "SELECT action FROM audit_entries WHERE action LIKE 'user.%' ORDER BY created_at",
    );
    expect(actions.map((a) => a.action)).toEqual(['user.deactivated', 'user.reactivated']);
  });
});

describe('the audit trail', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  const AUDIT = `query($f: AuditFilter, $after: String) { auditTrail(filter: $f, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { action summary actorLabel ip } } }`;
  type Audit = {
    auditTrail: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ action: string; summary: string; actorLabel: string }>;
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    const assisi = await t.signedIn(DEMO.leaderAssisi);
    await assisi.ok('mutation($i: InviteInput!) { invite(input: $i) { id } }', {
      i: { email: 'a1@example.org', role: 'STAFF', schoolId: id.school('ACT', 'Holy Family Primary') },
    });
    await assisi.ok('mutation($i: InviteInput!) { invite(input: $i) { id } }', {
      i: { email: 'a2@example.org', role: 'STAFF', schoolId: id.school('ACT', 'Sacred Heart Primary') },
    });
    const christus = await t.signedIn(DEMO.leaderChristus);
    await christus.ok('mutation($i: InviteInput!) { invite(input: $i) { id } }', {
      i: { email: 'c1@example.org', role: 'STAFF', schoolId: id.school('CCT', 'Holy Cross Primary') },
    });
  });
  afterAll(() => t.close());

  it('shows a trust leader their trust’s entries only, newest first, paginated', async () => {
    const assisi = await t.signedIn(DEMO.leaderAssisi);
    const page1 = await assisi.ok<Audit>(AUDIT, { f: { action: 'invitation.sent' } });
    expect(page1.auditTrail.totalCount).toBe(2);
    expect(page1.auditTrail.nodes.map((n) => n.summary)).toEqual([
      expect.stringContaining('a2@example.org'),
      expect.stringContaining('a1@example.org'),
    ]);
    expect(page1.auditTrail.nodes[0]!.actorLabel).toBe('CSEL, Assisi Catholic Trust');
    const all = await assisi.ok<Audit>(AUDIT, {});
    expect(JSON.stringify(all)).not.toContain('c1@example.org');
  });

  it('shows a headteacher their school’s entries, the network admin everything, and refuses SENCOs', async () => {
    const head = await t.signedIn(DEMO.headHolyFamily);
    const r = await head.ok<Audit>(AUDIT, { f: { action: 'invitation.sent' } });
    expect(r.auditTrail.nodes.map((n) => n.summary)).toEqual([expect.stringContaining('a1@example.org')]);
    const admin = await t.signedIn(DEMO.admin);
    const everything = await admin.ok<Audit>(AUDIT, { f: { action: 'invitation.sent' } });
    expect(everything.auditTrail.totalCount).toBe(3);
    const senco = await t.signedIn(DEMO.sencoHolyFamily);
    await senco.fails(AUDIT, {}, 'FORBIDDEN');
    await head.fails(AUDIT, { f: { action: 'not.an.action' } }, 'BAD_USER_INPUT');
  });
});
