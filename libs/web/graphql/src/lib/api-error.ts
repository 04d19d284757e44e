import { ErrorCode } from '@lantern/shared-domain';

/** Codes the client adds for failures that never reached the API. */
export const ClientErrorCode = {
  Network: 'NETWORK_ERROR',
  BadResponse: 'BAD_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Plain-English messages used when the server did not send one we can show. */
export const FALLBACK_MESSAGES: Readonly<Record<string, string>> = {
  [ClientErrorCode.Network]: 'Lantern could not be reached. Check your connection and try again.',
  [ClientErrorCode.BadResponse]: 'Lantern sent an answer we could not read. Please try again.',
  [ErrorCode.Internal]: 'Something went wrong on our side. Please try again in a moment.',
  [ErrorCode.Unavailable]: 'Lantern is busy or down for a moment. Please try again shortly.',
  [ErrorCode.Unauthenticated]: 'Please sign in to continue.',
  [ErrorCode.Forbidden]: 'You do not have permission to do that.',
  [ErrorCode.NotFound]: 'We could not find that. It may have been removed.',
  [ErrorCode.RateLimited]: 'Too many attempts. Please wait a few minutes and try again.',
  [ErrorCode.QueryTooComplex]: 'That request was too large. Please try a smaller one.',
  [ErrorCode.SecondFactorRequired]: 'Enter the code from your authenticator app to open case data.',
  [ErrorCode.SecondFactorEnrolmentRequired]: 'Set up your second factor to open case data.',
};

/** Errors that are not about what the person did: shown once, globally, as a toast. */
export const GLOBAL_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ClientErrorCode.Network,
  ClientErrorCode.BadResponse,
  ErrorCode.Internal,
  ErrorCode.Unavailable,
  ErrorCode.QueryTooComplex,
]);

/** One failure from the API, with a message meant for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode | string,
    message: string,
    /** Field name -> message, present for BAD_USER_INPUT. */
    readonly fields: Readonly<Record<string, string>> = {},
    readonly status?: number,
  ) {
    super(message);
  }

  /** True for failures the person cannot fix by changing what they typed (network, server). */
  get isGlobal(): boolean {
    return GLOBAL_ERROR_CODES.has(this.code);
  }

  is(...codes: readonly string[]): boolean {
    return codes.includes(this.code);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The message to show a person for any thrown value. */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return FALLBACK_MESSAGES[ErrorCode.Internal];
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown } | null;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.join(' ');
  }
  return out;
}

/** Turn the first GraphQL error of a response into an ApiError. */
export function fromGraphQLErrors(errors: readonly unknown[], status?: number): ApiError {
  const first = (errors[0] ?? {}) as GraphQLErrorShape;
  const rawCode = first.extensions?.code;
  const code = typeof rawCode === 'string' && rawCode ? rawCode : ErrorCode.Internal;
  const fields = code === ErrorCode.BadInput ? stringRecord(first.extensions?.fields) : {};
  const serverMessage = typeof first.message === 'string' ? first.message.trim() : '';
  // Internal errors may carry technical text: never show it to people.
  const message =
    code === ErrorCode.Internal || !serverMessage
      ? (FALLBACK_MESSAGES[code] ?? FALLBACK_MESSAGES[ErrorCode.Internal])
      : serverMessage;
  return new ApiError(code, message, fields, status);
}
