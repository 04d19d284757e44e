import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MailAttachment } from './mail.service';

/** Mail kept for the development outbox page when no SMTP server is configured. */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'to_address' }) to!: string;
  @Column('text') subject!: string;
  @Column('text') text!: string;
  /** Attached files (e.g. a meeting's .ics), kept as text. */
  @Column('jsonb') attachments!: MailAttachment[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
