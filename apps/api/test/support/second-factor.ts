import { totpCode } from '../../src/modules/second-factor/totp';
import { DEMO_TOTP_SECRET } from '../../src/seed/second-factor-demo';
import type { GqlClient, TestApp } from './test-app';

export { DEMO_TOTP_SECRET };

export const ELEVATE = `mutation Elevate($input: ElevateSessionInput!) {
  elevateSession(input: $input) { required enrolled elevatedUntil recoveryCodesLeft }
}`;
export const SECOND_FACTOR_STATE = `{ me { secondFactor { required enrolled elevatedUntil recoveryCodesLeft } } }`;

/** The demo key's code now (or at `atMs`): what the authenticator app of a demo account shows. */
export function demoCode(atMs: number = Date.now()): string {
  return totpCode(DEMO_TOTP_SECRET, atMs);
}

/** Remembered-device cookies per app and account, so later sessions need no code (each code works once). */
const devices = new WeakMap<TestApp, Map<string, string>>();

/**
 * Elevate a signed-in demo account's session, as its owner would: the first time in an app with the
 * demo key's current code and "remember this device"; after that that device's cookie, which
 * elevates the session at its first case-data request. Accounts that have no second factor
 * (network admin, staff) are left as they are.
 */
export async function elevate(t: TestApp, c: GqlClient, email: string): Promise<GqlClient> {
  const known = devices.get(t) ?? new Map<string, string>();
  devices.set(t, known);
  const device = known.get(email);
  if (device) {
    c.cookie = c.cookie ? `${c.cookie}; ${device}` : device;
    return c;
  }
  const state = await c.ok<{ me: { secondFactor: { enrolled: boolean } } }>(SECOND_FACTOR_STATE);
  if (!state.me.secondFactor.enrolled) return c;
  await c.ok(ELEVATE, { input: { code: demoCode(), rememberDevice: true } });
  const pair = c.cookie?.split('; ').find((p) => p.startsWith('lantern_device='));
  if (pair) known.set(email, pair);
  return c;
}

/** A client signed in as a demo account whose session is elevated for case data. */
export async function elevated(t: TestApp, email: string): Promise<GqlClient> {
  return elevate(t, await t.signedIn(email), email);
}
