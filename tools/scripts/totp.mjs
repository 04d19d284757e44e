#!/usr/bin/env node
// The current second-factor code of a demo account (development and tests only):
//   npm run totp -- senco.holy-family@demo.lantern.test
// Every demo account that reads case data (SENCOs, headteachers, trust SEND leads) is enrolled with
// the same demo key in development (apps/api/src/seed/second-factor-demo.ts; README "Demo second
// factor"). Production seeds no second factors, so this prints nothing that works there.
import { generateSync } from 'otplib';

/** Keep in step with DEMO_TOTP_SECRET in apps/api/src/seed/second-factor-demo.ts. */
const DEMO_TOTP_SECRET = 'LANTERNDEMOSECONDFACTORKEY234567';
const PERIOD = 30;

const email = (process.argv[2] ?? '').trim().toLowerCase();
if (!email) {
  console.error('Usage: npm run totp -- <demo email>   e.g. npm run totp -- senco.holy-family@demo.lantern.test');
  process.exit(2);
}
if (!email.endsWith('@demo.lantern.test')) {
  console.error(`${email} is not a demo account: only demo accounts (…@demo.lantern.test) share the demo key.`);
  process.exit(2);
}
const now = Math.floor(Date.now() / 1000);
const code = generateSync({ secret: DEMO_TOTP_SECRET, epoch: now, period: PERIOD, digits: 6 });
console.log(code);
console.error(`(${email}: valid for ${PERIOD - (now % PERIOD)} more seconds; each code works once)`);
