import { MigrationInterface, QueryRunner } from 'typeorm';

/** The clean-up of unattached uploads reads the oldest files first. */
export class FilesSweep1764600000000 implements MigrationInterface {
  name = 'FilesSweep1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX files_created_at_idx ON files (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX files_created_at_idx');
  }
}
