import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from '@lantern/shared-domain';

/**
 * Every expected failure in Lantern: a code for programs, a plain-English message for people.
 * Intrinsic, so Nest does not log it as a crash; unexpected errors are logged once in formatError.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const Errors = {
  unauthenticated: () => new AppError(ErrorCode.Unauthenticated, 'Please sign in to continue.'),
  forbidden: (what = 'do that') =>
    new AppError(ErrorCode.Forbidden, `You do not have permission to ${what}.`),
  notFound: (what: string) => new AppError(ErrorCode.NotFound, `${what} was not found.`),
  badInput: (message: string, fields?: Record<string, string>) =>
    new AppError(ErrorCode.BadInput, message, fields),
  conflict: (message: string) => new AppError(ErrorCode.Conflict, message),
  rateLimited: (seconds: number) =>
    new AppError(ErrorCode.RateLimited, `Too many requests. Please wait ${seconds} seconds and try again.`),
};
