import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationDelivery, NotificationKind } from '@lantern/shared-domain';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('text') kind!: NotificationKind;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) body!: string | null;
  /** A path inside Lantern, e.g. /admin/people. */
  @Column('text', { nullable: true }) link!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  /** Also goes in the daily email digest while unread. */
  @Column('boolean') digest!: boolean;
  @Column('timestamptz', { name: 'digested_at', nullable: true }) digestedAt!: Date | null;
}

@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') kind!: NotificationKind;
  @Column('text') delivery!: NotificationDelivery;
}
