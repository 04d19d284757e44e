import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Phase } from '@lantern/shared-domain';

@Entity('schools')
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'trust_id' }) trustId!: string;
  @Column('uuid', { name: 'local_authority_id' }) localAuthorityId!: string;
  @Column('text') name!: string;
  @Column('text') phase!: Phase;
  @Column('int', { name: 'number_on_roll' }) numberOnRoll!: number;
  @Column('int', { name: 'ehcp_count' }) ehcpCount!: number;
  @Column('int', { name: 'sen_support_count' }) senSupportCount!: number;
  /** ISO date (YYYY-MM-DD) of the census the figures come from. */
  @Column('date', { name: 'census_date' }) censusDate!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
