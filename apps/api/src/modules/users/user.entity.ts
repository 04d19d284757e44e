import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Always stored lower-case and trimmed (normaliseEmail). */
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('timestamptz', { name: 'deactivated_at', nullable: true }) deactivatedAt!: Date | null;
  @Column('boolean', { name: 'show_presence', default: true }) showPresence!: boolean;
  // Reading mode (migration 1765200000000); values are the shared ReadingTextSize / ReadingTint.
  @Column('boolean', { name: 'reading_font', default: false }) readingFont!: boolean;
  @Column('text', { name: 'reading_text_size', default: 'STANDARD' }) readingTextSize!: string;
  @Column('boolean', { name: 'reading_wide_spacing', default: false }) readingWideSpacing!: boolean;
  @Column('text', { name: 'reading_tint', default: 'NONE' }) readingTint!: string;
  @Column('boolean', { name: 'reduce_motion', default: false }) reduceMotion!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
