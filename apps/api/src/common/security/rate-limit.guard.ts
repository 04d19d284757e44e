import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
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
    const name = detail.key.split(':').at(-2) ?? '';
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
