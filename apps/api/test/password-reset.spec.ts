import { PasswordResetService } from '../src/modules/auth/password-reset.service';
import { DEMO, DEMO_PASSWORD, LOGIN, TestApp, startTestApp } from './support/test-app';

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const ME = '{ me { user { email } } }';
const NEW_PASSWORD = 'a brand new lantern phrase';

describe('password reset by email', () => {
  let t: TestApp;
  const settled = () => t.app.get(PasswordResetService).settled();
  /** The token in the newest reset mail to `to` (from the development outbox). */
  const tokenFor = async (to: string): Promise<string> => {
    await settled();
    const [mail] = await t.sql<{ text: string }>(
      "SELECT text FROM outbox_messages WHERE to_address = $1 AND subject = 'Reset your Lantern password' ORDER BY created_at DESC LIMIT 1",
      [to],
    );
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`No reset mail for ${to}`);
    return token;
  };
  const mailsTo = async (to: string) => {
    await settled();
    return (await t.sql('SELECT 1 FROM outbox_messages WHERE to_address = $1', [to])).length;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives the same answer for an unknown email, sends it nothing and stores nothing', async () => {
    const known = await t.client().gql(REQUEST, { email: DEMO.staffHolyFamily });
    const unknown = await t.client().gql(REQUEST, { email: 'nobody.here@demo.lantern.test' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(await mailsTo('nobody.here@demo.lantern.test')).toBe(0);
    expect(await mailsTo(DEMO.staffHolyFamily)).toBe(1);
    // Timing: neither waits for the lookup or the mail (they run after the answer).
    const time = async (email: string) => {
      const start = performance.now();
      await t.client().gql(REQUEST, { email });
      return performance.now() - start;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 4; i++) {
      a.push(await time(DEMO.headHolyFamily));
      b.push(await time(`nobody${i}@demo.lantern.test`));
      await settled();
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    expect(Math.abs(median(a) - median(b))).toBeLessThan(50);
    await t.client().fails(REQUEST, { email: 'not an email' }, 'BAD_USER_INPUT');
  });

  it('stores only a hash of the token; the link sets a new password once, and ends every session', async () => {
    const phone = await t.signedIn(DEMO.sencoHolyFamily);
    const laptop = await t.signedIn(DEMO.sencoHolyFamily);
    await t.client().ok(REQUEST, { email: DEMO.sencoHolyFamily.toUpperCase() });
    const token = await tokenFor(DEMO.sencoHolyFamily);
    const rows = await t.sql<{ token_hash: string; expires_at: Date; created_at: Date }>(
      'SELECT r.token_hash, r.expires_at, r.created_at FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = $1 AND r.used_at IS NULL',
      [DEMO.sencoHolyFamily],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(+rows[0]!.expires_at - +rows[0]!.created_at).toBe(30 * 60_000);

    // A weak password is refused and leaves the link usable.
    await t.client().fails(RESET, { input: { token, newPassword: 'short' } }, 'WEAK_PASSWORD');
    const done = await t.client().gql(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(done.data).toEqual({ resetPassword: true });
    // It does not sign anyone in: they sign in with the new password (where a second factor will be asked).
    expect(done.headers.get('set-cookie')).toBeNull();

    for (const c of [phone, laptop]) await c.fails(ME, {}, 'UNAUTHENTICATED');
    await t
      .client()
      .fails(LOGIN, { email: DEMO.sencoHolyFamily, password: DEMO_PASSWORD }, 'INVALID_CREDENTIALS');
    await t.client().ok(LOGIN, { email: DEMO.sencoHolyFamily, password: NEW_PASSWORD });

    // Single use.
    const again = await t
      .client()
      .fails(RESET, { input: { token, newPassword: 'another fine pass phrase' } }, 'BAD_USER_INPUT');
    expect(again.error.message).toMatch(/expired or has already been used/);
    await t.client().ok(LOGIN, { email: DEMO.sencoHolyFamily, password: NEW_PASSWORD });
    const audit = await t.sql<{ action: string }>(
      "SELECT action FROM audit_entries WHERE action LIKE 'auth.password_reset%' AND target_id = (SELECT id::text FROM users WHERE email = $1) ORDER BY created_at",
      [DEMO.sencoHolyFamily],
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset']);
  });

  it('refuses an expired link, a link replaced by a newer one, and a made-up token', async () => {
    await t.client().ok(REQUEST, { email: DEMO.sencoHolyCross });
    const first = await tokenFor(DEMO.sencoHolyCross);
    await t.client().ok(REQUEST, { email: DEMO.sencoHolyCross });
    const second = await tokenFor(DEMO.sencoHolyCross);
    expect(second).not.toBe(first);
    await t.client().fails(RESET, { input: { token: first, newPassword: NEW_PASSWORD } }, 'BAD_USER_INPUT');

    // Half an hour later the newest link no longer works either.
    await t.sql(
      "UPDATE password_resets SET created_at = created_at - interval '31 minutes', expires_at = expires_at - interval '31 minutes' WHERE used_at IS NULL",
    );
    const expired = await t
      .client()
      .fails(RESET, { input: { token: second, newPassword: NEW_PASSWORD } }, 'BAD_USER_INPUT');
    expect(expired.error.message).toMatch(/expired/);
    await t
      .client()
      .fails(RESET, { input: { token: 'x'.repeat(43), newPassword: NEW_PASSWORD } }, 'BAD_USER_INPUT');
    await t.client().ok(LOGIN, { email: DEMO.sencoHolyCross, password: DEMO_PASSWORD });
  });

  it('sends nothing for a deactivated account', async () => {
    await t.sql('UPDATE users SET deactivated_at = now() WHERE email = $1', [DEMO.leaderChristus]);
    await t.client().ok(REQUEST, { email: DEMO.leaderChristus });
    expect(await mailsTo(DEMO.leaderChristus)).toBe(0);
  });
});

describe('password reset throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('is limited like sign-in, per address', async () => {
    for (let i = 0; i < 3; i++) await t.client().ok(REQUEST, { email: `someone${i}@demo.lantern.test` });
    const r = await t.client().fails(REQUEST, { email: DEMO.admin }, 'RATE_LIMITED');
    expect(r.error.message).toMatch(/Too many/);
    await t
      .client()
      .fails(RESET, { input: { token: 'x'.repeat(43), newPassword: NEW_PASSWORD } }, 'RATE_LIMITED');
    await t.app.get(PasswordResetService).settled();
  });
});
