import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FundingUnit } from '@lantern/shared-domain';

@Entity('local_authorities')
export class LocalAuthorityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'funding_unit' }) fundingUnit!: FundingUnit;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('funding_bands')
export class FundingBandEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'local_authority_id' }) localAuthorityId!: string;
  @Column('text') label!: string;
  /** Annual value in pence, so money is never a float in the database. */
  @Column('int', { name: 'annual_value_pence' }) annualValuePence!: number;
  @Column('int') position!: number;
}

@Entity('national_averages')
export class NationalAverageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') phase!: string;
  /** Percentages with one decimal place, kept as tenths of a percent (35 = 3.5%). */
  @Column('int', { name: 'ehcp_per_mille' }) ehcpPerMille!: number;
  @Column('int', { name: 'sen_support_per_mille' }) senSupportPerMille!: number;
  @Column('text') source!: string;
}
