import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { canAnywhere } from '@lantern/shared-domain';
import { Errors } from '../errors/app-error';
import { ACCESS_KEY, AccessRule, contextOf } from './decorators';

/**
 * Deny by default. Every GraphQL operation must declare who may call it (@Public, @SignedIn or
 * @Allow); one without a rule is refused and logged. Record-level decisions use the same policy
 * (`can` from the shared domain) inside services.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `Refused ${context.getClass().name}.${context.getHandler().name}: it has no access rule`,
      );
      throw Errors.forbidden();
    }
    if (rule.kind === 'public') return true;
    if (context.getType<string>() !== 'graphql') {
      // HTTP controllers only ever declare @Public; anything else is a programming error.
      throw Errors.forbidden();
    }
    const ctx = contextOf(context);
    if (!ctx.actor) throw Errors.unauthenticated();
    if (rule.kind === 'permission' && !canAnywhere(ctx.actor, rule.permission)) throw Errors.forbidden();
    return true;
  }
}
