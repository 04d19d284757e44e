import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reading mode, stored with each person's account (only they read or change it). */
export class ReadingPreferences1765200000000 implements MigrationInterface {
  name = 'ReadingPreferences1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN reading_font boolean NOT NULL DEFAULT false,
        ADD COLUMN reading_text_size text NOT NULL DEFAULT 'STANDARD'
          CONSTRAINT users_reading_text_size_check CHECK (reading_text_size IN ('STANDARD', 'LARGE', 'LARGER')),
        ADD COLUMN reading_wide_spacing boolean NOT NULL DEFAULT false,
        ADD COLUMN reading_tint text NOT NULL DEFAULT 'NONE'
          CONSTRAINT users_reading_tint_check CHECK (reading_tint IN ('NONE', 'CREAM', 'BLUE', 'GREEN')),
        ADD COLUMN reduce_motion boolean NOT NULL DEFAULT false
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        DROP COLUMN reading_font,
        DROP COLUMN reading_text_size,
        DROP COLUMN reading_wide_spacing,
        DROP COLUMN reading_tint,
        DROP COLUMN reduce_motion
    `);
  }
}
