import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@lantern/shared-domain';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') role!: Role;
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text', { name: 'token_hash', select: false }) tokenHash!: string;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'accepted_user_id', nullable: true }) acceptedUserId!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
