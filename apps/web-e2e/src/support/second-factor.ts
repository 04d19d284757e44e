/**
 * The second factor in browser tests. Every demo account that reads case data is enrolled with the
 * demo key in development and tests (the api's seed; README "Demo second factor"), so a test can
 * compute the code its authenticator app would show.
 */
import type { Cookie, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { signIn } from './accounts';
import { ROUTES } from './routes';

/** The demo's TOTP key (the same as apps/api/src/seed/second-factor-demo.ts). */
export const DEMO_TOTP_SECRET = 'LANTERNDEMOSECONDFACTORKEY234567';
const PERIOD_MS = 30_000;

/** The code an authenticator app with `secret` shows at `atMs` (now by default). */
export function totpCode(secret: string = DEMO_TOTP_SECRET, atMs: number = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(atMs / 1000), period: PERIOD_MS / 1000, digits: 6 });
}

/** The code of now (0) or of the next 30 seconds (1, still accepted): each code works once per account. */
export function nextTotpCode(secret: string, stepsAhead: 0 | 1): string {
  return totpCode(secret, Date.now() + stepsAhead * PERIOD_MS);
}

const ELEVATE = `mutation($input: ElevateSessionInput!) { elevateSession(input: $input) { elevatedUntil } }`;

/** Remembered-device cookies per account, so later pages of a test file need no code. */
const devices = new Map<string, Cookie>();

/**
 * Elevate the page's session for case data, as the code dialog would (through the API, with the demo
 * key and "remember this device"); a later page for the same account gets that device's cookie and
 * needs no code. A code another session of the account used already is followed by the next one.
 */
export async function elevate(page: Page, email: string, secret: string = DEMO_TOTP_SECRET): Promise<void> {
  const known = devices.get(email);
  if (known) {
    await page.context().addCookies([known]);
    return;
  }
  for (let round = 0; round < 3; round++) {
    for (const ahead of [0, 1] as const) {
      const response = await page.request.post(ROUTES.graphql, {
        data: {
          query: ELEVATE,
          variables: { input: { code: nextTotpCode(secret, ahead), rememberDevice: true } },
        },
      });
      const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
      if (body.data) {
        const device = (await page.context().cookies()).find((c) => c.name === 'lantern_device');
        if (device) devices.set(email, device);
        return;
      }
      const message = body.errors?.[0]?.message ?? '';
      if (!/already been used/.test(message)) throw new Error(`elevating ${email} failed: ${message}`);
    }
    // Both codes were used by other sessions of this account: wait for the next one.
    await new Promise((r) => setTimeout(r, PERIOD_MS - (Date.now() % PERIOD_MS) + 250));
  }
  throw new Error(`elevating ${email} failed: every code was used already`);
}

/** Sign in through the form, then elevate the session for case data. */
export async function signInElevated(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await elevate(page, email);
}
