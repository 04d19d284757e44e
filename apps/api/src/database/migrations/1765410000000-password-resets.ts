import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service password reset: a single-use link that expires after 30 minutes. Only the SHA-256 of
 * the token is stored; a used or superseded token has used_at set.
 */
export class PasswordResets1765410000000 implements MigrationInterface {
  name = 'PasswordResets1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      );
      CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE password_resets');
  }
}
