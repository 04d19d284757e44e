import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingMode, PollAnswer } from '@lantern/shared-domain';
import { MeetingModeEnum, MeetingPersonModel, MeetingScopeKind } from '../meeting.model';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
export const PollAnswerEnum = mirror(PollAnswer);
registerEnumType(PollAnswerEnum, { name: 'PollAnswer', description: 'YES, IF_NEED_BE or NO.' });

export enum MeetingPollStatus {
  OPEN = 'OPEN',
  DECIDED = 'DECIDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingPollStatus, { name: 'MeetingPollStatus' });

@ObjectType('MeetingPollSlot')
export class MeetingPollSlotModel {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Int) yes!: number;
  @Field(() => Int) ifNeedBe!: number;
  @Field(() => Int) no!: number;
  @Field(() => PollAnswerEnum, { nullable: true }) myAnswer!: PollAnswer | null;
}

@ObjectType('MeetingPollSlotAnswer')
export class MeetingPollSlotAnswerModel {
  @Field(() => ID) slotId!: string;
  @Field(() => PollAnswerEnum) answer!: PollAnswer;
}

@ObjectType('MeetingPollInvitee')
export class MeetingPollInviteeModel {
  @Field(() => MeetingPersonModel) person!: MeetingPersonModel;
  @Field(() => [MeetingPollSlotAnswerModel]) answers!: MeetingPollSlotAnswerModel[];
  @Field(() => [ID], {
    description:
      'Slots that overlap another Lantern meeting this person takes part in (filled in by meetingPoll for open polls; empty in lists).',
  })
  clashes!: string[];
}

@ObjectType('MeetingPoll', { description: 'Finding a time: candidate slots answered yes / if need be / no.' })
export class MeetingPollModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => MeetingScopeKind) scopeKind!: MeetingScopeKind;
  @Field(() => ID, { nullable: true }) trustId!: string | null;
  @Field(() => ID, { nullable: true }) schoolId!: string | null;
  @Field(() => MeetingModeEnum) mode!: MeetingMode;
  @Field(() => Int) minutes!: number;
  @Field(() => MeetingPollStatus) status!: MeetingPollStatus;
  @Field(() => MeetingPersonModel) organiser!: MeetingPersonModel;
  @Field(() => [MeetingPollSlotModel]) slots!: MeetingPollSlotModel[];
  @Field(() => [MeetingPollInviteeModel]) invitees!: MeetingPollInviteeModel[];
  @Field(() => ID, { nullable: true }) chosenSlotId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The meeting made when a slot was chosen.' }) seriesId!:
    | string
    | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean) canDecide!: boolean;
  @Field(() => Boolean) canAnswer!: boolean;
}
