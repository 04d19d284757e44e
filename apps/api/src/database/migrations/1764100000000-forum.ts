import { MigrationInterface, QueryRunner } from 'typeorm';

export class Forum1764100000000 implements MigrationInterface {
  name = 'Forum1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forum_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        position integer NOT NULL DEFAULT 0,
        trust_id uuid REFERENCES trusts(id),
        roles text[],
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX forum_categories_position_idx ON forum_categories (position, name);

      CREATE TABLE forum_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category_id uuid NOT NULL REFERENCES forum_categories(id),
        author_id uuid NOT NULL REFERENCES users(id),
        anonymous boolean NOT NULL DEFAULT false,
        kind text NOT NULL CHECK (kind IN ('DISCUSSION', 'QUESTION')),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        body text NOT NULL CHECK (length(body) <= 20000),
        body_html text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        accepted_reply_id uuid,
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        hidden boolean NOT NULL DEFAULT false,
        reply_count integer NOT NULL DEFAULT 0,
        reply_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Millisecond precision: these appear in pagination cursors (see the millisecond-cursors migration).
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED
      );
      CREATE INDEX forum_threads_category_idx ON forum_threads (category_id, pinned DESC, last_activity_at DESC, id DESC);
      CREATE INDEX forum_threads_latest_idx ON forum_threads (last_activity_at DESC, id DESC);
      CREATE INDEX forum_threads_unanswered_idx ON forum_threads (created_at DESC) WHERE kind = 'QUESTION' AND accepted_reply_id IS NULL;
      CREATE INDEX forum_threads_author_idx ON forum_threads (author_id);
      CREATE INDEX forum_threads_tags_idx ON forum_threads USING GIN (tags);
      CREATE INDEX forum_threads_search_idx ON forum_threads USING GIN (search);

      CREATE TABLE forum_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES forum_replies(id),
        author_id uuid NOT NULL REFERENCES users(id),
        anonymous boolean NOT NULL DEFAULT false,
        body text NOT NULL CHECK (length(body) <= 20000),
        body_html text NOT NULL,
        -- Materialised path of zero-padded per-thread sequence numbers: sorting by it gives the tree in order.
        path text NOT NULL,
        depth integer NOT NULL CHECK (depth >= 0),
        helpful_count integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden boolean NOT NULL DEFAULT false,
        search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', body), 'B')) STORED,
        UNIQUE (thread_id, path)
      );
      CREATE INDEX forum_replies_top_idx ON forum_replies (thread_id, created_at, id) WHERE depth = 0;
      CREATE INDEX forum_replies_parent_idx ON forum_replies (parent_id);
      CREATE INDEX forum_replies_author_idx ON forum_replies (author_id);
      CREATE INDEX forum_replies_search_idx ON forum_replies USING GIN (search);
      ALTER TABLE forum_threads ADD CONSTRAINT forum_threads_accepted_fk FOREIGN KEY (accepted_reply_id) REFERENCES forum_replies(id);

      CREATE TABLE forum_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        reply_id uuid REFERENCES forum_replies(id) ON DELETE CASCADE,
        editor_id uuid NOT NULL REFERENCES users(id),
        title text,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX forum_revisions_post_idx ON forum_revisions (thread_id, reply_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE forum_revisions; ALTER TABLE forum_threads DROP CONSTRAINT forum_threads_accepted_fk; DROP TABLE forum_replies, forum_threads, forum_categories;',
    );
  }
}
