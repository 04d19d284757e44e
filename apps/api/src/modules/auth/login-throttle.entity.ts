import { Column, Entity } from 'typeorm';

/** Failed sign-ins per email (known or not), for temporary lock-out. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @Column('text', { primary: true, name: 'email_key' }) emailKey!: string;
  @Column('int') failures!: number;
  @Column('timestamptz', { name: 'window_started_at' }) windowStartedAt!: Date;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
}
