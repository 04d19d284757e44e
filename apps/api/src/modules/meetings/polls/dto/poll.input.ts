import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEETING_LIMITS, MeetingMode, PollAnswer } from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../../common/personal-data/personal-data-override.input';
import { MeetingModeEnum, MeetingScopeKind } from '../../meeting.model';
import { PollAnswerEnum } from '../poll.model';

export const POLL_INVITEES_MAX = 100;

@InputType('CreateMeetingPollInput')
export class CreateMeetingPollInput {
  @Field(() => MeetingScopeKind)
  @IsIn(Object.values(MeetingScopeKind), { message: 'Choose network, trust or school.' })
  scopeKind!: MeetingScopeKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a trust.' }) trustId?:
    | string
    | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school.' })
  schoolId?: string | null;
  @Field(() => String)
  @IsString()
  @MaxLength(MEETING_LIMITS.titleMax, { message: `Keep the title to ${MEETING_LIMITS.titleMax} characters.` })
  title!: string;
  @Field(() => MeetingModeEnum)
  @IsIn(Object.values(MeetingMode), { message: 'Choose in person, online or hybrid.' })
  mode!: MeetingMode;
  @Field(() => Int)
  @IsInt({ message: 'Give the length in minutes.' })
  @Min(5, { message: 'A meeting lasts at least 5 minutes.' })
  @Max(600, { message: 'A meeting lasts at most 10 hours.' })
  minutes!: number;
  @Field(() => [Date], { description: 'Candidate start instants.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Offer at least one time.' })
  @ArrayMaxSize(MEETING_LIMITS.pollSlotsMax, {
    message: `Offer at most ${MEETING_LIMITS.pollSlotsMax} times.`,
  })
  @IsDate({ each: true, message: 'Give each time as a date and time.' })
  @Type(() => Date)
  slots!: Date[];
  @Field(() => [ID], { description: 'Who is asked (the organiser answers too).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Ask at least one person.' })
  @ArrayMaxSize(POLL_INVITEES_MAX, { message: `Ask at most ${POLL_INVITEES_MAX} people.` })
  @IsUUID('all', { each: true, message: 'Choose people from the directory.' })
  inviteeIds!: string[];
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('MeetingPollAnswerInput')
export class MeetingPollAnswerInput {
  @Field(() => ID) @IsUUID('all', { message: 'That time is not in the poll.' }) slotId!: string;
  @Field(() => PollAnswerEnum)
  @IsIn(Object.values(PollAnswer), { message: 'Answer yes, if need be, or no.' })
  answer!: PollAnswer;
}

@InputType('AnswerMeetingPollInput')
export class AnswerMeetingPollInput {
  @Field(() => ID) @IsUUID('all', { message: 'That poll does not exist.' }) pollId!: string;
  @Field(() => [MeetingPollAnswerInput])
  @IsArray()
  @ArrayMaxSize(MEETING_LIMITS.pollSlotsMax)
  @ValidateNested({ each: true })
  @Type(() => MeetingPollAnswerInput)
  answers!: MeetingPollAnswerInput[];
}

@InputType('DecideMeetingPollInput')
export class DecideMeetingPollInput {
  @Field(() => ID) @IsUUID('all', { message: 'That poll does not exist.' }) pollId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the poll’s times.' }) slotId!: string;
  @Field(() => String, { nullable: true, description: 'Room or address (in person, hybrid).' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.locationMax, {
    message: `Keep the place to ${MEETING_LIMITS.locationMax} characters.`,
  })
  location?: string | null;
  @Field(() => String, { nullable: true, description: 'Video link (online, hybrid).' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.linkMax, { message: `Keep the link to ${MEETING_LIMITS.linkMax} characters.` })
  onlineLink?: string | null;
  @Field(() => ID, { nullable: true, description: 'Default: you.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the chair.' })
  chairId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the note-taker.' })
  noteTakerId?: string | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}
