import type { EntityManager } from 'typeorm';
import { Permission, rolesOf } from '@lantern/shared-domain';
import { encryptSecret } from '../modules/second-factor/totp';

/**
 * The demo's TOTP key (base32), development and tests only: every demo account that reads case data
 * is enrolled with it, so demos and browser tests can elevate (README: "Demo second factor";
 * `npm run totp -- <email>` prints the current code; apps/web-e2e and tools/scripts/totp.mjs carry
 * the same key). Production seeds nothing.
 */
export const DEMO_TOTP_SECRET = 'LANTERNDEMOSECONDFACTORKEY234567';

/** Enrol every seeded person whose roles read case data (SENCOs, headteachers, trust SEND leads). */
export async function seedSecondFactors(m: EntityManager, key: Buffer): Promise<number> {
  const users: Array<{ user_id: string }> = await m.query(
    'SELECT DISTINCT user_id FROM memberships WHERE role = ANY($1::text[])',
    [rolesOf(Permission.CaseDataUse)],
  );
  for (const u of users) {
    await m.query(
      `INSERT INTO user_second_factors (user_id, secret_encrypted, confirmed_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO NOTHING`,
      [u.user_id, encryptSecret(key, DEMO_TOTP_SECRET)],
    );
  }
  return users.length;
}
