import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lantern/shared-domain';
import { Ctx, CurrentActor, SignedIn } from '../../../common/auth/decorators';
import type { RequestContext } from '../../../common/context/request-context';
import { IdArg, InputArg } from '../../../common/validation';
import { ActionModel } from '../../actions/action.model';
import { MeetingAgendaItemModel, MeetingAgendaModel } from '../agenda/agenda.model';
import { AddMeetingActionInput, SaveItemMinutesInput } from './dto/minutes.input';
import { MeetingActionsService } from './meeting-actions.service';
import { MeetingMinutesService } from './meeting-minutes.service';

/** Minutes and actions (the note-taker or chair; ADR 13). The minutes are read through meetingAgenda. */
@Resolver()
export class MeetingMinutesResolver {
  constructor(
    private readonly minutes: MeetingMinutesService,
    private readonly actions: MeetingActionsService,
  ) {}

  @Mutation(() => MeetingAgendaItemModel, {
    description: 'Save an item’s minutes: notes and decisions (markdown).',
  })
  @SignedIn()
  saveItemMinutes(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', SaveItemMinutesInput) input: SaveItemMinutesInput,
  ): Promise<MeetingAgendaItemModel> {
    return this.minutes.save(ctx, actor, input);
  }

  @Mutation(() => ActionModel, { description: 'Raise an action at the meeting (its owner is told).' })
  @SignedIn()
  addMeetingAction(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', AddMeetingActionInput) input: AddMeetingActionInput,
  ): Promise<ActionModel> {
    return this.actions.add(ctx, actor, input);
  }

  @Mutation(() => MeetingAgendaModel, { description: 'Publish the minutes; the attendees are told.' })
  @SignedIn()
  publishMinutes(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingAgendaModel> {
    return this.minutes.publish(actor, seriesId, key);
  }
}
