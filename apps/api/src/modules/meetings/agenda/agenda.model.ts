import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgendaItemStatus, AgendaPurpose } from '@lantern/shared-domain';
import { ActionModel } from '../../actions/action.model';
import { MeetingPersonModel } from '../meeting.model';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
export const AgendaPurposeEnum = mirror(AgendaPurpose);
export const AgendaItemStatusEnum = mirror(AgendaItemStatus);
registerEnumType(AgendaPurposeEnum, { name: 'AgendaPurpose', description: 'INFORM, DISCUSS or DECIDE.' });
registerEnumType(AgendaItemStatusEnum, { name: 'AgendaItemStatus' });

@ObjectType('MeetingLinkedRecord', { description: 'A library resource or forum thread an item links to.' })
export class MeetingLinkedRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}

@ObjectType('MeetingPaper', {
  description: 'A file attached to an agenda item (download it from /files/:id).',
})
export class MeetingPaperModel {
  @Field(() => ID) fileId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) size!: number;
  @Field(() => Date) addedAt!: Date;
}

@ObjectType('MeetingAgendaItem')
export class MeetingAgendaItemModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => AgendaPurposeEnum) purpose!: AgendaPurpose;
  @Field(() => MeetingPersonModel, { nullable: true }) presenter!: MeetingPersonModel | null;
  @Field(() => Int) minutes!: number;
  @Field(() => AgendaItemStatusEnum) status!: AgendaItemStatus;
  @Field(() => Int) position!: number;
  @Field(() => MeetingLinkedRecordModel, {
    nullable: true,
    description: 'Null when the viewer may not see it.',
  })
  resource!: MeetingLinkedRecordModel | null;
  @Field(() => MeetingLinkedRecordModel, {
    nullable: true,
    description: 'Null when the viewer may not read it.',
  })
  thread!: MeetingLinkedRecordModel | null;
  @Field(() => [MeetingPaperModel]) papers!: MeetingPaperModel[];
  @Field(() => ID, {
    nullable: true,
    description: 'The occurrence row whose minutes this item approves (the first item of a series meeting).',
  })
  approvesMinutesOf!: string | null;
  @Field(() => MeetingPersonModel) proposedBy!: MeetingPersonModel;
  @Field(() => String, {
    nullable: true,
    description: 'Minutes (markdown); null until published, except for the chair and note-taker.',
  })
  notes!: string | null;
  @Field(() => String, { nullable: true }) notesHtml!: string | null;
  @Field(() => String, { nullable: true, description: 'Decisions (markdown), as notes.' })
  decisions!: string | null;
  @Field(() => String, { nullable: true }) decisionsHtml!: string | null;
  @Field(() => Boolean, {
    description: 'The viewer may change it (the proposer while proposed; the chair or organiser).',
  })
  canEdit!: boolean;
}

@ObjectType('AgendaTiming')
export class AgendaTimingModel {
  @Field(() => Int, { description: 'Minutes of the accepted items.' }) totalMinutes!: number;
  @Field(() => Int) meetingMinutes!: number;
  @Field(() => Int) overMinutes!: number;
  @Field(() => Boolean, { description: 'The accepted items take longer than the meeting.' }) over!: boolean;
}

@ObjectType('MeetingAgenda', { description: 'One occurrence’s agenda, live state and minutes.' })
export class MeetingAgendaModel {
  @Field(() => ID) seriesId!: string;
  @Field(() => String) key!: string;
  @Field(() => ID) occurrenceId!: string;
  @Field(() => String) title!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) meetingMinutes!: number;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Papers are attached before this (the chair sets it).' })
  papersDueAt!: Date | null;
  @Field(() => [MeetingAgendaItemModel]) items!: MeetingAgendaItemModel[];
  @Field(() => AgendaTimingModel) timing!: AgendaTimingModel;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => ID, { nullable: true }) currentItemId!: string | null;
  @Field(() => Date, { nullable: true }) currentItemStartedAt!: Date | null;
  @Field(() => Date, { nullable: true }) minutesPublishedAt!: Date | null;
  @Field(() => [ActionModel], { description: 'Actions raised at this meeting.' }) actions!: ActionModel[];
  @Field(() => [ActionModel], {
    description: 'Unfinished actions of earlier meetings of the series (and the series it was split from).',
  })
  carriedForward!: ActionModel[];
  @Field(() => Boolean) canPropose!: boolean;
  @Field(() => Boolean) canManage!: boolean;
  @Field(() => Boolean) canMinute!: boolean;
  @Field(() => Boolean) canExportMinutes!: boolean;
}
