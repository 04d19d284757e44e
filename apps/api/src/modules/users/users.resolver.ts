import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Actor, ErrorCode, Permission, canSeePersonDetails } from '@lantern/shared-domain';
import { AppError } from '../../common/errors/app-error';
import { IdArg, InputArg } from '../../common/validation';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Connection, pageSize } from '../../common/pagination/connection';
import { MembershipModel } from '../memberships/membership.model';
import { MembershipsByUserLoader } from '../memberships/memberships.loader';
import { toMembership } from '../memberships/memberships.resolver';
import { PeopleFilter } from './dto/people-filter.input';
import { UserConnection, UserModel } from './user.model';
import { GrantsByUserLoader } from './users.loader';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => UserConnection, { description: 'People the viewer may see, by name.' })
  @Allow(Permission.PeopleRead)
  people(
    @CurrentActor() actor: Actor,
    @InputArg('filter', PeopleFilter, { nullable: true }) filter: PeopleFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<UserModel>> {
    return this.users.people(actor, filter, pageSize(first), after);
  }

  @Mutation(() => UserModel, { description: 'Deactivate a person: every session of theirs ends at once.' })
  @Allow(Permission.UserDeactivate)
  deactivateUser(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('userId') userId: string,
  ): Promise<UserModel> {
    return this.users.setActive(ctx, actor, userId, false);
  }

  @Mutation(() => UserModel)
  @Allow(Permission.UserDeactivate)
  reactivateUser(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('userId') userId: string,
  ): Promise<UserModel> {
    return this.users.setActive(ctx, actor, userId, true);
  }

  @ResolveField(() => String)
  async email(@Parent() user: UserModel, @Ctx() ctx: RequestContext): Promise<string> {
    await requireDetails(user, ctx);
    return user.email;
  }

  @FieldAccess.policy('canSeePersonDetails')
  @ResolveField(() => [MembershipModel])
  async memberships(@Parent() user: UserModel, @Ctx() ctx: RequestContext): Promise<MembershipModel[]> {
    await requireDetails(user, ctx);
    return (await ctx.loaders.get(MembershipsByUserLoader).load(user.id)).map(toMembership);
  }
}

/**
 * A person's email and roles only for viewers the policy allows (canSeePersonDetails); wherever a
 * person appears (forum and library authors, owners, reviewers) others get their name only.
 */
async function requireDetails(user: UserModel, ctx: RequestContext): Promise<void> {
  if (ctx.actor?.userId === user.id) return;
  const grants = await ctx.loaders.get(GrantsByUserLoader).load(user.id);
  if (!canSeePersonDetails(ctx.actor, { userId: user.id, grants }))
    throw new AppError(
      ErrorCode.Forbidden,
      'You can see only the name of this person: they work outside your trust.',
    );
}
