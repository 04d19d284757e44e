import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor (TOTP) for everyone who reads case data.
 *  - user_second_factors: one per person; the secret encrypted (AES-256-GCM, SECOND_FACTOR_KEY);
 *    confirmed_at is null while enrolment waits for the first code; last_step is the newest time
 *    step accepted, so a code is never accepted twice (replay).
 *  - second_factor_recovery_codes: ten single-use codes, stored only as an HMAC.
 *  - sessions.elevated_until: when this session's elevation ends (null: not elevated).
 *  - remembered_devices: "remember this device for 30 days"; only the token's SHA-256 is stored.
 * Ending an elevation (a reset) bumps auth_epoch, so open sockets are checked again at once.
 */
export class SecondFactor1765970000000 implements MigrationInterface {
  name = 'SecondFactor1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_second_factors (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        last_step bigint,
        last_used_at timestamptz
      );
      CREATE TABLE second_factor_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        UNIQUE (user_id, code_hash)
      );
      CREATE INDEX second_factor_recovery_codes_unused_idx
        ON second_factor_recovery_codes (user_id) WHERE used_at IS NULL;
      ALTER TABLE sessions ADD COLUMN elevated_until timestamptz;
      CREATE TABLE remembered_devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        user_agent text,
        CHECK (expires_at > created_at)
      );
      CREATE INDEX remembered_devices_user_idx ON remembered_devices (user_id);
      CREATE TRIGGER sessions_elevation_auth_epoch AFTER UPDATE OF elevated_until ON sessions
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER sessions_elevation_auth_epoch ON sessions;
      DROP TABLE remembered_devices;
      ALTER TABLE sessions DROP COLUMN elevated_until;
      DROP TABLE second_factor_recovery_codes;
      DROP TABLE user_second_factors;
    `);
  }
}
