import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, MEETING_LIMITS } from '@lantern/shared-domain';
import { Ctx, CurrentActor, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { IdArg, InputArg } from '../../common/validation';
import { CreateMeetingInput, EditOccurrenceInput, UpdateMeetingSeriesInput } from './dto/meeting.input';
import { MeetingOccurrenceListModel, MeetingOccurrenceModel, MeetingSeriesModel } from './meeting.model';
import { MeetingOccurrenceEditService } from './meeting-occurrence-edit.service';
import { MeetingsReadService } from './meetings-read.service';
import { MeetingsWriteService } from './meetings-write.service';

/**
 * Meetings and series (ADR 13). Not case data: any signed-in person may ask; the meetings policy
 * (canSeeMeeting, canOrganiseMeeting, canManageMeeting) is applied to each record in the services,
 * and a meeting the person may not see is NOT_FOUND.
 */
@Resolver()
export class MeetingsResolver {
  constructor(
    private readonly read: MeetingsReadService,
    private readonly write: MeetingsWriteService,
    private readonly occurrences: MeetingOccurrenceEditService,
  ) {}

  @Query(() => MeetingOccurrenceListModel, {
    description: 'Occurrences of every meeting the viewer may see between two London dates (at most 400 days), in time order.',
  })
  @SignedIn()
  myMeetings(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => String, description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { type: () => String, description: 'YYYY-MM-DD (inclusive)' }) to: string,
    @Args('first', { type: () => Int, defaultValue: MEETING_LIMITS.pageSize }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<MeetingOccurrenceListModel> {
    return this.read.myMeetings(actor, from, to, first, offset);
  }

  @Query(() => MeetingOccurrenceModel, { description: 'One occurrence, by its series and key (the date the pattern gave it).' })
  @SignedIn()
  meetingOccurrence(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingOccurrenceModel> {
    return this.read.occurrence(actor, seriesId, key);
  }

  @Query(() => MeetingSeriesModel, { description: 'A meeting or series with its pattern and people.' })
  @SignedIn()
  meetingSeries(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<MeetingSeriesModel> {
    return this.read.series(actor, id);
  }

  @Mutation(() => MeetingSeriesModel, { description: 'Call a meeting or a series; the invitees are emailed an invitation (.ics).' })
  @SignedIn()
  createMeeting(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', CreateMeetingInput) input: CreateMeetingInput,
  ): Promise<MeetingSeriesModel> {
    return this.write.create(ctx, actor, input);
  }

  @Mutation(() => MeetingSeriesModel, {
    description: 'Change a series (chair or organiser); exceptions are kept; CONFLICT if someone changed it since.',
  })
  @SignedIn()
  updateMeetingSeries(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', UpdateMeetingSeriesInput) input: UpdateMeetingSeriesInput,
  ): Promise<MeetingSeriesModel> {
    return this.write.update(ctx, actor, input);
  }

  @Mutation(() => MeetingOccurrenceModel, {
    description: 'Change one meeting (THIS) or this and the following ones (THIS_AND_FOLLOWING: a new series from here).',
  })
  @SignedIn()
  editOccurrence(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', EditOccurrenceInput) input: EditOccurrenceInput,
  ): Promise<MeetingOccurrenceModel> {
    return this.occurrences.edit(ctx, actor, input);
  }

  @Mutation(() => MeetingOccurrenceModel, { description: 'Cancel one meeting of a series.' })
  @SignedIn()
  cancelOccurrence(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingOccurrenceModel> {
    return this.occurrences.cancelOccurrence(actor, seriesId, key);
  }

  @Mutation(() => MeetingSeriesModel, { description: 'Cancel the whole series; the invitees are emailed a cancellation.' })
  @SignedIn()
  cancelSeries(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<MeetingSeriesModel> {
    return this.write.cancelSeries(actor, id);
  }
}
