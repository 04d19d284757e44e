import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AgendaItemStatus, AgendaPurpose, MeetingMode, PollAnswer, RsvpAnswer } from '@lantern/shared-domain';

/** Term dates of a local authority, or of a school that sets its own. */
@Entity('terms')
export class TermEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'local_authority_id', nullable: true }) localAuthorityId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') name!: string;
  @Column('date') starts!: string;
  @Column('date') ends!: string;
  @Column('date', { name: 'half_term_starts', nullable: true }) halfTermStarts!: string | null;
  @Column('date', { name: 'half_term_ends', nullable: true }) halfTermEnds!: string | null;
}

/** A meeting or a series of them (a one-off is a series without a pattern), in London local time. */
@Entity('meeting_series')
export class MeetingSeriesEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'scope_kind' }) scopeKind!: 'NETWORK' | 'TRUST' | 'SCHOOL';
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text') mode!: MeetingMode;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text', { name: 'online_link', nullable: true }) onlineLink!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('date', { name: 'first_date' }) firstDate!: string;
  /** HH:MM:SS as PostgreSQL returns a time. */
  @Column('time', { name: 'start_time' }) startTime!: string;
  @Column('int') minutes!: number;
  @Column('text', { nullable: true }) rrule!: string | null;
  @Column('date', { array: true }) rdates!: string[];
  @Column('date', { nullable: true }) until!: string | null;
  @Column('int', { nullable: true }) count!: number | null;
  @Column('uuid', { name: 'chair_id' }) chairId!: string;
  @Column('uuid', { name: 'note_taker_id', nullable: true }) noteTakerId!: string | null;
  @Column('uuid', { name: 'organiser_id' }) organiserId!: string;
  @Column('uuid', { name: 'host_school_ids', array: true }) hostSchoolIds!: string[];
  @Column('text') uid!: string;
  @Column('int') sequence!: number;
  @Column('int') revision!: number;
  @Column('uuid', { name: 'split_from', nullable: true }) splitFrom!: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('meeting_guests')
export class MeetingGuestEntity {
  @PrimaryColumn('uuid', { name: 'series_id' }) seriesId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
}

/** An occurrence with something of its own (an exception, an agenda, minutes), keyed by its pattern date. */
@Entity('meeting_occurrences')
export class MeetingOccurrenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'series_id' }) seriesId!: string;
  @Column('date') key!: string;
  @Column('boolean') cancelled!: boolean;
  @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt!: Date | null;
  @Column('int', { nullable: true }) minutes!: number | null;
  @Column('text', { nullable: true }) mode!: MeetingMode | null;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text', { name: 'online_link', nullable: true }) onlineLink!: string | null;
  @Column('uuid', { name: 'host_school_id', nullable: true }) hostSchoolId!: string | null;
  @Column('boolean', { name: 'host_skipped' }) hostSkipped!: boolean;
  @Column('timestamptz', { name: 'papers_due_at', nullable: true }) papersDueAt!: Date | null;
  @Column('timestamptz', { name: 'agenda_published_at', nullable: true }) agendaPublishedAt!: Date | null;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('uuid', { name: 'current_item_id', nullable: true }) currentItemId!: string | null;
  @Column('timestamptz', { name: 'current_item_started_at', nullable: true }) currentItemStartedAt!: Date | null;
  @Column('timestamptz', { name: 'minutes_published_at', nullable: true }) minutesPublishedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** An answer for the whole series (key null) or one occurrence (which wins). */
@Entity('meeting_rsvps')
export class MeetingRsvpEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'series_id' }) seriesId!: string;
  @Column('date', { nullable: true }) key!: string | null;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') answer!: RsvpAnswer;
  @Column('timestamptz', { name: 'answered_at' }) answeredAt!: Date;
}

@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @PrimaryColumn('uuid', { name: 'occurrence_id' }) occurrenceId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('boolean') attended!: boolean;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}

@Entity('meeting_agenda_items')
export class MeetingAgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'occurrence_id' }) occurrenceId!: string;
  @Column('text') title!: string;
  @Column('text') purpose!: AgendaPurpose;
  @Column('uuid', { name: 'presenter_id', nullable: true }) presenterId!: string | null;
  @Column('int') minutes!: number;
  @Column('uuid', { name: 'resource_id', nullable: true }) resourceId!: string | null;
  @Column('uuid', { name: 'thread_id', nullable: true }) threadId!: string | null;
  @Column('text') status!: AgendaItemStatus;
  @Column('int') position!: number;
  /** The item that approves the minutes of this earlier occurrence (first item of a series meeting). */
  @Column('uuid', { name: 'approves_minutes_of', nullable: true }) approvesMinutesOf!: string | null;
  /** The item's minutes (markdown). */
  @Column('text') notes!: string;
  @Column('text') decisions!: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('meeting_item_papers')
export class MeetingItemPaperEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId!: string;
  @PrimaryColumn('uuid', { name: 'file_id' }) fileId!: string;
  @Column('uuid', { name: 'added_by' }) addedBy!: string;
  @Column('timestamptz', { name: 'added_at' }) addedAt!: Date;
}

@Entity('meeting_polls')
export class MeetingPollEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organiser_id' }) organiserId!: string;
  @Column('text', { name: 'scope_kind' }) scopeKind!: 'NETWORK' | 'TRUST' | 'SCHOOL';
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') title!: string;
  @Column('text') mode!: MeetingMode;
  @Column('int') minutes!: number;
  @Column('text') status!: 'OPEN' | 'DECIDED' | 'CANCELLED';
  @Column('uuid', { name: 'chosen_slot_id', nullable: true }) chosenSlotId!: string | null;
  @Column('uuid', { name: 'series_id', nullable: true }) seriesId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('meeting_poll_slots')
export class MeetingPollSlotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'poll_id' }) pollId!: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
}

@Entity('meeting_poll_invitees')
export class MeetingPollInviteeEntity {
  @PrimaryColumn('uuid', { name: 'poll_id' }) pollId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
}

@Entity('meeting_poll_answers')
export class MeetingPollAnswerEntity {
  @PrimaryColumn('uuid', { name: 'slot_id' }) slotId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') answer!: PollAnswer;
  @Column('timestamptz', { name: 'answered_at' }) answeredAt!: Date;
}

/** A person's secret calendar feed token (only its SHA-256 is stored). */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export const MEETING_ENTITIES = [
  TermEntity,
  MeetingSeriesEntity,
  MeetingGuestEntity,
  MeetingOccurrenceEntity,
  MeetingRsvpEntity,
  MeetingAttendanceEntity,
  MeetingAgendaItemEntity,
  MeetingItemPaperEntity,
  MeetingPollEntity,
  MeetingPollSlotEntity,
  MeetingPollInviteeEntity,
  MeetingPollAnswerEntity,
  CalendarFeedEntity,
];
