import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ErrorCode, canAnywhere, permissionNeedsSecondFactor } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { RequestContextFactory } from '../../modules/auth/request-context.factory';
import { SessionElevationService } from '../../modules/second-factor/session-elevation.service';
import { AppError, Errors } from '../errors/app-error';
import { ACCESS_KEY, AccessRule, HTTP_CONTEXT, RequestWithContext, contextOf } from './decorators';
import { CROSS_SITE_MESSAGE, fromOurSite } from './same-site';

/**
 * Deny by default. Every GraphQL operation and every REST route must declare who may call it
 * (@Public, @SignedIn or @Allow); one without a rule is refused and logged. A REST request gets the
 * same context as GraphQL (session cookie, actor, loaders; RequestContextFactory), kept on the
 * request for @Ctx() and @CurrentActor(), and must come from our own site (fromOurSite). Record-level
 * decisions use the same policy (`can` and friends from the shared domain) inside services.
 * A permission that needs a second factor (case data: permissionNeedsSecondFactor) is served only to
 * an elevated session: SECOND_FACTOR_ENROLMENT_REQUIRED or SECOND_FACTOR_REQUIRED otherwise, for
 * GraphQL and REST alike (a remembered device elevates the session here, without a code).
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);
  private readonly origins: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly contexts: RequestContextFactory,
    private readonly elevation: SessionElevationService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origins = new Set(config.allowedOrigins);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
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
    const type = context.getType<string>();
    if (type === 'http') {
      const req = context.switchToHttp().getRequest<RequestWithContext>();
      const res = context.switchToHttp().getResponse<Response>();
      req[HTTP_CONTEXT] ??= await this.contexts.create(req, res);
    } else if (type !== 'graphql') {
      // Socket handlers are not guarded by Nest: the gateway checks each stream kind's policy rule.
      throw Errors.forbidden();
    }
    const ctx = contextOf(context);
    if (!ctx.actor) throw Errors.unauthenticated();
    if (type === 'http' && !fromOurSite(ctx.req.method, ctx.req.headers, this.origins))
      throw new AppError(ErrorCode.Forbidden, CROSS_SITE_MESSAGE);
    if (rule.kind === 'permission' && !canAnywhere(ctx.actor, rule.permission))
      throw Errors.forbidden(rule.what);
    if (rule.kind === 'permission' && permissionNeedsSecondFactor(rule.permission))
      await this.elevation.demand(ctx);
    return true;
  }
}
