import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in is no longer locked per email (five wrong passwords from anywhere locked the owner out: a
 * denial of service anyone could cause). Attempts are throttled per account and source address by
 * the one throttler (@nestjs/throttler, Redis when configured), so the lock table goes.
 */
export class DropLoginLock1765500000000 implements MigrationInterface {
  name = 'DropLoginLock1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        email_key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }
}
