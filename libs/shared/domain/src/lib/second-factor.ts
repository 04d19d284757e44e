import { Actor, Permission, canAnywhere } from './policy';

/**
 * The second factor (TOTP) for everyone whose roles reach case data (DfE cyber security standards:
 * MFA on accounts that reach personal data). A code elevates the session; elevation ends with the
 * session or after ELEVATION_HOURS, whichever is first. A remembered device is not asked for a code
 * when it elevates again within REMEMBER_DEVICE_DAYS.
 */
export const SECOND_FACTOR = {
  elevationHours: 12,
  rememberDeviceDays: 30,
  recoveryCodeCount: 10,
  /** TOTP as authenticator apps expect it (RFC 6238 defaults). */
  digits: 6,
  periodSeconds: 30,
  /** Codes one step either side are accepted (clock drift). */
  window: 1,
  issuer: 'Lantern',
} as const;

/** Permissions whose data is served only to an elevated session. */
export const SECOND_FACTOR_PERMISSIONS: readonly Permission[] = [Permission.CaseDataUse];

export function permissionNeedsSecondFactor(permission: Permission): boolean {
  return SECOND_FACTOR_PERMISSIONS.includes(permission);
}

/** Must this person enrol a second factor (their roles can read case data somewhere)? */
export function needsSecondFactor(actor: Actor | null): boolean {
  return SECOND_FACTOR_PERMISSIONS.some((p) => canAnywhere(actor, p));
}

/** Where a session stands, as the client sees it (`viewer.secondFactor`). */
export interface SecondFactorState {
  /** The person's roles reach case data, so case data needs a code. */
  required: boolean;
  enrolled: boolean;
  /** ISO time the elevation ends; null when the session is not elevated. */
  elevatedUntil: string | null;
  recoveryCodesLeft: number;
}

/** When an elevation made at `at` ends: 12 hours on, or when the session expires if sooner. */
export function elevationEnds(at: Date, sessionExpiresAt: Date): Date {
  const ends = new Date(at.getTime() + SECOND_FACTOR.elevationHours * 3_600_000);
  return ends < sessionExpiresAt ? ends : sessionExpiresAt;
}

/** A code as typed: digits only ("123 456" and "123-456" are the same code). */
export function normaliseTotpCode(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** Recovery codes are shown as xxxxx-xxxxx; typed in any case, with or without the dash. */
export function normaliseRecoveryCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toLowerCase();
}
