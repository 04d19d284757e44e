import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingMode, RecurrenceKind, RsvpAnswer } from '@lantern/shared-domain';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };

export enum MeetingScopeKind {
  NETWORK = 'NETWORK',
  TRUST = 'TRUST',
  SCHOOL = 'SCHOOL',
}
export enum OccurrenceEditScope {
  THIS = 'THIS',
  THIS_AND_FOLLOWING = 'THIS_AND_FOLLOWING',
}
export enum TermSource {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  SCHOOL = 'SCHOOL',
}
export const MeetingModeEnum = mirror(MeetingMode);
export const RsvpAnswerEnum = mirror(RsvpAnswer);
export const RecurrenceKindEnum = mirror(RecurrenceKind);
registerEnumType(MeetingModeEnum, { name: 'MeetingMode' });
registerEnumType(RsvpAnswerEnum, { name: 'RsvpAnswer' });
registerEnumType(RecurrenceKindEnum, {
  name: 'RecurrenceKind',
  description: 'NONE (one-off), WEEKLY (interval 1 or 2), MONTHLY_WEEKDAY (e.g. 2nd Tuesday), DATES (explicit).',
});
registerEnumType(MeetingScopeKind, { name: 'MeetingScopeKind' });
registerEnumType(OccurrenceEditScope, { name: 'OccurrenceEditScope' });
registerEnumType(TermSource, { name: 'TermSource' });

@ObjectType('MeetingPerson')
export class MeetingPersonModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType('MeetingSchool')
export class MeetingSchoolModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) localAuthorityName!: string | null;
}

@ObjectType('MeetingRecurrence')
export class MeetingRecurrenceModel {
  @Field(() => RecurrenceKindEnum) kind!: RecurrenceKind;
  @Field(() => Int, { nullable: true, description: 'WEEKLY: 1 every week, 2 every other week.' })
  interval!: number | null;
  @Field(() => Int, { nullable: true, description: 'MONTHLY_WEEKDAY: 1–4, or -1 for the last.' })
  week!: number | null;
  @Field(() => [String], { description: 'DATES: the dates (YYYY-MM-DD).' }) dates!: string[];
}

@ObjectType('RsvpCounts')
export class RsvpCountsModel {
  @Field(() => Int) inPerson!: number;
  @Field(() => Int) online!: number;
  @Field(() => Int) apologies!: number;
}

@ObjectType('MeetingSeries', { description: 'A meeting or a series of them, in London local time.' })
export class MeetingSeriesModel {
  @Field(() => ID) id!: string;
  @Field(() => MeetingScopeKind) scopeKind!: MeetingScopeKind;
  @Field(() => ID, { nullable: true }) trustId!: string | null;
  @Field(() => String, { nullable: true }) trustName!: string | null;
  @Field(() => ID, { nullable: true }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => MeetingModeEnum) mode!: MeetingMode;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true }) onlineLink!: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD (London).' }) firstDate!: string;
  @Field(() => String, { description: 'HH:MM (London wall clock).' }) startTime!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => MeetingRecurrenceModel) recurrence!: MeetingRecurrenceModel;
  @Field(() => String, { nullable: true }) until!: string | null;
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => MeetingPersonModel) chair!: MeetingPersonModel;
  @Field(() => MeetingPersonModel, { nullable: true }) noteTaker!: MeetingPersonModel | null;
  @Field(() => MeetingPersonModel) organiser!: MeetingPersonModel;
  @Field(() => [MeetingPersonModel]) guests!: MeetingPersonModel[];
  @Field(() => [MeetingSchoolModel], { description: 'The host rotation, in turn.' })
  hostSchools!: MeetingSchoolModel[];
  @Field(() => Int, { description: 'Send it back with an update (optimistic concurrency).' })
  revision!: number;
  @Field(() => Int, { description: 'The calendar SEQUENCE.' }) sequence!: number;
  @Field(() => ID, { nullable: true, description: 'The series this one continues ("this and following").' })
  splitFrom!: string | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => RsvpAnswerEnum, { nullable: true, description: "The viewer's answer for the whole series." })
  myRsvp!: RsvpAnswer | null;
  @Field(() => Boolean) canManage!: boolean;
  @Field(() => Boolean) canMinute!: boolean;
  @Field(() => Boolean) canTakePart!: boolean;
}

@ObjectType('MeetingOccurrence', { description: 'One meeting of a series, after its exceptions.' })
export class MeetingOccurrenceModel {
  @Field(() => ID) seriesId!: string;
  @Field(() => String, { description: 'The date the pattern gave it (YYYY-MM-DD): stable when moved.' })
  key!: string;
  @Field(() => ID, { nullable: true, description: 'Set once it has something of its own.' })
  occurrenceId!: string | null;
  @Field(() => String) title!: string;
  @Field(() => MeetingScopeKind) scopeKind!: MeetingScopeKind;
  @Field(() => String, { nullable: true }) trustName!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => MeetingModeEnum) mode!: MeetingMode;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true }) onlineLink!: string | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Int) minutes!: number;
  @Field(() => Boolean) cancelled!: boolean;
  @Field(() => Boolean, { description: 'Moved or changed on its own.' }) changed!: boolean;
  @Field(() => MeetingSchoolModel, { nullable: true }) host!: MeetingSchoolModel | null;
  @Field(() => Boolean) hostSkipped!: boolean;
  @Field(() => RsvpAnswerEnum, { nullable: true, description: "The viewer's answer (this meeting's, else the series')." })
  myRsvp!: RsvpAnswer | null;
  @Field(() => RsvpCountsModel) rsvpCounts!: RsvpCountsModel;
  @Field(() => Boolean) canManage!: boolean;
  @Field(() => Boolean) canMinute!: boolean;
  @Field(() => Boolean) canTakePart!: boolean;
}

@ObjectType('MeetingOccurrenceList')
export class MeetingOccurrenceListModel {
  @Field(() => [MeetingOccurrenceModel]) nodes!: MeetingOccurrenceModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('MeetingAttendee')
export class MeetingAttendeeModel {
  @Field(() => MeetingPersonModel) person!: MeetingPersonModel;
  @Field(() => RsvpAnswerEnum, { nullable: true }) answer!: RsvpAnswer | null;
  @Field(() => Boolean, { nullable: true, description: 'Recorded after the meeting (null: not recorded).' })
  attended!: boolean | null;
  @Field(() => [MeetingSchoolModel], { description: "The person's schools, with their local authorities." })
  schools!: MeetingSchoolModel[];
}

@ObjectType('MeetingModeBalance')
export class MeetingModeBalanceModel {
  @Field(() => String, { description: 'The term (or school year) counted.' }) period!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => Int) inPerson!: number;
  @Field(() => Int) online!: number;
  @Field(() => Int) hybrid!: number;
}

@ObjectType('Term')
export class TermModel {
  @Field(() => String) name!: string;
  @Field(() => String) starts!: string;
  @Field(() => String) ends!: string;
  @Field(() => String, { nullable: true }) halfTermStarts!: string | null;
  @Field(() => String, { nullable: true }) halfTermEnds!: string | null;
}

@ObjectType('TermDates')
export class TermDatesModel {
  @Field(() => TermSource) source!: TermSource;
  @Field(() => [TermModel]) terms!: TermModel[];
}

@ObjectType('CalendarFeedStatus')
export class CalendarFeedStatusModel {
  @Field(() => Boolean) active!: boolean;
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
}

@ObjectType('CalendarFeedUrl')
export class CalendarFeedUrlModel {
  @Field(() => String, { description: 'Shown once: subscribe to it in Outlook or Google Calendar.' })
  url!: string;
}
