import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Permission } from '@lantern/shared-domain';
import type { RequestContext } from '../context/request-context';

export const ACCESS_KEY = 'lantern:access';
export const RATE_LIMIT_KEY = 'lantern:rate-limit';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not (sign in, invitation preview and acceptance). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person; record-level checks happen in the service. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule);
/** A signed-in person who holds `permission` somewhere; the service checks the record's scope. */
export const Allow = (permission: Permission) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessRule);
/** Put the operation in a stricter rate-limit bucket (e.g. 'login'). */
export const RateLimit = (bucket: 'login') => SetMetadata(RATE_LIMIT_KEY, bucket);

export function contextOf(ctx: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(ctx).getContext<RequestContext>();
}

/** The request context in a resolver: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => contextOf(ctx));
