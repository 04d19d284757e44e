import { DEMO, LOGIN, TestApp, startTestApp } from './support/test-app';
import { ids, invitationLink } from './support/fixtures';

const INVITE = `mutation($i: InviteInput!) { invite(input: $i) { id email role status school { name } trust { name } invitedBy { displayName } } }`;
const PREVIEW = `query($t: String!) { invitationPreview(token: $t) { email role schoolName trustName } }`;
const ACCEPT = `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { user { email displayName } memberships { role school { name } } } }`;
const LIST = `query($s: InvitationStatus) { invitations(status: $s) { totalCount nodes { email status } } }`;

describe('invitations', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
  });
  afterAll(() => t.close());

  it('lets a network admin invite; the invitee accepts once, sets name and password, and is signed in', async () => {
    const admin = await t.signedIn(DEMO.admin);
    const school = id.school('CCT', "St Joseph's Primary");
    const r = await admin.ok<{
      invite: { status: string; school: { name: string }; trust: { name: string } };
    }>(INVITE, {
      i: { email: 'New.Senco@Example.org', role: 'SENCO', schoolId: school },
    });
    expect(r.invite).toMatchObject({
      status: 'PENDING',
      school: { name: "St Joseph's Primary" },
      trust: { name: 'Christus Catholic Trust' },
    });

    const token = await invitationLink(t, 'new.senco@example.org');
    const visitor = t.client();
    const preview = await visitor.ok<{ invitationPreview: Record<string, string> }>(PREVIEW, { t: token });
    expect(preview.invitationPreview).toEqual({
      email: 'new.senco@example.org',
      role: 'SENCO',
      schoolName: "St Joseph's Primary",
      trustName: 'Christus Catholic Trust',
    });

    const weak = await visitor.fails(
      ACCEPT,
      { i: { token, displayName: 'SENCO, St Joseph’s', password: 'too short' } },
      'WEAK_PASSWORD',
    );
    expect(weak.error.extensions?.fields?.['password']).toMatch(/12 characters/);

    const accepted = await visitor.ok<{
      acceptInvitation: {
        user: { email: string };
        memberships: Array<{ role: string; school: { name: string } }>;
      };
    }>(ACCEPT, {
      i: { token, displayName: 'SENCO, St Joseph’s (Christus)', password: 'a long passphrase here' },
    });
    expect(accepted.acceptInvitation.memberships).toEqual([
      { role: 'SENCO', school: { name: "St Joseph's Primary" } },
    ]);
    await visitor.ok('{ me { user { id } } }');
    await t.client().ok(LOGIN, { email: 'new.senco@example.org', password: 'a long passphrase here' });

    // The link works once.
    const again = await t
      .client()
      .fails(
        ACCEPT,
        { i: { token, displayName: 'Someone', password: 'another long passphrase' } },
        'INVITATION_INVALID',
      );
    expect(again.error.message).toMatch(/expired or has already been used/);
    await t.client().fails(PREVIEW, { t: token }, 'INVITATION_INVALID');

    const audit = await t.sql<{ action: string }>(
      "SELECT action FROM audit_entries WHERE action LIKE 'invitation.%' ORDER BY created_at",
    );
    expect(audit.map((a) => a.action)).toEqual(['invitation.sent', 'invitation.accepted']);
  });

  it('refuses an expired invitation', async () => {
    const admin = await t.signedIn(DEMO.admin);
    await admin.ok(INVITE, {
      i: { email: 'late@example.org', role: 'STAFF', schoolId: id.school('ACT', 'Holy Family Primary') },
    });
    const token = await invitationLink(t, 'late@example.org');
    await t.sql(
      "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.org'",
    );
    await t
      .client()
      .fails(
        ACCEPT,
        { i: { token, displayName: 'Late', password: 'a long passphrase here' } },
        'INVITATION_INVALID',
      );
    const list = await admin.ok<{ invitations: { nodes: Array<{ email: string; status: string }> } }>(LIST, {
      s: 'EXPIRED',
    });
    expect(list.invitations.nodes.map((n) => n.email)).toContain('late@example.org');
  });

  it('refuses an email that already has an account, and a malformed one', async () => {
    const admin = await t.signedIn(DEMO.admin);
    const taken = await admin.fails(
      INVITE,
      { i: { email: DEMO.sencoHolyCross, role: 'STAFF', schoolId: id.school('CCT', 'Holy Cross Primary') } },
      'CONFLICT',
    );
    expect(taken.error.message).toMatch(/already has a Lantern account/);
    await admin.fails(
      INVITE,
      { i: { email: 'not an email', role: 'STAFF', schoolId: id.school('CCT', 'Holy Cross Primary') } },
      'BAD_USER_INPUT',
    );
  });

  it('refuses a role in a scope of the wrong shape', async () => {
    const admin = await t.signedIn(DEMO.admin);
    await admin.fails(
      INVITE,
      { i: { email: 'x@example.org', role: 'SENCO', trustId: id.trust('ACT') } },
      'BAD_USER_INPUT',
    );
    await admin.fails(
      INVITE,
      {
        i: {
          email: 'x@example.org',
          role: 'TRUST_LEADER',
          schoolId: id.school('ACT', 'Holy Family Primary'),
        },
      },
      'BAD_USER_INPUT',
    );
  });

  it('lets a trust leader invite within their trust and refuses the other trust', async () => {
    const leader = await t.signedIn(DEMO.leaderAssisi);
    await leader.ok(INVITE, {
      i: { email: 'ta@example.org', role: 'STAFF', schoolId: id.school('ACT', "St Joseph's Primary") },
    });
    const other = await leader.fails(
      INVITE,
      { i: { email: 'ta2@example.org', role: 'STAFF', schoolId: id.school('CCT', "St Joseph's Primary") } },
      'FORBIDDEN',
    );
    expect(other.error.message).toMatch(/permission/);
    await leader.fails(
      INVITE,
      { i: { email: 'lead@example.org', role: 'TRUST_SEND_LEAD', trustId: id.trust('CCT') } },
      'FORBIDDEN',
    );
    await leader.fails(INVITE, { i: { email: 'boss@example.org', role: 'NETWORK_ADMIN' } }, 'FORBIDDEN');
    // Nothing was stored or mailed for the refused invitations.
    expect(
      await t.sql(
        "SELECT 1 FROM invitations WHERE email IN ('ta2@example.org', 'lead@example.org', 'boss@example.org')",
      ),
    ).toHaveLength(0);
    expect(await t.sql("SELECT 1 FROM outbox_messages WHERE to_address = 'ta2@example.org'")).toHaveLength(0);
  });

  it('lets a headteacher invite only into their own school; SENCOs cannot invite at all', async () => {
    const head = await t.signedIn(DEMO.headHolyFamily);
    await head.ok(INVITE, {
      i: { email: 'teacher@example.org', role: 'STAFF', schoolId: id.school('ACT', 'Holy Family Primary') },
    });
    await head.fails(
      INVITE,
      {
        i: { email: 'teacher2@example.org', role: 'STAFF', schoolId: id.school('ACT', "St Helen's Primary") },
      },
      'FORBIDDEN',
    );
    const senco = await t.signedIn(DEMO.sencoHolyFamily);
    await senco.fails(
      INVITE,
      {
        i: {
          email: 'teacher3@example.org',
          role: 'STAFF',
          schoolId: id.school('ACT', 'Holy Family Primary'),
        },
      },
      'FORBIDDEN',
    );
    await senco.fails(LIST, {}, 'FORBIDDEN');
  });

  it('shows each leader only the invitations in their reach, and lets them revoke those', async () => {
    const christus = await t.signedIn(DEMO.leaderChristus);
    const mine = await christus.ok<{ invitations: { nodes: Array<{ email: string }> } }>(LIST, {});
    expect(mine.invitations.nodes.map((n) => n.email)).not.toContain('ta@example.org');
    const assisi = await t.signedIn(DEMO.leaderAssisi);
    const theirs = await assisi.ok<{ invitations: { nodes: Array<{ email: string; status: string }> } }>(
      LIST,
      { s: 'PENDING' },
    );
    expect(theirs.invitations.nodes.map((n) => n.email)).toContain('ta@example.org');

    const [inv] = await t.sql<{ id: string }>("SELECT id FROM invitations WHERE email = 'ta@example.org'");
    await christus.fails(
      'mutation($id: ID!) { revokeInvitation(id: $id) { status } }',
      { id: inv!.id },
      'FORBIDDEN',
    );
    const revoked = await assisi.ok<{ revokeInvitation: { status: string } }>(
      'mutation($id: ID!) { revokeInvitation(id: $id) { status } }',
      { id: inv!.id },
    );
    expect(revoked.revokeInvitation.status).toBe('REVOKED');
    const token = await invitationLink(t, 'ta@example.org');
    await t
      .client()
      .fails(
        ACCEPT,
        { i: { token, displayName: 'TA', password: 'a long passphrase here' } },
        'INVITATION_INVALID',
      );
  });

  it('refuses invitation work to an anonymous request', async () => {
    await t
      .client()
      .fails(
        INVITE,
        { i: { email: 'a@example.org', role: 'STAFF', schoolId: id.school('ACT', 'Holy Family Primary') } },
        'UNAUTHENTICATED',
      );
    await t.client().fails(LIST, {}, 'UNAUTHENTICATED');
    await t.client().fails(PREVIEW, { t: 'made-up-token' }, 'INVITATION_INVALID');
  });
});
