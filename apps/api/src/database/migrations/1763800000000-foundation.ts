import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE networks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE local_authorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        funding_unit text NOT NULL CHECK (funding_unit IN ('HOURS', 'BAND')),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE funding_bands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        local_authority_id uuid NOT NULL REFERENCES local_authorities(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
        annual_value_pence integer NOT NULL CHECK (annual_value_pence >= 0),
        position integer NOT NULL,
        UNIQUE (local_authority_id, label),
        UNIQUE (local_authority_id, position)
      );

      CREATE TABLE national_averages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase text NOT NULL UNIQUE CHECK (phase IN ('PRIMARY', 'SECONDARY')),
        ehcp_per_mille integer NOT NULL CHECK (ehcp_per_mille BETWEEN 0 AND 1000),
        sen_support_per_mille integer NOT NULL CHECK (sen_support_per_mille BETWEEN 0 AND 1000),
        source text NOT NULL
      );

      CREATE TABLE trusts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (network_id, name)
      );
      CREATE INDEX trusts_network_idx ON trusts (network_id);

      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trust_id uuid NOT NULL REFERENCES trusts(id),
        local_authority_id uuid NOT NULL REFERENCES local_authorities(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        phase text NOT NULL CHECK (phase IN ('INFANT', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL')),
        number_on_roll integer NOT NULL CHECK (number_on_roll >= 0),
        ehcp_count integer NOT NULL CHECK (ehcp_count >= 0),
        sen_support_count integer NOT NULL CHECK (sen_support_count >= 0),
        census_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ehcp_count + sen_support_count <= number_on_roll)
      );
      CREATE INDEX schools_trust_idx ON schools (trust_id, name);
      CREATE INDEX schools_la_idx ON schools (local_authority_id);
      CREATE INDEX schools_phase_idx ON schools (phase);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE INDEX users_display_name_idx ON users (lower(display_name), id);

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('NETWORK_ADMIN','TRUST_LEADER','TRUST_SEND_LEAD','HEADTEACHER','SENCO','STAFF')),
        trust_id uuid REFERENCES trusts(id),
        school_id uuid REFERENCES schools(id),
        granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (role = 'NETWORK_ADMIN' AND trust_id IS NULL AND school_id IS NULL) OR
          (role IN ('TRUST_LEADER','TRUST_SEND_LEAD') AND trust_id IS NOT NULL AND school_id IS NULL) OR
          (role IN ('HEADTEACHER','SENCO','STAFF') AND trust_id IS NULL AND school_id IS NOT NULL)
        )
      );
      CREATE UNIQUE INDEX memberships_unique_grant ON memberships
        (user_id, role, COALESCE(trust_id, '00000000-0000-0000-0000-000000000000'::uuid),
                        COALESCE(school_id, '00000000-0000-0000-0000-000000000000'::uuid));
      CREATE INDEX memberships_user_idx ON memberships (user_id);
      CREATE INDEX memberships_trust_idx ON memberships (trust_id) WHERE trust_id IS NOT NULL;
      CREATE INDEX memberships_school_idx ON memberships (school_id) WHERE school_id IS NOT NULL;

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      );
      CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE login_throttle (
        email_key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      );

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email))),
        role text NOT NULL,
        trust_id uuid REFERENCES trusts(id),
        school_id uuid REFERENCES schools(id),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz
      );
      CREATE INDEX invitations_email_idx ON invitations (email);
      CREATE INDEX invitations_created_idx ON invitations (created_at DESC, id DESC);
      CREATE INDEX invitations_trust_idx ON invitations (trust_id) WHERE trust_id IS NOT NULL;
      CREATE INDEX invitations_school_idx ON invitations (school_id) WHERE school_id IS NOT NULL;

      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_label text NOT NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        summary text NOT NULL,
        ip text,
        trust_id uuid,
        school_id uuid
      );
      CREATE INDEX audit_created_idx ON audit_entries (created_at DESC, id DESC);
      CREATE INDEX audit_trust_idx ON audit_entries (trust_id, created_at DESC) WHERE trust_id IS NOT NULL;
      CREATE INDEX audit_school_idx ON audit_entries (school_id, created_at DESC) WHERE school_id IS NOT NULL;
      CREATE INDEX audit_action_idx ON audit_entries (action, created_at DESC);

      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbox_created_idx ON outbox_messages (created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE outbox_messages, audit_entries, invitations, login_throttle, sessions, memberships, users,
        schools, trusts, national_averages, funding_bands, local_authorities, networks;
    `);
  }
}
