import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus, DatedConcern, SenNeed, SenStatus } from '@lantern/shared-domain';

/** A school's pseudonymous case (case data: canAccessCaseData). */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('text') reference!: string;
  /** The year group on `yearGroupOn`; it moves up each 1 September (currentYearGroup). */
  @Column('smallint', { name: 'year_group' }) yearGroup!: number;
  @Column('date', { name: 'year_group_on' }) yearGroupOn!: string;
  @Column('text', { name: 'sen_status' }) senStatus!: SenStatus;
  @Column('text', { name: 'primary_need' }) primaryNeed!: SenNeed;
  @Column('text', { name: 'secondary_need', nullable: true }) secondaryNeed!: SenNeed | null;
  @Column('text') status!: CaseStatus;
  @Column('jsonb') concerns!: DatedConcern[];
  /** The kinds in `concerns`, for the concern filter (GIN index). */
  @Column('text', { name: 'concern_kinds', array: true }) concernKinds!: string[];
  /** The earliest date among `concerns`, for the "needs attention" sort. */
  @Column('date', { name: 'next_concern_on', nullable: true }) nextConcernOn!: string | null;
  @Column('int') revision!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One version of a dated note in a case's log. Append-only: an edit adds the next version. */
@Entity('case_log_entries')
export class CaseLogEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'note_id' }) noteId!: string;
  @Column('int') version!: number;
  @Column('date', { name: 'happened_on' }) happenedOn!: string;
  @Column('text') body!: string;
  @Column('uuid', { name: 'written_by' }) writtenBy!: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt!: Date;
}

export const CASELOAD_ENTITIES = [CaseEntity, CaseLogEntryEntity];
