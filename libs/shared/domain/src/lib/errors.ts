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
  /** Case data needs a session elevated by the second factor: the client asks for a code. */
  SecondFactorRequired = 'SECOND_FACTOR_REQUIRED',
  /** Case data needs a second factor and this person has not set one up: the client starts enrolment. */
  SecondFactorEnrolmentRequired = 'SECOND_FACTOR_ENROLMENT_REQUIRED',
  Unavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}
