import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@lantern/shared-domain';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './format-error';
import { HttpRefusal, httpStatusOf } from './http-errors';

interface Answer {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}

/** What a REST client is told about an error, or null when it is unexpected (logged, then 500). */
export function httpAnswerOf(err: unknown): Answer | null {
  if (err instanceof AppError)
    return {
      status: httpStatusOf(err.code),
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
    };
  if (err instanceof HttpRefusal)
    return { status: err.status, code: err.code, message: err.message, headers: err.headers };
  if (err instanceof HttpException) {
    // Nest's own (e.g. the throttler's 429 `{ code, message }`, an unknown route's 404).
    const body = err.getResponse();
    const b = (typeof body === 'object' && body ? body : {}) as { code?: unknown; message?: unknown };
    const status = err.getStatus();
    return {
      status,
      code: typeof b.code === 'string' ? b.code : status === 404 ? ErrorCode.NotFound : ErrorCode.BadInput,
      message: typeof b.message === 'string' ? b.message : err.message,
    };
  }
  return null;
}

/**
 * The one place where errors on REST routes become answers: `{ code, message }` with the status of
 * the code (HTTP_STATUS). Guards (PolicyGuard: 401, 403) and controllers throw; nothing writes its
 * own refusal. GraphQL errors pass through to formatError; socket handlers answer with acks.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!req.complete) {
      // A refused upload: answer, stop reading what is left, then close the connection.
      req.resume();
      res.setHeader('Connection', 'close');
      res.once('finish', () => setTimeout(() => req.complete || req.socket.destroy(), 5_000).unref());
    }
    let answer = httpAnswerOf(err);
    if (!answer) {
      if (res.destroyed) return;
      const requestId = String((req as Request & { id?: unknown }).id ?? 'unknown');
      const away = isDatabaseUnavailable(err);
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      answer = away
        ? {
            status: 503,
            code: ErrorCode.Unavailable,
            message: 'Lantern cannot reach its database just now. Please try again in a moment.',
          }
        : {
            status: 500,
            code: ErrorCode.Internal,
            message: `Something went wrong on our side. If it keeps happening, quote reference ${requestId}.`,
          };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
    res
      .status(answer.status)
      .setHeader('Cache-Control', 'no-store')
      .json({
        code: answer.code,
        message: answer.message,
        ...(answer.fields ? { fields: answer.fields } : {}),
      });
  }
}
