import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@lantern/shared-domain';
import { Allow, Ctx, RateLimit, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { IdArg, InputArg } from '../../common/validation';
import { ViewerModel } from '../auth/viewer.model';
import { ElevateSessionInput } from './dto/elevate-session.input';
import {
  SecondFactorConfirmationModel,
  SecondFactorEnrolmentModel,
  SecondFactorStateModel,
} from './second-factor.model';
import { SecondFactorResetService } from './second-factor-reset.service';
import { SecondFactorService } from './second-factor.service';

const CODE_ARG = { type: () => String, description: 'The 6-digit code from the authenticator app.' };

/** Codes longer than this are not codes (refused before any work). */
function code(raw: string): string {
  return raw.slice(0, 20);
}

@Resolver(() => ViewerModel)
export class SecondFactorResolver {
  constructor(
    private readonly factors: SecondFactorService,
    private readonly resets: SecondFactorResetService,
  ) {}

  @ResolveField(() => SecondFactorStateModel, {
    description: "The viewer's second factor and this session's elevation.",
  })
  secondFactor(@Parent() _viewer: ViewerModel, @Ctx() ctx: RequestContext): Promise<SecondFactorStateModel> {
    return this.factors.state(ctx);
  }

  @Mutation(() => SecondFactorEnrolmentModel, {
    description:
      'Start setting up an authenticator app: a new secret (QR code and key), not active until confirmSecondFactorEnrolment. CONFLICT when one is set up already.',
  })
  @SignedIn()
  startSecondFactorEnrolment(@Ctx() ctx: RequestContext): Promise<SecondFactorEnrolmentModel> {
    return this.factors.startEnrolment(ctx);
  }

  @Mutation(() => SecondFactorConfirmationModel, {
    description:
      'Confirm the new authenticator with its current code: the second factor becomes active, this session is elevated, and ten recovery codes are returned (this once).',
  })
  @SignedIn()
  @RateLimit('second-factor')
  async confirmSecondFactorEnrolment(
    @Ctx() ctx: RequestContext,
    @Args('code', CODE_ARG) typed: string,
  ): Promise<SecondFactorConfirmationModel> {
    const recoveryCodes = await this.factors.confirmEnrolment(ctx, code(typed));
    return { recoveryCodes, secondFactor: await this.factors.state(ctx) };
  }

  @Mutation(() => SecondFactorStateModel, {
    description:
      'Elevate this session for case data (12 hours, or until the session ends) with a code or a recovery code; optionally remember this device for 30 days. Throttled per account and per address.',
  })
  @SignedIn()
  @RateLimit('second-factor')
  async elevateSession(
    @Ctx() ctx: RequestContext,
    @InputArg('input', ElevateSessionInput) input: ElevateSessionInput,
  ): Promise<SecondFactorStateModel> {
    await this.factors.elevate(ctx, input);
    return this.factors.state(ctx);
  }

  @Mutation(() => [String], {
    description:
      'Ten new recovery codes (the old ones stop working); needs a code from the authenticator app.',
  })
  @SignedIn()
  @RateLimit('second-factor')
  regenerateRecoveryCodes(
    @Ctx() ctx: RequestContext,
    @Args('code', CODE_ARG) typed: string,
  ): Promise<string[]> {
    return this.factors.regenerateRecoveryCodes(ctx, code(typed));
  }

  @Mutation(() => Boolean, {
    description:
      "A network admin resets someone's second factor (lost device): audited, the person is emailed, their sessions lose their elevation.",
  })
  @Allow(Permission.SecondFactorReset, "reset people's second factors")
  async resetSecondFactor(@Ctx() ctx: RequestContext, @IdArg('userId') userId: string): Promise<boolean> {
    await this.resets.reset(ctx, userId);
    return true;
  }
}
