import { ErrorCode } from './errors';
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

/** The httpOnly cookie of a remembered device (a random token; only its SHA-256 is stored). */
export const REMEMBERED_DEVICE_COOKIE = 'lantern_device';

/** Rules of the policy (POLICY_RULES) whose records are case data: their socket streams need an elevated session. */
export const SECOND_FACTOR_RULES: readonly string[] = ['canAccessCaseData', 'canJoinSupervision'];

export function ruleNeedsSecondFactor(rule: string): boolean {
  return SECOND_FACTOR_RULES.includes(rule);
}

/** What the API knows of a session's second factor (from the one session query). */
export interface SessionSecondFactor {
  enrolled: boolean;
  /** When the elevation ends (ISO or Date); null when the session is not elevated. */
  elevatedUntil: string | Date | null;
}

export function isElevated(s: SessionSecondFactor, now: Date = new Date()): boolean {
  return !!s.elevatedUntil && new Date(s.elevatedUntil).getTime() > now.getTime();
}

/**
 * Why case data is refused to this session, or null when it may be served: not enrolled (the
 * client starts enrolment), or enrolled but not elevated or the elevation is over (it asks for a code).
 */
export function secondFactorRefusal(
  s: SessionSecondFactor,
  now: Date = new Date(),
): ErrorCode.SecondFactorEnrolmentRequired | ErrorCode.SecondFactorRequired | null {
  if (!s.enrolled) return ErrorCode.SecondFactorEnrolmentRequired;
  return isElevated(s, now) ? null : ErrorCode.SecondFactorRequired;
}

export const SECOND_FACTOR_MESSAGES = {
  [ErrorCode.SecondFactorEnrolmentRequired]:
    'Case data needs a second factor. Set up an authenticator app on your account to continue.',
  [ErrorCode.SecondFactorRequired]:
    'Case data needs your second factor. Enter the 6-digit code from your authenticator app to continue.',
} as const;

/** May the actor reset `targetUserId`'s second factor (they lost their device)? Network admins, never their own. */
export function canResetSecondFactor(actor: Actor | null, targetUserId: string): boolean {
  return !!actor && actor.userId !== targetUserId && canAnywhere(actor, Permission.SecondFactorReset);
}
