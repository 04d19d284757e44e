import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, Public, RateLimit } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { InputArg } from '../../common/validation';
import { ResetPasswordInput } from './dto/reset-password.input';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Mutation(() => Boolean, {
    description:
      'Ask for a password reset link by email. Always true for a well-formed address, whether or not it has an account (nothing is revealed); throttled like sign-in.',
  })
  @Public()
  @RateLimit('login')
  requestPasswordReset(
    @Ctx() ctx: RequestContext,
    @Args('email', { type: () => String }) email: string,
  ): boolean {
    this.resets.request(ctx, email.slice(0, 320));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Set a new password with a reset link's token (single use, 30 minutes). Every session of the person ends; it does not sign in: sign in with the new password afterwards.",
  })
  @Public()
  @RateLimit('login')
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @InputArg('input', ResetPasswordInput) input: ResetPasswordInput,
  ): Promise<boolean> {
    await this.resets.reset(ctx, input.token, input.newPassword);
    return true;
  }
}
