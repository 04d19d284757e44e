import { ApiProcess, ScratchDatabase, cloneTemplateDatabase } from './support/api-process';
import { freePort } from './support/spawn-api';
import { DEMO, DEMO_PASSWORD, LOGIN, TestApp, startTestApp } from './support/test-app';

// The one throttler (@nestjs/throttler): sign-in is throttled per account AND source address (never
// an account lock), and with REDIS_URL every process counts together.

jest.setTimeout(300_000);

/** A sign-in from a given source address (the app trusts X-Forwarded-For with TRUST_PROXY=true). */
async function signInFrom(url: string, from: string, email: string, password: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = (await res.json()) as {
    data?: { login?: { user: { displayName: string } } } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return {
    code: body.errors?.[0]?.extensions?.code ?? null,
    message: body.errors?.[0]?.message ?? null,
    signedIn: !!body.data?.login,
    retryAfter: res.headers.get('retry-after'),
  };
}

describe('sign-in throttling per account and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_LOGIN_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it("an attacker's wrong passwords slow only the attacker's address; the owner signs in from elsewhere", async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 5; i++)
      expect((await signInFrom(t.url, attacker, DEMO.sencoHolyCross, `guess number ${i}`)).code).toBe(
        'INVALID_CREDENTIALS',
      );
    // The attacker's address is now refused, even with the right password, and told how long to wait.
    const refused = await signInFrom(t.url, attacker, DEMO.sencoHolyCross, DEMO_PASSWORD);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', signedIn: false });
    expect(refused.message).toMatch(/Please wait \d+ (seconds?|minutes)/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The owner, at school, is not locked out.
    const owner = await signInFrom(t.url, '198.51.100.20', DEMO.sencoHolyCross, DEMO_PASSWORD);
    expect(owner).toMatchObject({ code: null, signedIn: true });
    // Nothing about a lock is stored or audited.
    const audit = await t.sql<{ summary: string }>(
      "SELECT summary FROM audit_entries WHERE action = 'auth.login_failed' ORDER BY created_at",
    );
    expect(audit.every((a) => !/lock/i.test(a.summary))).toBe(true);
  });
});

describe('limits shared by two processes through Redis', () => {
  let db: ScratchDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  beforeAll(async () => {
    db = await cloneTemplateDatabase('throttle');
    const prefix = `lt-thr-${process.env['LANTERN_TEST_RUN']}-${process.pid}`.slice(0, 40);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: prefix,
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_PER_MINUTE: '4',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '10000',
    };
    a = new ApiProcess({ port: await freePort(), env });
    b = new ApiProcess({ port: await freePort(), env });
    // Two API processes compile at once on a busy machine: allow them time to start.
    await Promise.all([a.start(240_000), b.start(240_000)]);
  });
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
  });

  it('one address gets the sign-in limit once in total, not once per process', async () => {
    const from = '203.0.113.99';
    const codes: Array<string | null> = [];
    // Four attempts, alternating between the processes: all are counted together.
    for (let i = 0; i < 4; i++)
      codes.push(
        (await signInFrom((i % 2 ? b : a).url, from, `nobody${i}@demo.lantern.test`, 'wrong password')).code,
      );
    expect(codes).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect((await signInFrom(a.url, from, DEMO.admin, DEMO_PASSWORD)).code).toBe('RATE_LIMITED');
    expect((await signInFrom(b.url, from, DEMO.admin, DEMO_PASSWORD)).code).toBe('RATE_LIMITED');
    // Another address, on either process, is unaffected.
    expect((await signInFrom(b.url, '198.51.100.3', DEMO.admin, DEMO_PASSWORD)).signedIn).toBe(true);
  });
});
