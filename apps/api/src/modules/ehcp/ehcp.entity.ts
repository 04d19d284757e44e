import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EhcpSectionKey, EhcpSectionStatus } from '@lantern/shared-domain';

/** A school's private EHCP draft (case data: see canAccessEhcpDraft). */
@Entity('ehcp_drafts')
export class EhcpDraftEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('uuid', { name: 'template_resource_id' }) templateResourceId!: string;
  @Column('uuid', { name: 'template_version_id' }) templateVersionId!: string;
  @Column('text', { name: 'template_title' }) templateTitle!: string;
  @Column('text', { name: 'pupil_reference' }) pupilReference!: string;
  /** The school's case for this pupil, when it has one (matched by reference). */
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('int') revision!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
}

/** One section of a draft: the template's title, guidance and prompts as copied, and the school's text. */
@Entity('ehcp_draft_sections')
export class EhcpDraftSectionEntity {
  @PrimaryColumn('uuid', { name: 'draft_id' }) draftId!: string;
  @PrimaryColumn('text') key!: EhcpSectionKey;
  @Column('text') title!: string;
  @Column('text') guidance!: string;
  @Column('text', { array: true }) prompts!: string[];
  @Column('text') text!: string;
  /** Chosen by the writers (migration 1765400000000); saving text moves NOT_STARTED to IN_PROGRESS. */
  @Column('text', { default: 'NOT_STARTED' }) state!: EhcpSectionStatus;
  @Column('int') revision!: number;
  @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt!: Date | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
}
