import { randomUUID } from 'node:crypto';
import { totpCode } from '../src/modules/second-factor/totp';
import { ids } from './support/fixtures';
import { ELEVATE, SECOND_FACTOR_STATE, demoCode, elevated } from './support/second-factor';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

// The second factor (TOTP) for everyone who reads case data: enrolment, elevation, replay, recovery
// codes, expiry, remembered devices, the admin's reset, and case data refused (GraphQL and REST)
// with the code the client turns into a prompt.

const CASE_DATA = `{ ehcpDraftSchools { id name } }`;
const START = `mutation { startSecondFactorEnrolment { secret otpauthUrl qrSvg } }`;
const CONFIRM = `mutation($code: String!) { confirmSecondFactorEnrolment(code: $code) {
  recoveryCodes secondFactor { required enrolled elevatedUntil recoveryCodesLeft } } }`;
const REGENERATE = `mutation($code: String!) { regenerateRecoveryCodes(code: $code) }`;
const RESET = `mutation($id: ID!) { resetSecondFactor(userId: $id) }`;

type State = {
  required: boolean;
  enrolled: boolean;
  elevatedUntil: string | null;
  recoveryCodesLeft: number;
};

describe('second factor', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
  });
  afterAll(() => t?.close());

  const state = async (c: GqlClient) =>
    (await c.ok<{ me: { secondFactor: State } }>(SECOND_FACTOR_STATE)).me.secondFactor;
  const exportDraft = (c: GqlClient, draftId: string = randomUUID()) =>
    fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`, { headers: { cookie: c.cookie ?? '' } });
  const outbox = (to: string, subject: string) =>
    t.sql<{ text: string }>('SELECT text FROM outbox_messages WHERE to_address = $1 AND subject = $2', [
      to,
      subject,
    ]);

  describe('case data needs an elevated session', () => {
    it('refuses a SENCO who has not elevated, over GraphQL and REST, with SECOND_FACTOR_REQUIRED', async () => {
      const senco = await t.signedIn(DEMO.sencoHolyFamily);
      expect(await state(senco)).toEqual({
        required: true,
        enrolled: true,
        elevatedUntil: null,
        recoveryCodesLeft: 0,
      });
      const { error } = await senco.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');
      expect(error.message).toMatch(/6-digit code/);
      const res = await exportDraft(senco);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(expect.objectContaining({ code: 'SECOND_FACTOR_REQUIRED' }));
    });

    it('still refuses people without the permission with FORBIDDEN, and the signed-out with UNAUTHENTICATED', async () => {
      const admin = await t.signedIn(DEMO.admin);
      expect(await state(admin)).toEqual({
        required: false,
        enrolled: false,
        elevatedUntil: null,
        recoveryCodesLeft: 0,
      });
      await admin.fails(CASE_DATA, undefined, 'FORBIDDEN');
      await (await t.signedIn(DEMO.staffHolyFamily)).fails(CASE_DATA, undefined, 'FORBIDDEN');
      await t.client().fails(CASE_DATA, undefined, 'UNAUTHENTICATED');
      expect((await exportDraft(t.client())).status).toBe(401);
    });

    it('elevates with the code from the app for 12 hours; a wrong code is refused; a code works once', async () => {
      const head = await t.signedIn(DEMO.headHolyFamily);
      const wrong = String((Number(demoCode()) + 1) % 1_000_000).padStart(6, '0');
      const refused = await head.fails(ELEVATE, { input: { code: wrong } }, 'BAD_USER_INPUT');
      expect(refused.error.message).toMatch(/not right/);
      await head.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');

      const code = demoCode();
      const before = Date.now();
      const r = await head.ok<{ elevateSession: State }>(ELEVATE, {
        input: { code: code.replace(/^(\d{3})/, '$1 ') },
      });
      const until = new Date(r.elevateSession.elevatedUntil!).getTime();
      expect(until - before).toBeGreaterThan(12 * 3_600_000 - 60_000);
      expect(until - before).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);
      expect(
        (await head.ok<{ ehcpDraftSchools: unknown[] }>(CASE_DATA)).ehcpDraftSchools.length,
      ).toBeGreaterThan(0);
      expect((await exportDraft(head)).status).toBe(404); // past the guard: no such draft

      // The same code in another session (someone who saw it) is refused: replay.
      const other = await t.signedIn(DEMO.headHolyFamily);
      const replay = await other.fails(ELEVATE, { input: { code } }, 'BAD_USER_INPUT');
      expect(replay.error.message).toMatch(/already been used/);
      // The next code is accepted.
      await other.ok(ELEVATE, { input: { code: demoCode(Date.now() + 30_000) } });
      await other.ok(CASE_DATA);
    });

    it('refuses case data again once the elevation is over (12 hours on)', async () => {
      // Elevated with a code, on a device that is not remembered.
      const lead = await t.signedIn(DEMO.sendLead);
      await lead.ok(ELEVATE, { input: { code: demoCode() } });
      await lead.ok(CASE_DATA);
      await t.sql(
        `UPDATE sessions SET elevated_until = now() - interval '1 second'
          WHERE user_id = $1 AND elevated_until IS NOT NULL`,
        [id.user(DEMO.sendLead)],
      );
      await lead.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');
      expect((await state(lead)).elevatedUntil).toBeNull();
      expect((await exportDraft(lead)).status).toBe(403);
    });
  });

  describe('enrolment', () => {
    let senco: GqlClient;
    let secret: string;
    let recoveryCodes: string[];

    beforeAll(async () => {
      // A SENCO without a second factor yet (as every new account starts).
      await t.sql('DELETE FROM user_second_factors WHERE user_id = $1', [id.user(DEMO.sencoHolyCross)]);
      senco = await t.signedIn(DEMO.sencoHolyCross);
    });

    it('refuses case data with SECOND_FACTOR_ENROLMENT_REQUIRED until the person has enrolled', async () => {
      expect(await state(senco)).toEqual({
        required: true,
        enrolled: false,
        elevatedUntil: null,
        recoveryCodesLeft: 0,
      });
      await senco.fails(CASE_DATA, undefined, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
      const res = await exportDraft(senco);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      await senco.fails(ELEVATE, { input: { code: '123456' } }, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
    });

    it('gives a secret, its otpauth URL and a QR code; nothing is active until a code is confirmed', async () => {
      const started = (
        await senco.ok<{ startSecondFactorEnrolment: { secret: string; otpauthUrl: string; qrSvg: string } }>(
          START,
        )
      ).startSecondFactorEnrolment;
      secret = started.secret;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(started.otpauthUrl).toMatch(
        /^otpauth:\/\/totp\/Lantern:senco\.holy-cross%40demo\.lantern\.test\?/,
      );
      expect(started.qrSvg).toMatch(/^<svg/);
      const [row] = await t.sql<{ secret_encrypted: string; confirmed_at: Date | null }>(
        'SELECT secret_encrypted, confirmed_at FROM user_second_factors WHERE user_id = $1',
        [id.user(DEMO.sencoHolyCross)],
      );
      expect(row!.secret_encrypted).not.toContain(secret); // encrypted at rest
      expect(row!.confirmed_at).toBeNull();
      await senco.fails(CASE_DATA, undefined, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
      await senco.fails(
        CONFIRM,
        { code: '000000' === totpCode(secret) ? '111111' : '000000' },
        'BAD_USER_INPUT',
      );
    });

    it('confirms with a code: enrolled, this session elevated, ten recovery codes shown once, audited', async () => {
      const r = (
        await senco.ok<{ confirmSecondFactorEnrolment: { recoveryCodes: string[]; secondFactor: State } }>(
          CONFIRM,
          {
            code: totpCode(secret),
          },
        )
      ).confirmSecondFactorEnrolment;
      recoveryCodes = r.recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(r.secondFactor).toEqual(
        expect.objectContaining({
          required: true,
          enrolled: true,
          recoveryCodesLeft: 10,
          elevatedUntil: expect.any(String),
        }),
      );
      await senco.ok(CASE_DATA);
      const audit = await t.sql(
        "SELECT 1 FROM audit_entries WHERE action = 'auth.second_factor_enrolled' AND target_id = $1",
        [id.user(DEMO.sencoHolyCross)],
      );
      expect(audit).toHaveLength(1);
      const hashes = await t.sql<{ code_hash: string }>(
        'SELECT code_hash FROM second_factor_recovery_codes WHERE user_id = $1',
        [id.user(DEMO.sencoHolyCross)],
      );
      expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);
      await senco.fails(START, undefined, 'CONFLICT');
    });

    it('a recovery code elevates another session once, in any case and without the dash', async () => {
      const second = await t.signedIn(DEMO.sencoHolyCross);
      const typed = recoveryCodes[0]!.toUpperCase().replace('-', ' ');
      const r = await second.ok<{ elevateSession: State }>(ELEVATE, { input: { recoveryCode: typed } });
      expect(r.elevateSession.recoveryCodesLeft).toBe(9);
      await second.ok(CASE_DATA);
      const third = await t.signedIn(DEMO.sencoHolyCross);
      const again = await third.fails(
        ELEVATE,
        { input: { recoveryCode: recoveryCodes[0] } },
        'BAD_USER_INPUT',
      );
      expect(again.error.message).toMatch(/works once/);
      await third.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');
    });

    it('new recovery codes need a code from the app, and the old ones stop working', async () => {
      await senco.fails(REGENERATE, { code: 'nonsense' }, 'BAD_USER_INPUT');
      const fresh = (
        await senco.ok<{ regenerateRecoveryCodes: string[] }>(REGENERATE, {
          code: totpCode(secret, Date.now() + 30_000),
        })
      ).regenerateRecoveryCodes;
      expect(fresh).toHaveLength(10);
      const other = await t.signedIn(DEMO.sencoHolyCross);
      await other.fails(ELEVATE, { input: { recoveryCode: recoveryCodes[1] } }, 'BAD_USER_INPUT');
      await other.ok(ELEVATE, { input: { recoveryCode: fresh[0] } });
      expect((await state(other)).recoveryCodesLeft).toBe(9);
    });
  });

  describe('remembering a device for 30 days', () => {
    it('elevates a later session on that device without a code, until the device expires', async () => {
      const email = 'senco.st-josephs-act@demo.lantern.test';
      const first = await t.signedIn(email);
      await first.ok(ELEVATE, { input: { code: demoCode(), rememberDevice: true } });
      const device = first.cookie!.split('; ').find((p) => p.startsWith('lantern_device='))!;
      expect(device).toBeDefined();
      const [stored] = await t.sql<{ token_hash: string; expires_at: Date; user_agent: string | null }>(
        'SELECT token_hash, expires_at, user_agent FROM remembered_devices WHERE user_id = $1',
        [id.user(email)],
      );
      expect(stored!.token_hash).not.toBe(device.split('=')[1]);
      const days = (new Date(stored!.expires_at).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);

      const later = await t.signedIn(email);
      await later.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED'); // another browser
      later.cookie = `${later.cookie}; ${device}`;
      await later.ok(CASE_DATA);
      expect((await state(later)).elevatedUntil).not.toBeNull();

      // The cookie is this person's only: another account on that browser is still asked.
      const someoneElse = await t.signedIn(DEMO.sencoHolyFamily);
      someoneElse.cookie = `${someoneElse.cookie}; ${device}`;
      await someoneElse.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');

      // 30 days on, the device is asked for a code again.
      await t.sql(
        `UPDATE remembered_devices SET created_at = now() - interval '31 days', expires_at = now() - interval '1 day'
          WHERE user_id = $1`,
        [id.user(email)],
      );
      const expired = await t.signedIn(email);
      expired.cookie = `${expired.cookie}; ${device}`;
      await expired.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');
    });

    it('forgets the devices of someone who signs out everywhere', async () => {
      const email = 'send.lead.magnificat@demo.lantern.test';
      const first = await t.signedIn(email);
      await first.ok(ELEVATE, { input: { code: demoCode(), rememberDevice: true } });
      const device = first.cookie!.split('; ').find((p) => p.startsWith('lantern_device='))!;
      await first.ok('mutation { signOutEverywhere }');
      expect(
        await t.sql('SELECT 1 FROM remembered_devices WHERE user_id = $1', [id.user(email)]),
      ).toHaveLength(0);
      const again = await t.signedIn(email);
      again.cookie = `${again.cookie}; ${device}`;
      await again.fails(CASE_DATA, undefined, 'SECOND_FACTOR_REQUIRED');
    });

    it('sets the device cookie httpOnly and SameSite=Lax', async () => {
      // The next code: this account used the current one in the test above.
      const c = await t.signedIn('senco.st-josephs-act@demo.lantern.test');
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: c.cookie! },
        body: JSON.stringify({
          query: ELEVATE,
          variables: { input: { code: demoCode(Date.now() + 30_000), rememberDevice: true } },
        }),
      });
      const header = res.headers.getSetCookie().find((h) => h.startsWith('lantern_device='));
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Lax/i);
      expect(header).toMatch(/Path=\//);
    });
  });

  describe("a network admin resets someone's second factor", () => {
    it('is refused to others and to oneself', async () => {
      await (
        await t.signedIn(DEMO.sendLead)
      ).fails(RESET, { id: id.user(DEMO.sencoHolyFamily) }, 'FORBIDDEN');
      await (
        await t.signedIn(DEMO.leaderAssisi)
      ).fails(RESET, { id: id.user(DEMO.sencoHolyFamily) }, 'FORBIDDEN');
      const admin = await t.signedIn(DEMO.admin);
      await admin.fails(RESET, { id: id.user(DEMO.admin) }, 'FORBIDDEN');
      await admin.fails(RESET, { id: id.user(DEMO.staffHolyFamily) }, 'CONFLICT'); // nothing to reset
    });

    it('removes it, ends every elevation of theirs, is audited and emails the person', async () => {
      const senco = await elevated(t, DEMO.sencoHolyFamily);
      await senco.ok(CASE_DATA);
      const admin = await t.signedIn(DEMO.admin);
      expect(
        (await admin.ok<{ resetSecondFactor: boolean }>(RESET, { id: id.user(DEMO.sencoHolyFamily) }))
          .resetSecondFactor,
      ).toBe(true);

      await senco.fails(CASE_DATA, undefined, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
      expect(await state(senco)).toEqual(expect.objectContaining({ enrolled: false, elevatedUntil: null }));
      const elevatedSessions = await t.sql(
        'SELECT 1 FROM sessions WHERE user_id = $1 AND elevated_until IS NOT NULL',
        [id.user(DEMO.sencoHolyFamily)],
      );
      expect(elevatedSessions).toHaveLength(0);
      const audit = await t.sql<{ summary: string; actor_user_id: string }>(
        "SELECT summary, actor_user_id FROM audit_entries WHERE action = 'auth.second_factor_reset' AND target_id = $1",
        [id.user(DEMO.sencoHolyFamily)],
      );
      expect(audit).toEqual([expect.objectContaining({ actor_user_id: id.user(DEMO.admin) })]);
      expect(audit[0]!.summary).toMatch(/reset the second factor of/);
      const mail = await outbox(DEMO.sencoHolyFamily, 'Your Lantern second factor was reset');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text).toMatch(/\/account\/second-factor/);
      // A remembered device of theirs no longer elevates either.
      expect(
        await t.sql('SELECT 1 FROM remembered_devices WHERE user_id = $1', [id.user(DEMO.sencoHolyFamily)]),
      ).toHaveLength(0);
    });
  });
});
