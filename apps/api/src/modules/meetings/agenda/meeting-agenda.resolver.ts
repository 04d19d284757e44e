import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, AgendaItemStatus } from '@lantern/shared-domain';
import { Ctx, CurrentActor, SignedIn } from '../../../common/auth/decorators';
import type { RequestContext } from '../../../common/context/request-context';
import { IdArg, InputArg } from '../../../common/validation';
import { AgendaItemStatusEnum, MeetingAgendaItemModel, MeetingAgendaModel } from './agenda.model';
import { ProposeAgendaItemInput, UpdateAgendaItemInput } from './dto/agenda.input';
import { MeetingAgendaReadService } from './meeting-agenda-read.service';
import { MeetingAgendaService } from './meeting-agenda.service';
import { MeetingLiveService } from './meeting-live.service';

/**
 * A meeting's agenda and its running (ADR 13, "Contract (agenda, live, minutes, polls)"). Not case
 * data: any signed-in person may ask; the meetings policy decides in the services (NOT_FOUND for a
 * meeting the person may not see).
 */
@Resolver()
export class MeetingAgendaResolver {
  constructor(
    private readonly read: MeetingAgendaReadService,
    private readonly agenda: MeetingAgendaService,
    private readonly live: MeetingLiveService,
  ) {}

  @Query(() => MeetingAgendaModel, {
    description: 'An occurrence’s agenda, live state, minutes and actions.',
  })
  @SignedIn()
  meetingAgenda(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingAgendaModel> {
    return this.read.agenda(actor, seriesId, key);
  }

  @Mutation(() => MeetingAgendaItemModel, {
    description: 'Propose an item (invitees); the chair’s own are accepted.',
  })
  @SignedIn()
  proposeAgendaItem(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', ProposeAgendaItemInput) input: ProposeAgendaItemInput,
  ): Promise<MeetingAgendaItemModel> {
    return this.agenda.propose(ctx, actor, input);
  }

  @Mutation(() => MeetingAgendaItemModel, {
    description: 'Change an item (its proposer while proposed; the chair).',
  })
  @SignedIn()
  updateAgendaItem(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', UpdateAgendaItemInput) input: UpdateAgendaItemInput,
  ): Promise<MeetingAgendaItemModel> {
    return this.agenda.update(ctx, actor, input);
  }

  @Mutation(() => MeetingAgendaItemModel, {
    description: 'Accept or decline an item (the chair or organiser).',
  })
  @SignedIn()
  decideAgendaItem(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('status', { type: () => AgendaItemStatusEnum }) status: AgendaItemStatus,
  ): Promise<MeetingAgendaItemModel> {
    return this.agenda.decide(actor, id, status);
  }

  @Mutation(() => MeetingAgendaModel, {
    description: 'Put the accepted items in this order (the chair or organiser).',
  })
  @SignedIn()
  orderAgenda(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('itemIds', { type: () => [ID] }) itemIds: string[],
  ): Promise<MeetingAgendaModel> {
    return this.agenda.order(actor, seriesId, key, itemIds);
  }

  @Mutation(() => MeetingAgendaModel, {
    description: 'Publish the agenda with the papers deadline; everyone invited is told.',
  })
  @SignedIn()
  publishAgenda(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('papersDueAt', { type: () => Date, nullable: true }) papersDueAt: Date | null,
  ): Promise<MeetingAgendaModel> {
    return this.agenda.publish(actor, seriesId, key, papersDueAt ?? null);
  }

  @Mutation(() => MeetingAgendaModel, {
    description: 'Start the meeting: the first accepted item becomes current.',
  })
  @SignedIn()
  startMeeting(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingAgendaModel> {
    return this.live.start(actor, seriesId, key);
  }

  @Mutation(() => MeetingAgendaModel, {
    description: 'Take up an accepted item (null: none); its timer starts now for everyone.',
  })
  @SignedIn()
  setCurrentAgendaItem(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
    @IdArg('itemId', { nullable: true }) itemId: string | null,
  ): Promise<MeetingAgendaModel> {
    return this.live.setCurrent(actor, seriesId, key, itemId);
  }

  @Mutation(() => MeetingAgendaModel, { description: 'End the meeting.' })
  @SignedIn()
  endMeeting(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingAgendaModel> {
    return this.live.end(actor, seriesId, key);
  }
}
