import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseAccessKind } from '@lantern/shared-domain';

/** A read or change of a case or an EHCP draft, for the school's case-access log. */
@Entity('case_access_log')
export class CaseAccessEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'school_id' }) schoolId!: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('uuid', { name: 'ehcp_draft_id', nullable: true }) ehcpDraftId!: string | null;
  @Column('uuid', { name: 'actor_user_id' }) actorUserId!: string;
  @Column('text') kind!: CaseAccessKind;
  @Column('timestamptz') at!: Date;
}
