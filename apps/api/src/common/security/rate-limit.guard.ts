import { ExecutionContext, HttpException, Injectable, Logger } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { AppError } from '../errors/app-error';
import type { RequestContext } from '../context/request-context';
import { ErrorCode } from '@lantern/shared-domain';
import { tooManyRequests, waitMessage } from './throttle';

/**
 * @nestjs/throttler's guard, GraphQL-aware: the request and response come from the GraphQL
 * context, and a refusal is RATE_LIMITED with a plain message (GraphQL) or a 429 `{ code, message }`
 * with Retry-After (REST). Which throttlers apply to what is in `throttlerOptions`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');

  /**
   * When the counters' store (Redis) is away, let the request through and say so in the log: a
   * Redis outage must not stop everyone working. Refusals (over a limit) are thrown as they are.
   */
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (err) {
      if (err instanceof AppError || err instanceof HttpException) throw err;
      this.log.warn(`Could not count a request: ${err instanceof Error ? err.message : String(err)}`);
      return true;
    }
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      return {
        req: ctx.req as unknown as Record<string, unknown>,
        res: ctx.res as unknown as Record<string, unknown>,
      };
    }
    return super.getRequestResponse(context);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const parts = detail.key.split(':');
    const name = parts[parts.length - 2] ?? '';
    const seconds = Math.max(1, detail.timeToBlockExpire);
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      ctx.res?.setHeader('Retry-After', String(seconds));
      throw new AppError(ErrorCode.RateLimited, waitMessage(name, seconds));
    }
    const res = context.switchToHttp().getResponse<{ setHeader?: (k: string, v: string) => void }>();
    res.setHeader?.('Retry-After', String(seconds));
    throw tooManyRequests(name, seconds);
  }
}
