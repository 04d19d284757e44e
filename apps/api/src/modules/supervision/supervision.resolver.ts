import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission, SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { IdArg, InputArg } from '../../common/validation';
import { ActionModel } from '../actions/action.model';
import {
  ScheduleSupervisionInput,
  SupervisionActionInput,
  SupervisionAgendaItemInput,
  SupervisionOutcomeInput,
  UpdateSupervisionInput,
} from './dto/supervision.input';
import { SupervisionAgendaService } from './supervision-agenda.service';
import { SupervisionLifecycleService } from './supervision-lifecycle.service';
import { SupervisionReadService } from './supervision-read.service';
import { SupervisionSessionsService } from './supervision-sessions.service';
import {
  SupervisionAgendaItemModel,
  SupervisionSessionModel,
  SupervisionSessionPageModel,
  SupervisionWhen,
  SupervisionWhenEnum,
} from './supervision.model';

/**
 * Supervision sessions (ADR 12): case data, so every operation needs Permission.CaseDataUse and an
 * elevated session (PolicyGuard); the services apply the policy's supervision rules to the session.
 */
@Resolver()
export class SupervisionResolver {
  constructor(
    private readonly read: SupervisionReadService,
    private readonly sessions: SupervisionSessionsService,
    private readonly lifecycle: SupervisionLifecycleService,
    private readonly agenda: SupervisionAgendaService,
  ) {}

  @Query(() => SupervisionSessionPageModel, {
    description: 'Supervision sessions the viewer may see, coming up (soonest first) or past (newest first).',
  })
  @Allow(Permission.CaseDataUse, 'see supervision sessions')
  supervisionSessions(
    @CurrentActor() actor: Actor,
    @IdArg('schoolId', { nullable: true }) schoolId: string | null,
    @Args('when', { type: () => SupervisionWhenEnum }) when: SupervisionWhen,
    @Args('first', { type: () => Int, nullable: true, defaultValue: SUPERVISION_LIMITS.pageSize })
    first: number | null,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number | null,
  ): Promise<SupervisionSessionPageModel> {
    first ??= SUPERVISION_LIMITS.pageSize;
    offset ??= 0;
    if (!Number.isInteger(first) || first < 1 || first > SUPERVISION_LIMITS.pageSize)
      throw Errors.badInput(`Ask for between 1 and ${SUPERVISION_LIMITS.pageSize} sessions at a time.`, {
        first: 'Out of range',
      });
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw Errors.badInput('That page does not exist.', { offset: 'Out of range' });
    return this.read.list(actor, schoolId, when, first, offset);
  }

  @Query(() => SupervisionSessionModel, {
    description: 'One session with its participants and agenda. Reading the agenda is logged per case.',
  })
  @Allow(Permission.CaseDataUse, 'see supervision sessions')
  supervisionSession(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
  ): Promise<SupervisionSessionModel> {
    return this.read.get(actor, id);
  }

  @Mutation(() => SupervisionSessionModel, {
    description:
      "Schedule a session for a school (or start it now), with its SENCOs and its trust's SEND lead.",
  })
  @Allow(Permission.CaseDataUse, 'schedule supervision')
  scheduleSupervision(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', ScheduleSupervisionInput) input: ScheduleSupervisionInput,
  ): Promise<SupervisionSessionModel> {
    return this.sessions.schedule(ctx, actor, input);
  }

  @Mutation(() => SupervisionSessionModel, { description: "Change a session's title, time or place." })
  @Allow(Permission.CaseDataUse, 'change supervision sessions')
  updateSupervision(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', UpdateSupervisionInput) input: UpdateSupervisionInput,
  ): Promise<SupervisionSessionModel> {
    return this.sessions.update(ctx, actor, input);
  }

  @Mutation(() => SupervisionSessionModel, { description: 'Cancel a session that has not started.' })
  @Allow(Permission.CaseDataUse, 'cancel supervision sessions')
  cancelSupervision(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<SupervisionSessionModel> {
    return this.lifecycle.cancel(actor, id);
  }

  @Mutation(() => SupervisionSessionModel, { description: 'Start a scheduled session (it goes live).' })
  @Allow(Permission.CaseDataUse, 'start supervision sessions')
  startSupervision(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<SupervisionSessionModel> {
    return this.lifecycle.start(actor, id);
  }

  @Mutation(() => SupervisionSessionModel, { description: 'End a live session (the chair does).' })
  @Allow(Permission.CaseDataUse, 'end supervision sessions')
  endSupervision(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<SupervisionSessionModel> {
    return this.lifecycle.end(actor, id);
  }

  @Mutation(() => SupervisionSessionModel, {
    description: 'Hand the chair to another SENCO or SEND lead taking part (the chair does).',
  })
  @Allow(Permission.CaseDataUse, 'chair supervision sessions')
  handOverSupervisionChair(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @IdArg('userId') userId: string,
  ): Promise<SupervisionSessionModel> {
    return this.lifecycle.handOver(actor, id, userId);
  }

  @Mutation(() => SupervisionSessionModel, {
    description: "Set the agenda: the school's open cases to bring, in order, each with its question.",
  })
  @Allow(Permission.CaseDataUse, 'change supervision agendas')
  setSupervisionAgenda(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('items', { type: () => [SupervisionAgendaItemInput] }) items: SupervisionAgendaItemInput[],
    @Args('override', { type: () => Boolean, nullable: true }) override: boolean | null,
  ): Promise<SupervisionSessionModel> {
    return this.agenda.setAgenda(ctx, actor, id, items, override);
  }

  @Mutation(() => SupervisionAgendaItemModel, {
    description: "Record a case's outcome: summary and decisions.",
  })
  @Allow(Permission.CaseDataUse, 'record supervision outcomes')
  setSupervisionOutcome(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', SupervisionOutcomeInput) input: SupervisionOutcomeInput,
  ): Promise<SupervisionAgendaItemModel> {
    return this.agenda.setOutcome(ctx, actor, input);
  }

  @Mutation(() => ActionModel, {
    description: 'Add an action on an agenda case, raised in the session (it stays on the case until done).',
  })
  @Allow(Permission.CaseDataUse, 'add actions in supervision')
  addSupervisionAction(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', SupervisionActionInput) input: SupervisionActionInput,
  ): Promise<ActionModel> {
    return this.agenda.addAction(ctx, actor, input);
  }
}
