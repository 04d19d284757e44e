import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, RsvpAnswer } from '@lantern/shared-domain';
import { CurrentActor, SignedIn } from '../../common/auth/decorators';
import { Errors } from '../../common/errors/app-error';
import { IdArg, InputArg } from '../../common/validation';
import { RecordAttendanceInput } from './dto/meeting.input';
import {
  MeetingAttendeeModel,
  MeetingModeBalanceModel,
  MeetingOccurrenceModel,
  MeetingSeriesModel,
  RsvpAnswerEnum,
} from './meeting.model';
import { MeetingHostsService } from './meeting-hosts.service';
import { MeetingRsvpService } from './meeting-rsvp.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Taking part: RSVPs, who is coming, attendance, the host rotation and the term's mode balance. */
@Resolver()
export class MeetingParticipationResolver {
  constructor(
    private readonly rsvps: MeetingRsvpService,
    private readonly hosts: MeetingHostsService,
  ) {}

  @Mutation(() => MeetingOccurrenceModel, { description: 'Answer for one meeting (null clears); it wins over the series answer.' })
  @SignedIn()
  rsvpOccurrence(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('answer', { type: () => RsvpAnswerEnum, nullable: true }) answer: RsvpAnswer | null,
  ): Promise<MeetingOccurrenceModel> {
    return this.rsvps.rsvpOccurrence(actor, seriesId, key, answer ?? null);
  }

  @Mutation(() => MeetingSeriesModel, { description: 'Answer for every meeting of the series (null clears).' })
  @SignedIn()
  rsvpSeries(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('answer', { type: () => RsvpAnswerEnum, nullable: true }) answer: RsvpAnswer | null,
  ): Promise<MeetingSeriesModel> {
    return this.rsvps.rsvpSeries(actor, seriesId, answer ?? null);
  }

  @Query(() => [MeetingAttendeeModel], {
    description: 'Who answered and attended, with schools and local authorities (chair, organiser, note-taker; the host school sees who comes in person).',
  })
  @SignedIn()
  meetingAttendees(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
  ): Promise<MeetingAttendeeModel[]> {
    return this.rsvps.attendees(actor, seriesId, key);
  }

  @Mutation(() => [MeetingAttendeeModel], { description: 'Record who attended (the note-taker or chair, after the start).' })
  @SignedIn()
  recordAttendance(
    @CurrentActor() actor: Actor,
    @InputArg('input', RecordAttendanceInput) input: RecordAttendanceInput,
  ): Promise<MeetingAttendeeModel[]> {
    return this.rsvps.recordAttendance(actor, input);
  }

  @Mutation(() => MeetingSeriesModel, { description: 'The host rotation: in turn through these schools (chair or organiser).' })
  @SignedIn()
  setHostRotation(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('schoolIds', { type: () => [ID] }) schoolIds: string[],
  ): Promise<MeetingSeriesModel> {
    if (schoolIds.some((id) => !UUID.test(id)))
      throw Errors.badInput('Choose schools from the directory.', { schoolIds: 'Not a valid id' });
    return this.hosts.setHostRotation(actor, seriesId, schoolIds);
  }

  @Mutation(() => MeetingOccurrenceModel, { description: 'Skip (or restore) the host turn of one meeting.' })
  @SignedIn()
  skipHost(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('skipped', { type: () => Boolean }) skipped: boolean,
  ): Promise<MeetingOccurrenceModel> {
    return this.hosts.skipHost(actor, seriesId, key, skipped);
  }

  @Query(() => MeetingModeBalanceModel, { description: "In person / online / hybrid meetings of a series in the term containing `on` (default today)." })
  @SignedIn()
  meetingModeBalance(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('on', { type: () => String, nullable: true }) on: string | null,
  ): Promise<MeetingModeBalanceModel> {
    return this.hosts.modeBalance(actor, seriesId, on ?? null);
  }
}
