import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per auditable event. Scope columns decide who may read it (see AuditService). */
@Entity('audit_entries')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId!: string | null;
  @Column('text', { name: 'actor_label' }) actorLabel!: string;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType!: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('text') summary!: string;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
}
