import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Actor, Permission } from '@lantern/shared-domain';
import { IdArg, InputArg } from '../../common/validation';
import { Allow, Ctx, Public, RateLimit, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { InvitationStatus } from '../../common/graphql/enums';
import { Connection, pageSize } from '../../common/pagination/connection';
import { AuthService } from '../auth/auth.service';
import { viewerOf } from '../auth/auth.resolver';
import { ViewerModel } from '../auth/viewer.model';
import { SchoolModel, TrustModel } from '../directory/directory.model';
import { SchoolByIdLoader, TrustByIdLoader } from '../directory/directory.loader';
import { toSchool, toTrust } from '../directory/directory.mappers';
import { UserModel } from '../users/user.model';
import { UserByIdLoader } from '../users/users.loader';
import { toUser } from '../users/user.mapper';
import { AcceptInvitationInput, InviteInput } from './dto/invitation.input';
import { InvitationConnection, InvitationModel, InvitationPreviewModel } from './invitation.model';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { toInvitation } from './invitation-records';
import { InvitationsService } from './invitations.service';

@Resolver(() => InvitationModel)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly acceptance: InvitationAcceptanceService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => InvitationConnection, {
    name: 'invitations',
    description: 'Invitations into scopes where the viewer may invite, newest first.',
  })
  @Allow(Permission.PeopleInvite)
  invitationsList(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => InvitationStatus, nullable: true }) status: InvitationStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<InvitationModel>> {
    return this.invitations.list(actor, status, pageSize(first), after);
  }

  @Query(() => InvitationPreviewModel, {
    description: 'Who an invitation link is for. INVITATION_INVALID when unusable.',
  })
  @Public()
  @RateLimit('login')
  invitationPreview(@Args('token') token: string): Promise<InvitationPreviewModel> {
    return this.acceptance.preview(token);
  }

  @Mutation(() => InvitationModel, {
    description: 'Invite someone by email into a role the viewer may assign.',
  })
  @Allow(Permission.PeopleInvite)
  async invite(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', InviteInput) input: InviteInput,
  ): Promise<InvitationModel> {
    return toInvitation(await this.invitations.invite(ctx, actor, input));
  }

  @Mutation(() => InvitationModel)
  @Allow(Permission.PeopleInvite)
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
  ): Promise<InvitationModel> {
    return toInvitation(await this.invitations.revoke(ctx, actor, id));
  }

  @Mutation(() => ViewerModel, { description: 'Accept an invitation: creates the account and signs in.' })
  @Public()
  @RateLimit('login')
  async acceptInvitation(
    @Ctx() ctx: RequestContext,
    @InputArg('input', AcceptInvitationInput) input: AcceptInvitationInput,
  ): Promise<ViewerModel> {
    const userId = await this.acceptance.accept(ctx, input);
    await this.auth.startSession(ctx, userId);
    return viewerOf(ctx);
  }

  @FieldAccess.directory()
  @ResolveField(() => TrustModel, { nullable: true })
  async trust(@Parent() i: InvitationModel, @Ctx() ctx: RequestContext): Promise<TrustModel | null> {
    let trustId = i.trustId;
    if (!trustId && i.schoolId)
      trustId = (await ctx.loaders.get(SchoolByIdLoader).load(i.schoolId))?.trustId ?? null;
    const t = trustId ? await ctx.loaders.get(TrustByIdLoader).load(trustId) : null;
    return t ? toTrust(t) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => SchoolModel, { nullable: true })
  async school(@Parent() i: InvitationModel, @Ctx() ctx: RequestContext): Promise<SchoolModel | null> {
    const s = i.schoolId ? await ctx.loaders.get(SchoolByIdLoader).load(i.schoolId) : null;
    return s ? toSchool(s) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => UserModel, { nullable: true })
  async invitedBy(@Parent() i: InvitationModel, @Ctx() ctx: RequestContext): Promise<UserModel | null> {
    const u = i.invitedById ? await ctx.loaders.get(UserByIdLoader).load(i.invitedById) : null;
    return u ? toUser(u) : null;
  }
}
