import { ExecutionContext, Global, HttpException, Inject, Injectable, Module } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  InjectThrottlerStorage,
  ThrottlerModule,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { createHash } from 'node:crypto';
import { ErrorCode, SIGN_IN_WINDOW_MINUTES, normaliseEmail } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../context/request-context';
import { RATE_LIMIT_KEY } from '../auth/decorators';

/**
 * The one throttler (@nestjs/throttler). Counters live in Redis when REDIS_URL is set, so every
 * process of a deployment counts together; otherwise in this process's memory. Named throttlers:
 *  - `sign-in`: operations marked `@RateLimit('login')`, per source address,
 *    RATE_LIMIT_LOGIN_PER_MINUTE a minute (whichever account is tried).
 *  - `sign-in-account`: the same operations, per account (the email asked about, or the signed-in
 *    person) AND source address: RATE_LIMIT_LOGIN_PER_MINUTE per SIGN_IN_WINDOW_MINUTES (15). Someone
 *    guessing one account's password from one address gets 10 tries per 15 minutes by default; the
 *    owner signing in from anywhere else is not affected (no account lock-out, which anyone who
 *    knows an email could trigger). Attempts are counted, not only failures: a guard runs before
 *    the password is checked, and a person rarely signs in to one account 10 times in 15 minutes.
 *    There is deliberately no per-account ceiling across addresses: refusing would bring the
 *    lock-out back, and a delay does not bound an attacker who sends in parallel from many
 *    addresses; the password rules, argon2 and the audit of failed sign-ins cover that case.
 *  - `second-factor` and `second-factor-account`: operations marked `@RateLimit('second-factor')`
 *    (a second-factor code or recovery code is checked), per source address RATE_LIMIT_LOGIN_PER_MINUTE
 *    a minute, and per signed-in account (from any address) RATE_LIMIT_LOGIN_PER_MINUTE per 15 minutes.
 *    Unlike passwords, the account limit is across addresses: only someone who already has the
 *    password and a session can spend it, and a 6-digit code must not be guessed from many places.
 *  - `mutations`: GraphQL mutations, and separately REST requests that change data (POST /files),
 *    per address, RATE_LIMIT_MUTATIONS_PER_MINUTE a minute each.
 *  - `socket-events`: messages on one socket (used by the realtime gateway through `Throttle.hit`).
 */
export const THROTTLER = {
  signIn: 'sign-in',
  signInAccount: 'sign-in-account',
  secondFactor: 'second-factor',
  secondFactorAccount: 'second-factor-account',
  mutations: 'mutations',
  socketEvents: 'socket-events',
} as const;

const MINUTE = 60_000;
const SIGN_IN_WINDOW_MS = SIGN_IN_WINDOW_MINUTES * MINUTE;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isSignIn(context: ExecutionContext): boolean {
  return Reflect.getMetadata(RATE_LIMIT_KEY, context.getHandler()) === 'login';
}

function isSecondFactor(context: ExecutionContext): boolean {
  return Reflect.getMetadata(RATE_LIMIT_KEY, context.getHandler()) === 'second-factor';
}

function gqlContext(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The account an attempt is about: an `email` argument (top level or in `input`), else the signed-in person. */
export function accountOf(context: ExecutionContext): string | null {
  if (context.getType<string>() !== 'graphql') return null;
  const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
  const input = args['input'] as Record<string, unknown> | undefined;
  const email = typeof args['email'] === 'string' ? args['email'] : input?.['email'];
  if (typeof email === 'string' && email.trim()) return `email:${normaliseEmail(email)}`;
  const userId = gqlContext(context).session?.userId;
  return userId ? `user:${userId}` : null;
}

function isChange(context: ExecutionContext): boolean {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ operation: { operation: string } }>();
    return info.operation.operation === 'mutation';
  }
  if (context.getType<string>() === 'http') {
    const req = context.switchToHttp().getRequest<{ method: string }>();
    return !SAFE_METHODS.has(req.method);
  }
  return false;
}

