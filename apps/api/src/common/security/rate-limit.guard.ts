import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Errors } from '../errors/app-error';
import { RATE_LIMIT_KEY, contextOf } from '../auth/decorators';
import { RateLimiter } from './rate-limiter';

/** Limits sign-in attempts and mutations per client address. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly login: RateLimiter;
  private readonly mutations: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.login = new RateLimiter(config.rateLimit.loginPerMinute);
    this.mutations = new RateLimiter(config.rateLimit.mutationsPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const info = GqlExecutionContext.create(context).getInfo<{ operation: { operation: string } }>();
    const ctx = contextOf(context);
    const who = ctx.ip ?? 'unknown';
    const bucket = this.reflector.get<string | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (bucket === 'login') {
      const wait = this.login.hit(who);
      if (wait) throw Errors.rateLimited(wait);
    }
    if (info.operation.operation === 'mutation') {
      const wait = this.mutations.hit(who);
      if (wait) throw Errors.rateLimited(wait);
    }
    return true;
  }
}
