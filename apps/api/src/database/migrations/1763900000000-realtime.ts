import { MigrationInterface, QueryRunner } from 'typeorm';

export class Realtime1763900000000 implements MigrationInterface {
  name = 'Realtime1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE streams (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 200),
        last_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE stream_items (
        stream_key text NOT NULL REFERENCES streams(key) ON DELETE CASCADE,
        seq bigint NOT NULL,
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_key, seq),
        UNIQUE (stream_key, client_id)
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text,
        link text CHECK (link IS NULL OR link LIKE '/%'),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        digest boolean NOT NULL DEFAULT false,
        digested_at timestamptz
      );
      CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL;
      CREATE INDEX notifications_digest_due_idx ON notifications (recipient_id)
        WHERE digest AND read_at IS NULL AND digested_at IS NULL;

      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('IN_APP', 'DIGEST', 'OFF')),
        PRIMARY KEY (user_id, kind)
      );

      ALTER TABLE users ADD COLUMN show_presence boolean NOT NULL DEFAULT true;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP COLUMN show_presence;
      DROP TABLE notification_preferences, notifications, stream_items, streams;
    `);
  }
}