function sourceOf(req: { ip?: string } | undefined): string {
  return req?.ip ?? 'unknown';
}

/** Keys are per throttler and tracker only (one budget across operations), hashed, under the deployment's prefix. */
function keyFor(prefix: string, name: string, tracker: string): string {
  return `${prefix}throttle:${name}:${createHash('sha256').update(tracker).digest('hex')}`;
}

export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const generateKey = (_c: ExecutionContext, tracker: string, name: string) =>
    keyFor(config.redisKeyPrefix, name, tracker);
  return {
    setHeaders: false,
    storage: config.redisUrl
      ? new ThrottlerStorageRedisService(config.redisUrl, { maxRetriesPerRequest: 2 })
      : undefined,
    generateKey,
    getTracker: (req) => sourceOf(req as { ip?: string }),
    throttlers: [
      {
        name: THROTTLER.signIn,
        ttl: MINUTE,
        limit: config.rateLimit.loginPerMinute,
        skipIf: (c) => !isSignIn(c),
      },
      {
        name: THROTTLER.signInAccount,
        ttl: SIGN_IN_WINDOW_MS,
        limit: config.rateLimit.loginPerMinute,
        skipIf: (c) => !isSignIn(c) || !accountOf(c),
        getTracker: (req, c) => `${accountOf(c)}|${sourceOf(req as { ip?: string })}`,
      },
      {
        name: THROTTLER.secondFactor,
        ttl: MINUTE,
        limit: config.rateLimit.loginPerMinute,
        skipIf: (c) => !isSecondFactor(c),
      },
      {
        name: THROTTLER.secondFactorAccount,
        ttl: SIGN_IN_WINDOW_MS,
        limit: config.rateLimit.loginPerMinute,
        skipIf: (c) => !isSecondFactor(c) || !accountOf(c),
        getTracker: (_req, c) => `${accountOf(c)}`,
      },
      {
        name: THROTTLER.mutations,
        ttl: MINUTE,
        limit: config.rateLimit.mutationsPerMinute,
        skipIf: (c) => !isChange(c),
        // GraphQL mutations and REST changes (uploads) each get the budget, as before.
        getTracker: (req, c) => `${c.getType()}|${sourceOf(req as { ip?: string })}`,
      },
    ],
  };
}

/** Plain-English refusal, in seconds. */
export function waitMessage(name: string, seconds: number): string {
  const wait =
    seconds >= 90
      ? `${Math.ceil(seconds / 60)} minutes`
      : `${Math.max(1, seconds)} second${seconds === 1 ? '' : 's'}`;
  if (name === THROTTLER.signInAccount)
    return `Too many sign-in attempts for this account from your connection. Please wait ${wait} and try again.`;
  if (name === THROTTLER.secondFactor || name === THROTTLER.secondFactorAccount)
    return `Too many codes tried. Please wait ${wait} and try again.`;
  return `Too many requests. Please wait ${wait} and try again.`;
}

/** A 429 with `{ code, message }` and Retry-After, for REST routes. */
export function tooManyRequests(name: string, seconds: number): HttpException {
  const e = new HttpException({ code: ErrorCode.RateLimited, message: waitMessage(name, seconds) }, 429);
  return e;
}

/** Direct use of the same storage, for limits that are not a route (socket messages). */
@Injectable()
export class Throttle {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Count one hit; the seconds to wait when over `limit` per `ttlMs`, else 0. */
  async hit(name: string, tracker: string, limit: number, ttlMs: number): Promise<number> {
    const r = await this.storage.increment(
      keyFor(this.config.redisKeyPrefix, name, tracker),
      ttlMs,
      limit,
      ttlMs,
      name,
    );
    return r.isBlocked ? Math.max(1, r.timeToBlockExpire) : 0;
  }
}

/** ThrottlerModule configured from AppConfig, and `Throttle`; global. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => throttlerOptions(config),
    }),
  ],
  providers: [Throttle],
  exports: [Throttle],
})
export class ThrottleModule {}
