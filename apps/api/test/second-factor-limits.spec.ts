import { SocketEvent } from '@lantern/shared-domain';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { StreamRegistry } from '../src/modules/streams/stream-registry';
import { ids } from './support/fixtures';
import { ELEVATE, demoCode, elevated } from './support/second-factor';
import { connected, next, openSocket, request } from './support/sockets';
import { DEMO, DEMO_PASSWORD, GqlClient, LOGIN, TestApp, startTestApp } from './support/test-app';

// Wrong codes are throttled per account (from any address) and per address, by the one throttler;
// socket streams of case data (a kind whose rule is canAccessCaseData) need an elevated session.

const WRONG = '000000';

describe('second-factor codes are throttled per account and per address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  const from = async (address: string, email: string): Promise<GqlClient> => {
    const c = t.client();
    c.headers['x-forwarded-for'] = address;
    await c.ok(LOGIN, { email, password: DEMO_PASSWORD });
    return c;
  };
  const wrong = () => (demoCode() === WRONG ? '111111' : WRONG);

  it('refuses codes after three tries, even the right one, from that address and for that account anywhere', async () => {
    const senco = await from('10.0.0.1', DEMO.sencoHolyFamily);
    for (let i = 0; i < 3; i++) await senco.fails(ELEVATE, { input: { code: wrong() } }, 'BAD_USER_INPUT');
    const limited = await senco.fails(ELEVATE, { input: { code: demoCode() } }, 'RATE_LIMITED');
    expect(limited.error.message).toMatch(/Too many codes tried/);
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);

    // The same account from another address: still refused (per account).
    const elsewhere = await from('10.0.0.2', DEMO.sencoHolyFamily);
    await elsewhere.fails(ELEVATE, { input: { code: demoCode() } }, 'RATE_LIMITED');

    // Another account from the first address: refused too (per address) ...
    const head = await from('10.0.0.3', DEMO.headHolyFamily);
    head.headers['x-forwarded-for'] = '10.0.0.1';
    await head.fails(ELEVATE, { input: { code: demoCode() } }, 'RATE_LIMITED');
    // ... but that account from its own address is not.
    head.headers['x-forwarded-for'] = '10.0.0.3';
    await head.ok(ELEVATE, { input: { code: demoCode() } });
  });
});

describe('socket streams of case data', () => {
  let t: TestApp;
  let stream: string;

  beforeAll(async () => {
    // A stream kind under the case-data rule, as the caseload's live streams declare theirs.
    t = await startTestApp(
      {},
      {
        beforeListen: (app: NestExpressApplication) =>
          app.get(StreamRegistry).register({
            kind: 'case-test',
            rule: 'canAccessCaseData',
            record: (key) => {
              const [trustId, schoolId] = key.split('.');
              return trustId && schoolId ? { trustId, schoolId } : null;
            },
            writers: 'readers',
          }),
      },
    );
    const id = await ids(t);
    stream = `case-test:${id.trust('ACT')}.${id.school('ACT', 'Holy Family Primary')}`;
  });
  afterAll(() => t?.close());

  it('refuses to join before the session is elevated, and leaves the room when the elevation ends', async () => {
    const plain = await t.signedIn(DEMO.sencoHolyFamily);
    const s1 = await connected(openSocket(t.url, { cookie: plain.cookie }));
    try {
      const refused = await request(s1, SocketEvent.StreamSubscribe, { stream });
      expect(refused).toEqual(expect.objectContaining({ ok: false, code: 'SECOND_FACTOR_REQUIRED' }));
    } finally {
      s1.disconnect();
    }

    const other = await t.signedIn(DEMO.sencoHolyCross);
    const s2 = await connected(openSocket(t.url, { cookie: other.cookie }));
    try {
      expect(await request(s2, SocketEvent.StreamSubscribe, { stream })).toEqual(
        expect.objectContaining({ ok: false, code: 'FORBIDDEN' }),
      );
    } finally {
      s2.disconnect();
    }

    const senco = await elevated(t, DEMO.sencoHolyFamily);
    const s3 = await connected(openSocket(t.url, { cookie: senco.cookie }));
    try {
      expect(await request(s3, SocketEvent.StreamSubscribe, { stream })).toEqual(
        expect.objectContaining({ ok: true }),
      );
      const problem = next<{ code: string }>(s3, SocketEvent.Problem, 5_000);
      await t.sql(
        "UPDATE sessions SET elevated_until = now() - interval '1 second' WHERE elevated_until IS NOT NULL",
      );
      expect(await problem).toEqual(expect.objectContaining({ code: 'SECOND_FACTOR_REQUIRED' }));
      expect(await request(s3, SocketEvent.StreamSync, { stream, after: 0 })).toEqual(
        expect.objectContaining({ ok: false, code: 'SECOND_FACTOR_REQUIRED' }),
      );
    } finally {
      s3.disconnect();
    }
  });
});
