/** Codes carried by every error the API returns (GraphQL `extensions.code`). */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountLocked = 'ACCOUNT_LOCKED',
  WeakPassword = 'WEAK_PASSWORD',
  InvitationInvalid = 'INVITATION_INVALID',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  /** The text looks like it holds pupil details; saving needs an override with a reason. */
  PersonalData = 'PERSONAL_DATA',
  Unavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}
