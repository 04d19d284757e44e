import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';

/** A school's supervision session (case data; canSeeSupervision / canJoinSupervision). */
@Entity('supervision_sessions')
export class SupervisionSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('uuid', { name: 'trust_id' }) trustId!: string;
  @Column('text') title!: string;
  @Column('text') status!: SupervisionStatus;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('int') minutes!: number;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text', { name: 'online_link', nullable: true }) onlineLink!: string | null;
  @Column('uuid', { name: 'chair_id' }) chairId!: string;
  @Column('uuid', { name: 'current_case_id', nullable: true }) currentCaseId!: string | null;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('timestamptz', { name: 'reminded_at', nullable: true }) remindedAt!: Date | null;
  @Column('int') revision!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** Who takes part in a session and as what; how far they have read its room. */
@Entity('supervision_participants')
export class SupervisionParticipantEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: SupervisionRole;
  @Column('bigint', { name: 'last_read_seq', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastReadSeq!: number;
  @Column('timestamptz', { name: 'invited_at' }) invitedAt!: Date;
}

/** A case on a session's agenda: the question to bring, then the summary and decisions. */
@Entity('supervision_agenda_items')
export class SupervisionAgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') position!: number;
  @Column('text') question!: string;
  @Column('text') summary!: string;
  @Column('text') decisions!: string;
  @Column('uuid', { name: 'added_by' }) addedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** The record of a session: a snapshot both sides sign; final once signed (a trigger refuses changes). */
@Entity('supervision_records')
export class SupervisionRecordEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('jsonb') content!: unknown;
  @Column('int') revision!: number;
  @Column('uuid', { name: 'drafted_by' }) draftedBy!: string;
  @Column('timestamptz', { name: 'drafted_at' }) draftedAt!: Date;
  @Column('uuid', { name: 'senco_signed_by', nullable: true }) sencoSignedBy!: string | null;
  @Column('timestamptz', { name: 'senco_signed_at', nullable: true }) sencoSignedAt!: Date | null;
  @Column('uuid', { name: 'lead_signed_by', nullable: true }) leadSignedBy!: string | null;
  @Column('timestamptz', { name: 'lead_signed_at', nullable: true }) leadSignedAt!: Date | null;
  @Column('timestamptz', { name: 'signed_at', nullable: true }) signedAt!: Date | null;
}

/** A dated correction to a signed record, signed by both sides the same way. */
@Entity('supervision_record_addenda')
export class SupervisionAddendumEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'record_id' }) recordId!: string;
  @Column('text') body!: string;
  @Column('uuid', { name: 'written_by' }) writtenBy!: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt!: Date;
  @Column('uuid', { name: 'senco_signed_by', nullable: true }) sencoSignedBy!: string | null;
  @Column('timestamptz', { name: 'senco_signed_at', nullable: true }) sencoSignedAt!: Date | null;
  @Column('uuid', { name: 'lead_signed_by', nullable: true }) leadSignedBy!: string | null;
  @Column('timestamptz', { name: 'lead_signed_at', nullable: true }) leadSignedAt!: Date | null;
  @Column('timestamptz', { name: 'signed_at', nullable: true }) signedAt!: Date | null;
}

export const SUPERVISION_ENTITIES = [
  SupervisionSessionEntity,
  SupervisionParticipantEntity,
  SupervisionAgendaItemEntity,
  SupervisionRecordEntity,
  SupervisionAddendumEntity,
];
