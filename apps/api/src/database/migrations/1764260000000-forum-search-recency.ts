import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search by date: a very common word (over 1,000 matches) is answered newest first, read in date
 * order until a page is full instead of ranking every match; the same indexes serve the search's
 * "posted from / until" filters.
 */
export class ForumSearchRecency1764260000000 implements MigrationInterface {
  name = 'ForumSearchRecency1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX forum_threads_recent_idx ON forum_threads (created_at DESC, id DESC);
      CREATE INDEX forum_replies_recent_idx ON forum_replies (created_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX forum_replies_recent_idx; DROP INDEX forum_threads_recent_idx;');
  }
}
