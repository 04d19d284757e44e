import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, canAccessCaseData } from '@lantern/shared-domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { FieldAccess } from '../../common/graphql/field-access';
import { ActionModel } from '../actions/action.model';
import { SupervisionLoaders } from './supervision-loaders';
import {
  SupervisionAgendaItemModel,
  SupervisionParticipantModel,
  SupervisionSessionModel,
} from './supervision.model';

/** A session's participants and agenda: part of the session, read in one batch per request. */
@Resolver(() => SupervisionSessionModel)
export class SupervisionSessionFieldsResolver {
  constructor(private readonly loaders: SupervisionLoaders) {}

  @ResolveField(() => [SupervisionParticipantModel], {
    description: 'SEND leads, then SENCOs, then headteachers.',
  })
  @FieldAccess.parent()
  participants(
    @Parent() s: SupervisionSessionModel,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionParticipantModel[]> {
    return this.loaders.participants(ctx).load(s.id);
  }

  @ResolveField(() => [SupervisionAgendaItemModel], { description: 'In order. Each case read is logged.' })
  @FieldAccess.parent()
  agenda(
    @Parent() s: SupervisionSessionModel,
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
  ): Promise<SupervisionAgendaItemModel[]> {
    return this.loaders.agenda(ctx, actor).load(s.id);
  }
}

/** The actions under an agenda case: the case's own, under the case-data rule. */
@Resolver(() => SupervisionAgendaItemModel)
export class SupervisionAgendaFieldsResolver {
  constructor(private readonly loaders: SupervisionLoaders) {}

  @ResolveField(() => [ActionModel], {
    description: 'Open actions on the case, wherever raised (earlier sessions too): the carry-forward.',
  })
  @FieldAccess.policy('canAccessCaseData')
  async openActions(
    @Parent() item: SupervisionAgendaItemModel,
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
  ): Promise<ActionModel[]> {
    if (!canAccessCaseData(actor, item)) return [];
    return (await this.loaders.actionsOf(ctx, actor).load(item)).open;
  }

  @ResolveField(() => [ActionModel], {
    description: 'Actions raised in this session on this case (any status).',
  })
  @FieldAccess.policy('canAccessCaseData')
  async actionsRaisedHere(
    @Parent() item: SupervisionAgendaItemModel,
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
  ): Promise<ActionModel[]> {
    if (!canAccessCaseData(actor, item)) return [];
    return (await this.loaders.actionsOf(ctx, actor).load(item)).here;
  }
}
