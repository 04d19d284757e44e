import { DEMO, DEMO_PASSWORD, LOGIN, TestApp, startTestApp } from './support/test-app';

const ME =
  '{ me { user { email displayName } permissions memberships { role school { name } trust { name } } } }';

describe('signing in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the demo password and sets an httpOnly SameSite session cookie', async () => {
    const c = t.client();
    const r = await c.gql(LOGIN, { email: DEMO.sencoHolyFamily, password: DEMO_PASSWORD });
    expect(r.errors).toBeUndefined();
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lantern_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.ok<{
      me: {
        user: { email: string };
        permissions: string[];
        memberships: Array<{ role: string; school: { name: string } }>;
      };
    }>(ME);
    expect(me.me.user.email).toBe(DEMO.sencoHolyFamily);
    expect(me.me.permissions).toEqual([
      'directory.read',
      'forum.use',
      'library.use',
      'library.publish',
      'case.data',
    ]);
    expect(me.me.memberships).toEqual([
      expect.objectContaining({ role: 'SENCO', school: { name: 'Holy Family Primary' } }),
    ]);
  });

  it('accepts the email in any case and with spaces', async () => {
    const c = t.client();
    await c.ok(LOGIN, { email: '  SENCO.Holy-Family@demo.lantern.test ', password: DEMO_PASSWORD });
  });

  it('gives the same answer for a wrong password and an unknown email, and sets no cookie', async () => {
    const wrongPassword = await t
      .client()
      .fails(LOGIN, { email: DEMO.sencoHolyCross, password: 'not the password!' }, 'INVALID_CREDENTIALS');
    const unknownEmail = await t
      .client()
      .fails(
        LOGIN,
        { email: 'nobody@demo.lantern.test', password: 'not the password!' },
        'INVALID_CREDENTIALS',
      );
    expect(wrongPassword.error.message).toBe(unknownEmail.error.message);
    expect(wrongPassword.response.headers.get('set-cookie')).toBeNull();
  });

  it('never locks an account: wrong passwords for an email do not stop its owner (see throttle.spec.ts)', async () => {
    for (let i = 0; i < 6; i++)
      await t
        .client()
        .fails(LOGIN, { email: DEMO.staffHolyFamily, password: 'wrong password 1' }, 'INVALID_CREDENTIALS');
    await t.client().ok(LOGIN, { email: DEMO.staffHolyFamily, password: DEMO_PASSWORD });
  });

  it('refuses malformed sign-in input with a clear message', async () => {
    const r = await t.client().fails(LOGIN, { email: 'not-an-email', password: 'x' }, 'BAD_USER_INPUT');
    expect(r.error.extensions?.fields?.['email']).toMatch(/email address/);
  });

  it('signs out: the same cookie no longer works', async () => {
    const c = await t.signedIn(DEMO.sencoHolyCross);
    const stolen = c.cookie;
    await c.ok('mutation { logout }');
    const replay = t.client();
    replay.cookie = stolen;
    await replay.fails(ME, undefined, 'UNAUTHENTICATED');
  });

  it('"sign out everywhere" ends every session of that person', async () => {
    const laptop = await t.signedIn(DEMO.headHolyFamily);
    const phone = await t.signedIn(DEMO.headHolyFamily);
    await laptop.ok('mutation { signOutEverywhere }');
    await phone.fails(ME, undefined, 'UNAUTHENTICATED');
    await laptop.fails(ME, undefined, 'UNAUTHENTICATED');
  });

  it('changes a password only with the current one and a strong new one; other sessions end', async () => {
    const c = await t.signedIn(DEMO.sencoHolyCross);
    const other = await t.signedIn(DEMO.sencoHolyCross);
    const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }';
    await c.fails(
      CHANGE,
      { i: { currentPassword: 'wrong wrong wrong', newPassword: 'a much better passphrase' } },
      'BAD_USER_INPUT',
    );
    const weak = await c.fails(
      CHANGE,
      { i: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } },
      'WEAK_PASSWORD',
    );
    expect(weak.error.message).toMatch(/at least 12 characters/);
    await c.ok(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'a much better passphrase' } });
    await c.ok(ME);
    await other.fails(ME, undefined, 'UNAUTHENTICATED');
    await t
      .client()
      .fails(LOGIN, { email: DEMO.sencoHolyCross, password: DEMO_PASSWORD }, 'INVALID_CREDENTIALS');
    await t.client().ok(LOGIN, { email: DEMO.sencoHolyCross, password: 'a much better passphrase' });
  });

  it('updates the display name and refuses an empty one', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const UPDATE =
      'mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { displayName } } }';
    await c.fails(UPDATE, { n: '   ' }, 'BAD_USER_INPUT');
    const r = await c.ok<{ updateProfile: { user: { displayName: string } } }>(UPDATE, {
      n: '  SENCO,   Holy Family ',
    });
    expect(r.updateProfile.user.displayName).toBe('SENCO, Holy Family');
  });

  it('writes sign-ins and failures to the audit trail', async () => {
    const rows = await t.sql<{ action: string }>(
      "SELECT action FROM audit_entries WHERE action LIKE 'auth.%'",
    );
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(
      new Set([
        'auth.login',
        'auth.login_failed',
        'auth.logout',
        'auth.sign_out_everywhere',
        'auth.password_changed',
      ]),
    );
  });

  it('never stores the session token itself', async () => {
    const c = await t.signedIn(DEMO.admin);
    const token = c.cookie!.split('=')[1]!;
    const found = await t.sql('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(found).toHaveLength(0);
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('refuses sign-in attempts past the per-minute limit from one address', async () => {
    for (let i = 0; i < 3; i++)
      await t
        .client()
        .fails(
          LOGIN,
          { email: `x${i}@demo.lantern.test`, password: 'wrong password' },
          'INVALID_CREDENTIALS',
        );
    const r = await t.client().fails(LOGIN, { email: DEMO.admin, password: DEMO_PASSWORD }, 'RATE_LIMITED');
    expect(r.error.message).toMatch(/Too many requests/);
  });
});
