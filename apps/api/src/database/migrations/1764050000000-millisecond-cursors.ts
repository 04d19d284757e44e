import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pagination puts timestamps in cursors, and JavaScript dates hold milliseconds while
 * PostgreSQL keeps microseconds: a cursor would then fall between rows and repeat or skip one at a
 * page edge. Timestamps used in cursors are kept to the millisecond instead.
 */
export class MillisecondCursors1764050000000 implements MigrationInterface {
  name = 'MillisecondCursors1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_entries ALTER COLUMN created_at TYPE timestamptz(3);
      ALTER TABLE invitations ALTER COLUMN created_at TYPE timestamptz(3);
      ALTER TABLE notifications ALTER COLUMN created_at TYPE timestamptz(3);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_entries ALTER COLUMN created_at TYPE timestamptz;
      ALTER TABLE invitations ALTER COLUMN created_at TYPE timestamptz;
      ALTER TABLE notifications ALTER COLUMN created_at TYPE timestamptz;
    `);
  }
}
