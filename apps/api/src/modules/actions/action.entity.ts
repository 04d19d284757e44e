import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionSourceKind, ActionStatus } from '@lantern/shared-domain';

/** An action: owner, due date (a London date), status, and the record it came from. */
@Entity('actions')
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'source_kind' }) sourceKind!: ActionSourceKind;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  /** For case-data sources: where the record belongs, so the case-data rule can be applied in SQL. */
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('text') title!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  /** YYYY-MM-DD. */
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column('text') status!: ActionStatus;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** A case action raised in a supervision session: the session it was raised in. */
  @Column('uuid', { name: 'supervision_session_id', nullable: true }) supervisionSessionId!: string | null;
  @Column('timestamptz', { name: 'reminded_soon_at', nullable: true }) remindedSoonAt!: Date | null;
  @Column('timestamptz', { name: 'reminded_overdue_at', nullable: true }) remindedOverdueAt!: Date | null;
}
