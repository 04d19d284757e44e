import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Actor, Permission } from '@lantern/shared-domain';
import { IdArg, InputArg } from '../../common/validation';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { SchoolModel, TrustModel } from '../directory/directory.model';
import { SchoolByIdLoader, TrustByIdLoader } from '../directory/directory.loader';
import { toSchool, toTrust } from '../directory/directory.mappers';
import { GrantRoleInput } from './dto/grant-role.input';
import { MembershipEntity } from './membership.entity';
import { MembershipModel } from './membership.model';
import { MembershipsService } from './memberships.service';

export const toMembership = (e: MembershipEntity): MembershipModel => ({
  id: e.id,
  role: e.role,
  createdAt: e.createdAt,
  userId: e.userId,
  trustId: e.trustId,
  schoolId: e.schoolId,
});

@Resolver(() => MembershipModel)
export class MembershipsResolver {
  constructor(private readonly memberships: MembershipsService) {}

  @Mutation(() => MembershipModel, { description: 'Give a person a role in a scope the viewer may assign.' })
  @Allow(Permission.MembershipManage)
  async grantRole(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', GrantRoleInput) input: GrantRoleInput,
  ): Promise<MembershipModel> {
    return toMembership(await this.memberships.grant(ctx, actor, input));
  }

  @Mutation(() => Boolean, { description: 'Take a role away.' })
  @Allow(Permission.MembershipManage)
  async revokeRole(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('membershipId') id: string,
  ): Promise<boolean> {
    await this.memberships.revoke(ctx, actor, id);
    return true;
  }

  @FieldAccess.directory()
  @ResolveField(() => TrustModel, {
    nullable: true,
    description: 'The trust (for a school role, the school’s trust).',
  })
  async trust(@Parent() m: MembershipModel, @Ctx() ctx: RequestContext): Promise<TrustModel | null> {
    let trustId = m.trustId;
    if (!trustId && m.schoolId)
      trustId = (await ctx.loaders.get(SchoolByIdLoader).load(m.schoolId))?.trustId ?? null;
    if (!trustId) return null;
    const t = await ctx.loaders.get(TrustByIdLoader).load(trustId);
    return t ? toTrust(t) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => SchoolModel, { nullable: true })
  async school(@Parent() m: MembershipModel, @Ctx() ctx: RequestContext): Promise<SchoolModel | null> {
    if (!m.schoolId) return null;
    const s = await ctx.loaders.get(SchoolByIdLoader).load(m.schoolId);
    return s ? toSchool(s) : null;
  }
}
