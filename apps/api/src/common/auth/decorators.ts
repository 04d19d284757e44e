import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Actor, Permission } from '@lantern/shared-domain';
import { Errors } from '../errors/app-error';
import type { RequestContext } from '../context/request-context';

export const ACCESS_KEY = 'lantern:access';
export const RATE_LIMIT_KEY = 'lantern:rate-limit';

export type AccessRule =
  | { kind: 'public'; reason?: string }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission; what?: string };

/**
 * Anyone, signed in or not (sign in, invitation preview and acceptance). A REST route must say why
 * (the access-rules test refuses a bare @Public on a controller): `@Public('health checks')`.
 */
export const Public = (reason?: string) =>
  SetMetadata(ACCESS_KEY, { kind: 'public', ...(reason ? { reason } : {}) } satisfies AccessRule);
/** Any signed-in person; record-level checks happen in the service. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule);
/**
 * A signed-in person who holds `permission` somewhere; the service checks the record's scope.
 * `what` finishes the refusal "You do not have permission to …".
 */
export const Allow = (permission: Permission, what?: string) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', permission, ...(what ? { what } : {}) } satisfies AccessRule);
/**
 * Put the operation in a stricter rate-limit bucket: 'login' (passwords, per address and per account
 * and address) or 'second-factor' (codes: per address and per signed-in account).
 */
export const RateLimit = (bucket: 'login' | 'second-factor') => SetMetadata(RATE_LIMIT_KEY, bucket);

/** Where PolicyGuard keeps a REST request's context (built once, the same way as GraphQL's). */
export const HTTP_CONTEXT = Symbol('lantern:context');
export type RequestWithContext = Request & { [HTTP_CONTEXT]?: RequestContext };

/** The request context of a GraphQL operation or (once PolicyGuard has run) a REST request. */
export function contextOf(ctx: ExecutionContext): RequestContext {
  if (ctx.getType<string>() === 'http') {
    const found = ctx.switchToHttp().getRequest<RequestWithContext>()[HTTP_CONTEXT];
    if (!found) throw Errors.unauthenticated();
    return found;
  }
  return GqlExecutionContext.create(ctx).getContext<RequestContext>();
}

/** The request context in a resolver or controller: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => contextOf(ctx));

/**
 * The signed-in person asking, never null: `@CurrentActor() actor: Actor`. Throws UNAUTHENTICATED
 * when there is none (PolicyGuard refuses those first wherever the rule is @SignedIn or @Allow).
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = contextOf(ctx).actor;
  if (!actor) throw Errors.unauthenticated();
  return actor;
});
