import { ErrorCode } from '@lantern/shared-domain';

/**
 * The HTTP status of each feature error code, for REST routes (file uploads and downloads, exports).
 * GraphQL answers carry the same codes in `extensions.code` (format-error.ts); this is the one table
 * that turns them into statuses. File refusals have their own (FILE_REFUSAL_STATUS in the domain).
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.BadInput]: 400,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.AccountLocked]: 423,
  [ErrorCode.WeakPassword]: 400,
  [ErrorCode.InvitationInvalid]: 410,
  [ErrorCode.QueryTooComplex]: 400,
  [ErrorCode.PersonalData]: 422,
  // Signed in, but case data needs the second factor first (the client asks for a code or enrolment).
  [ErrorCode.SecondFactorRequired]: 403,
  [ErrorCode.SecondFactorEnrolmentRequired]: 403,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.Internal]: 500,
};

export function httpStatusOf(code: string): number {
  return HTTP_STATUS[code as ErrorCode] ?? 400;
}

/**
 * A REST refusal that has no feature error code of its own (e.g. 415 for a body sent as a form), or
 * carries its own status (file refusals). Answered as `{ code, message }` with `status` by the
 * HttpErrorFilter; prefer AppError (Errors.*) wherever a code fits.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}
