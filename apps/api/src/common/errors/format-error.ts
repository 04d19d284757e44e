import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@lantern/shared-domain';
import { AppError } from './app-error';

export interface FormatOptions {
  production: boolean;
  log: (err: unknown, requestId: string | undefined) => void;
}

/** Apollo codes for errors raised before execution (parse, validation, armour limits). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** "Did you mean ...?" names fields, types and enum values; production answers without them. */
export function withoutSuggestions(message: string): string {
  return message
    .replace(/\s*Did you mean [^?]*\?/g, '')
    .replace(/\s*\[Suggestion hidden\]/g, '')
    .trim();
}

/**
 * Mistakes in the request that graphql-js finds itself (not a resolver) are BAD_USER_INPUT: a scalar
 * refusing a value (its own BAD_USER_INPUT error, wrapped by validation or variable coercion) and,
 * after the known request codes, any other error graphql-js raised without a cause or a path, such
 * as an operation the schema does not offer (`subscription { x }`).
 */
function refusedByScalar(error: unknown): boolean {
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  return cause instanceof GraphQLError && cause.extensions?.['code'] === ErrorCode.BadInput;
}
function raisedByGraphql(error: unknown): boolean {
  return error instanceof GraphQLError && !error.originalError && !error.path;
}

/**
 * The one place where errors become GraphQL errors. AppErrors keep their code and message; request
 * errors (bad syntax, unknown fields, depth or cost limits) keep GraphQL's message; anything else is
 * an internal error shown only as a reference number, never a stack trace or SQL.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  o: FormatOptions,
): GraphQLFormattedError {
  // Errors from resolvers, guards and pipes arrive wrapped in a GraphQLError; look inside.
  const original =
    error instanceof GraphQLError && error.originalError ? error.originalError : unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...(original.fields ? { fields: original.fields } : {}), requestId },
    };
  }
  const code = String(formatted.extensions?.['code'] ?? '');
  if (code === ErrorCode.Unavailable) {
    return {
      message: formatted.message.replace(/^Context creation failed: /, ''),
      extensions: { code, requestId },
    };
  }
  const message = o.production ? withoutSuggestions(formatted.message) : formatted.message;
  const badInput = {
    message,
    locations: formatted.locations,
    extensions: { code: ErrorCode.BadInput, requestId },
  };
  if (REQUEST_ERROR_CODES.has(code)) {
    const tooComplex =
      /depth|alias|cost|token|directive/i.test(formatted.message) && code !== 'GRAPHQL_PARSE_FAILED';
    return {
      message,
      locations: formatted.locations,
      extensions: {
        code: tooComplex ? ErrorCode.QueryTooComplex : refusedByScalar(error) ? ErrorCode.BadInput : code,
        requestId,
      },
    };
  }
  if (raisedByGraphql(error)) return badInput;
  if (isDatabaseUnavailable(original)) {
    o.log(original, requestId);
    return {
      message: 'Lantern cannot reach its database just now. Please try again in a moment.',
      path: formatted.path,
      extensions: { code: ErrorCode.Unavailable, requestId },
    };
  }
  o.log(original, requestId);
  return {
    message: `Something went wrong on our side. If it keeps happening, quote reference ${requestId ?? 'unknown'}.`,
    path: formatted.path,
    extensions: {
      code: ErrorCode.Internal,
      requestId,
      ...(o.production ? {} : { debug: original instanceof Error ? original.message : String(original) }),
    },
  };
}

/** Connection failures (refused, reset, timed out, server shutting down): the database is away, not broken. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = String((err as { code?: unknown }).code ?? '');
  const message = String((err as { message?: unknown }).message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08') ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|ECONNREFUSED|ECONNRESET/i.test(
      message,
    )
  );
}
