import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lantern/shared-domain';
import { Ctx, CurrentActor, SignedIn } from '../../../common/auth/decorators';
import type { RequestContext } from '../../../common/context/request-context';
import { IdArg, InputArg } from '../../../common/validation';
import { MeetingSeriesModel } from '../meeting.model';
import { AnswerMeetingPollInput, CreateMeetingPollInput, DecideMeetingPollInput } from './dto/poll.input';
import { MeetingPollReadService } from './meeting-poll-read.service';
import { MeetingPollsService } from './meeting-polls.service';
import { MeetingPollModel } from './poll.model';

/** Finding a time (ADR 13): polls seen by their organiser and the people asked (NOT_FOUND for others). */
@Resolver()
export class MeetingPollsResolver {
  constructor(
    private readonly read: MeetingPollReadService,
    private readonly polls: MeetingPollsService,
  ) {}

  @Query(() => MeetingPollModel, {
    description: 'A poll with everyone’s answers and, while open, clashes per person.',
  })
  @SignedIn()
  meetingPoll(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<MeetingPollModel> {
    return this.read.poll(actor, id);
  }

  @Query(() => [MeetingPollModel], {
    description: 'Polls you organise or are asked in (open ones, or closed ones), newest first.',
  })
  @SignedIn()
  myMeetingPolls(
    @CurrentActor() actor: Actor,
    @Args('open', { type: () => Boolean, defaultValue: true }) open: boolean,
  ): Promise<MeetingPollModel[]> {
    return this.read.mine(actor, open);
  }

  @Mutation(() => MeetingPollModel, {
    description: 'Offer times and ask people when they can meet (they are told).',
  })
  @SignedIn()
  createMeetingPoll(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', CreateMeetingPollInput) input: CreateMeetingPollInput,
  ): Promise<MeetingPollModel> {
    return this.polls.create(ctx, actor, input);
  }

  @Mutation(() => MeetingPollModel, {
    description: 'Answer yes / if need be / no for some or all of the times.',
  })
  @SignedIn()
  answerMeetingPoll(
    @CurrentActor() actor: Actor,
    @InputArg('input', AnswerMeetingPollInput) input: AnswerMeetingPollInput,
  ): Promise<MeetingPollModel> {
    return this.polls.answer(actor, input);
  }

  @Mutation(() => MeetingSeriesModel, {
    description: 'Choose the time: the meeting is created and everyone asked is told.',
  })
  @SignedIn()
  decideMeetingPoll(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', DecideMeetingPollInput) input: DecideMeetingPollInput,
  ): Promise<MeetingSeriesModel> {
    return this.polls.decide(ctx, actor, input);
  }

  @Mutation(() => MeetingPollModel, { description: 'Close the poll without a meeting (its organiser).' })
  @SignedIn()
  cancelMeetingPoll(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<MeetingPollModel> {
    return this.polls.cancel(actor, id);
  }
}
