import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { permissionsOf } from '@lantern/shared-domain';
import { InputArg } from '../../common/validation';
import { Ctx, Public, RateLimit, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { MembershipModel } from '../memberships/membership.model';
import { MembershipsByUserLoader } from '../memberships/memberships.loader';
import { toMembership } from '../memberships/memberships.resolver';
import { UserByIdLoader } from '../users/users.loader';
import { toUser } from '../users/user.mapper';
import { AuthService } from './auth.service';
import { ChangePasswordInput, LoginInput, UpdateProfileInput } from './dto/auth.inputs';
import { readingPreferencesOf } from './reading-preferences.model';
import { ViewerModel } from './viewer.model';

/** The viewer for the current context (after sign-in the context holds the new session). */
export async function viewerOf(ctx: RequestContext): Promise<ViewerModel> {
  if (!ctx.session || !ctx.actor) throw Errors.unauthenticated();
  const user = await ctx.loaders.get(UserByIdLoader).load(ctx.session.userId);
  if (!user) throw Errors.unauthenticated();
  return {
    user: toUser(user),
    permissions: permissionsOf(ctx.actor),
    showPresence: user.showPresence,
    readingPreferences: readingPreferencesOf(user),
  };
}

@Resolver(() => ViewerModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => ViewerModel, { description: 'The signed-in person. UNAUTHENTICATED when signed out.' })
  @SignedIn()
  me(@Ctx() ctx: RequestContext): Promise<ViewerModel> {
    return viewerOf(ctx);
  }

  @Mutation(() => ViewerModel, { description: 'Sign in with email and password; sets the session cookie.' })
  @Public()
  @RateLimit('login')
  async login(
    @Ctx() ctx: RequestContext,
    @InputArg('input', LoginInput) input: LoginInput,
  ): Promise<ViewerModel> {
    await this.auth.login(ctx, input);
    return viewerOf(ctx);
  }

  @Mutation(() => Boolean, { description: 'Sign out of this browser.' })
  @SignedIn()
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(ctx);
    return true;
  }

  @Mutation(() => Boolean, { description: 'End every session of the viewer, on every device.' })
  @SignedIn()
  async signOutEverywhere(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.auth.signOutEverywhere(ctx);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Change password; other sessions end.' })
  @SignedIn()
  @RateLimit('login')
  async changePassword(
    @Ctx() ctx: RequestContext,
    @InputArg('input', ChangePasswordInput) input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.auth.changePassword(ctx, input);
    return true;
  }

  @Mutation(() => ViewerModel)
  @SignedIn()
  async updateProfile(
    @Ctx() ctx: RequestContext,
    @InputArg('input', UpdateProfileInput) input: UpdateProfileInput,
  ): Promise<ViewerModel> {
    await this.auth.updateProfile(ctx, input);
    ctx.loaders.get(UserByIdLoader).clear(ctx.session!.userId);
    return viewerOf(ctx);
  }

  @ResolveField(() => [MembershipModel], { description: 'The viewer’s roles.' })
  async memberships(@Parent() viewer: ViewerModel, @Ctx() ctx: RequestContext): Promise<MembershipModel[]> {
    return (await ctx.loaders.get(MembershipsByUserLoader).load(viewer.user.id)).map(toMembership);
  }
}
