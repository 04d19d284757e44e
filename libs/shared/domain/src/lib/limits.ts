export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const INVITATION_TTL_DAYS = 7;
export const SESSION_TTL_DAYS = 30;
/**
 * The window of the per account and address sign-in throttle: one address may try one account as
 * often in this window as it may try sign-ins in a minute (RATE_LIMIT_LOGIN_PER_MINUTE), then waits.
 * Never a lock of the account: attempts from other addresses are not affected.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const SESSION_COOKIE = 'lantern_session';

/** Plain-English reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  if (/^(.)\1+$/.test(password)) {
    return 'Do not repeat one character.';
  }
  const lower = password.toLowerCase();
  for (const word of context) {
    const w = word.trim().toLowerCase();
    if (w.length >= 4 && lower.includes(w)) return 'Do not include your name or email in your password.';
  }
  return null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL_RE.test(value);
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
