import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves whenever anything that decides socket access changes (a session revoked, a
 * user deactivated or hiding presence, a role granted or removed, a school moved between trusts).
 * Real-time processes read it twice a second and recheck their sockets only when it moved.
 */
export class AuthEpoch1764000000000 implements MigrationInterface {
  name = 'AuthEpoch1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_epoch (id int PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
      INSERT INTO auth_epoch (id, value) VALUES (1, 0);

      CREATE FUNCTION bump_auth_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE auth_epoch SET value = value + 1 WHERE id = 1;
        RETURN NULL;
      END $$;

      CREATE TRIGGER sessions_auth_epoch AFTER UPDATE OF revoked_at, expires_at OR DELETE ON sessions
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
      CREATE TRIGGER users_auth_epoch AFTER UPDATE OF deactivated_at, show_presence OR DELETE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
      CREATE TRIGGER memberships_auth_epoch AFTER INSERT OR UPDATE OR DELETE ON memberships
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
      CREATE TRIGGER schools_auth_epoch AFTER UPDATE OF trust_id ON schools
        FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER schools_auth_epoch ON schools;
      DROP TRIGGER memberships_auth_epoch ON memberships;
      DROP TRIGGER users_auth_epoch ON users;
      DROP TRIGGER sessions_auth_epoch ON sessions;
      DROP FUNCTION bump_auth_epoch();
      DROP TABLE auth_epoch;
    `);
  }
}
