import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEETING_LIMITS, MeetingMode, RECURRENCE_LIMITS, RecurrenceKind } from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';
import {
  MeetingModeEnum,
  MeetingScopeKind,
  OccurrenceEditScope,
  RecurrenceKindEnum,
} from '../meeting.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

@InputType('MeetingRecurrenceInput')
export class MeetingRecurrenceInput {
  @Field(() => RecurrenceKindEnum)
  @IsIn(Object.values(RecurrenceKind), { message: 'Choose how often it meets.' })
  kind!: RecurrenceKind;
  @Field(() => Int, { nullable: true, description: 'WEEKLY: 1 or 2.' })
  @IsOptional()
  @IsInt()
  interval?: number | null;
  @Field(() => Int, { nullable: true, description: 'MONTHLY_WEEKDAY: 1–4 or -1 (last).' })
  @IsOptional()
  @IsInt()
  week?: number | null;
  @Field(() => [String], { nullable: true, description: 'DATES: YYYY-MM-DD each.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECURRENCE_LIMITS.maxDates, { message: `Give at most ${RECURRENCE_LIMITS.maxDates} dates.` })
  @Matches(DATE, { each: true, message: 'Give every date as a date.' })
  dates?: string[] | null;
}

@InputType({ isAbstract: true })
class MeetingFieldsInput {
  @Field(() => String)
  @IsString()
  @MaxLength(MEETING_LIMITS.titleMax, { message: `Keep the title to ${MEETING_LIMITS.titleMax} characters.` })
  title!: string;
  @Field(() => String, { defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.descriptionMax, {
    message: `Keep the description to ${MEETING_LIMITS.descriptionMax} characters.`,
  })
  description?: string | null;
  @Field(() => MeetingModeEnum)
  @IsIn(Object.values(MeetingMode), { message: 'Choose in person, online or hybrid.' })
  mode!: MeetingMode;
  @Field(() => String, { nullable: true, description: 'Room or address (in person, hybrid).' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.locationMax, { message: `Keep the place to ${MEETING_LIMITS.locationMax} characters.` })
  location?: string | null;
  @Field(() => String, { nullable: true, description: 'Video link (online, hybrid).' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.linkMax, { message: `Keep the link to ${MEETING_LIMITS.linkMax} characters.` })
  onlineLink?: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD (London).' })
  @Matches(DATE, { message: 'Give the first date as a date.' })
  firstDate!: string;
  @Field(() => String, { description: 'HH:MM (London, 24-hour).' })
  @Matches(TIME, { message: 'Give the start time as HH:MM.' })
  startTime!: string;
  @Field(() => Int)
  @IsInt({ message: 'Give the length in minutes.' })
  minutes!: number;
  @Field(() => MeetingRecurrenceInput)
  @ValidateNested()
  @Type(() => MeetingRecurrenceInput)
  recurrence!: MeetingRecurrenceInput;
  @Field(() => String, { nullable: true, description: 'Last date (inclusive).' })
  @IsOptional()
  @Matches(DATE, { message: 'Give the end date as a date.' })
  until?: string | null;
  @Field(() => Int, { nullable: true, description: 'At most this many meetings.' })
  @IsOptional()
  @IsInt()
  count?: number | null;
  @Field(() => ID, { nullable: true, description: 'Default: you.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the chair.' })
  chairId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the note-taker.' })
  noteTakerId?: string | null;
  @Field(() => [ID], { defaultValue: [], description: 'Named guests from other scopes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEETING_LIMITS.guestsMax, { message: `Invite at most ${MEETING_LIMITS.guestsMax} guests.` })
  @IsUUID('all', { each: true, message: 'Choose guests from the directory.' })
  guestIds?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('CreateMeetingInput')
export class CreateMeetingInput extends MeetingFieldsInput {
  @Field(() => MeetingScopeKind)
  @IsIn(Object.values(MeetingScopeKind), { message: 'Choose network, trust or school.' })
  scopeKind!: MeetingScopeKind;
  @Field(() => ID, { nullable: true, description: 'TRUST meetings.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true, description: 'SCHOOL meetings (the trust is the school’s).' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school.' })
  schoolId?: string | null;
}

@InputType('UpdateMeetingSeriesInput')
export class UpdateMeetingSeriesInput extends MeetingFieldsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That meeting does not exist.' }) id!: string;
  @Field(() => Int, { description: 'MeetingSeries.revision you changed.' })
  @IsInt()
  @Min(1)
  revision!: number;
}

@InputType('EditOccurrenceInput')
export class EditOccurrenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'That meeting does not exist.' }) seriesId!: string;
  @Field(() => String) @Matches(DATE, { message: 'That meeting does not exist.' }) key!: string;
  @Field(() => OccurrenceEditScope)
  @IsIn(Object.values(OccurrenceEditScope), { message: 'Choose this meeting or this and following.' })
  scope!: OccurrenceEditScope;
  @Field(() => String, { nullable: true, description: 'Move to this date (THIS only).' })
  @IsOptional()
  @Matches(DATE, { message: 'Give the new date as a date.' })
  date?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: 'Give the start time as HH:MM.' })
  startTime?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minutes?: number | null;
  @Field(() => MeetingModeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(MeetingMode))
  mode?: MeetingMode | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.locationMax, { message: `Keep the place to ${MEETING_LIMITS.locationMax} characters.` })
  location?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.linkMax, { message: `Keep the link to ${MEETING_LIMITS.linkMax} characters.` })
  onlineLink?: string | null;
  @Field(() => String, { nullable: true, description: 'THIS_AND_FOLLOWING only.' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.titleMax, { message: `Keep the title to ${MEETING_LIMITS.titleMax} characters.` })
  title?: string | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('AttendanceEntryInput')
export class AttendanceEntryInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose people from the list.' }) userId!: string;
  @Field(() => Boolean) @IsBoolean() attended!: boolean;
}

@InputType('RecordAttendanceInput')
export class RecordAttendanceInput {
  @Field(() => ID) @IsUUID('all', { message: 'That meeting does not exist.' }) seriesId!: string;
  @Field(() => String) @Matches(DATE, { message: 'That meeting does not exist.' }) key!: string;
  @Field(() => [AttendanceEntryInput])
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries!: AttendanceEntryInput[];
}

@InputType('TermInput')
export class TermInput {
  @Field(() => String) @IsString() @MaxLength(80, { message: 'Keep a term’s name to 80 characters.' }) name!: string;
  @Field(() => String) @Matches(DATE, { message: 'Give the first day of the term as a date.' }) starts!: string;
  @Field(() => String) @Matches(DATE, { message: 'Give the last day of the term as a date.' }) ends!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'Give the first day of the half term as a date.' })
  halfTermStarts?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'Give the last day of the half term as a date.' })
  halfTermEnds?: string | null;
}

@InputType('SetTermsInput')
export class SetTermsInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a local authority.' })
  localAuthorityId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school.' })
  schoolId?: string | null;
  @Field(() => [TermInput])
  @IsArray()
  @ArrayMaxSize(12, { message: 'Give at most 12 terms.' })
  @ValidateNested({ each: true })
  @Type(() => TermInput)
  terms!: TermInput[];
}

