import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@lantern/shared-domain';

/** A role held in a scope. Trust roles carry trustId; school roles carry schoolId (the trust comes from the school). */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: Role;
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('uuid', { name: 'granted_by', nullable: true }) grantedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
