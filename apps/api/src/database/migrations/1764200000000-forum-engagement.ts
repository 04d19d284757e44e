import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForumEngagement1764200000000 implements MigrationInterface {
  name = 'ForumEngagement1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forum_reactions (
        reply_id uuid NOT NULL REFERENCES forum_replies(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('HELPFUL', 'THANKS')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reply_id, user_id, kind)
      );

      CREATE TABLE forum_bookmarks (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      );
      CREATE INDEX forum_bookmarks_user_idx ON forum_bookmarks (user_id, created_at DESC);

      CREATE TABLE forum_watches (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES forum_threads(id) ON DELETE CASCADE,
        category_id uuid REFERENCES forum_categories(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((thread_id IS NULL) <> (category_id IS NULL))
      );
      CREATE UNIQUE INDEX forum_watches_thread_key ON forum_watches (thread_id, user_id) WHERE thread_id IS NOT NULL;
      CREATE UNIQUE INDEX forum_watches_category_key ON forum_watches (category_id, user_id) WHERE category_id IS NOT NULL;

      CREATE TABLE forum_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        read_at timestamptz(3) NOT NULL,
        PRIMARY KEY (user_id, thread_id)
      );

      CREATE TABLE forum_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        reply_id uuid REFERENCES forum_replies(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolver_id uuid REFERENCES users(id) ON DELETE SET NULL,
        resolution text
      );
      CREATE INDEX forum_reports_open_idx ON forum_reports (created_at DESC) WHERE resolved_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE forum_reports, forum_reads, forum_watches, forum_bookmarks, forum_reactions;');
  }
}
