import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hiding or moving a thread, or narrowing who sees a category, changes who may read a thread's live
 * stream: move the auth epoch so real-time processes recheck their sockets at the next tick (half a
 * second) instead of at the next full check (30 s).
 */
export class ForumLiveAccess1764250000000 implements MigrationInterface {
  name = 'ForumLiveAccess1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER forum_threads_auth_epoch AFTER UPDATE OF hidden, category_id ON forum_threads
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
      CREATE TRIGGER forum_categories_auth_epoch AFTER UPDATE OF trust_id, roles OR DELETE ON forum_categories
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER forum_categories_auth_epoch ON forum_categories;
      DROP TRIGGER forum_threads_auth_epoch ON forum_threads;
    `);
  }
}
