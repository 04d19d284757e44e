import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live caseload supervision (ADR 12). Everything here is case data of one school.
 *
 * - supervision_sessions: one school's session, chaired by a participant; scheduled (starts_at,
 *   minutes, place or link) or started at once. `current_case_id` is the case everyone is on.
 *   `reminded_at`: the "starting in 15 minutes" notification went out (once, across processes).
 * - supervision_participants: who takes part and as what (which side of the record they sign);
 *   `last_read_seq` is how far they have read the room's stream (read receipts, unread divider).
 *   Changes bump auth_epoch, so a person taken off a session leaves its live room at once.
 * - supervision_agenda_items: the cases brought, in order, with the question to bring and, once
 *   discussed, the summary and decisions.
 * - actions.supervision_session_id: an action raised in a session is a case action (it stays on the
 *   case until done and shows under that case in later sessions) that remembers where it was raised.
 * - supervision_records: the record drafted from the outcomes (a snapshot in `content`); both sides
 *   sign the same revision. Once both have signed (`signed_at`) no one may change it; only the
 *   retention job (a later issue) may delete it, by setting lantern.retention for its transaction.
 * - supervision_record_addenda: dated corrections, signed by both sides the same way.
 * The chat transcript is the stream `supervision:<id>` in stream_items (its own retention).
 */
export class Supervision1766000000000 implements MigrationInterface {
  name = 'Supervision1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES schools(id),
        trust_id uuid NOT NULL REFERENCES trusts(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
        starts_at timestamptz NOT NULL,
        minutes int NOT NULL DEFAULT 60 CHECK (minutes BETWEEN 15 AND 240),
        location text CHECK (length(location) <= 200),
        online_link text CHECK (length(online_link) <= 500),
        chair_id uuid NOT NULL REFERENCES users(id),
        current_case_id uuid REFERENCES cases(id),
        started_at timestamptz,
        ended_at timestamptz,
        reminded_at timestamptz,
        revision int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX supervision_sessions_school_idx ON supervision_sessions (school_id, starts_at DESC);
      CREATE INDEX supervision_sessions_trust_idx ON supervision_sessions (trust_id, starts_at DESC);
      CREATE INDEX supervision_sessions_reminder_idx ON supervision_sessions (starts_at)
        WHERE status = 'SCHEDULED' AND reminded_at IS NULL;

      CREATE TABLE supervision_participants (
        session_id uuid NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('SENCO', 'SEND_LEAD', 'HEADTEACHER')),
        last_read_seq bigint NOT NULL DEFAULT 0,
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      );
      CREATE INDEX supervision_participants_user_idx ON supervision_participants (user_id, session_id);
      CREATE TRIGGER supervision_participants_auth_epoch AFTER INSERT OR UPDATE OF role OR DELETE
        ON supervision_participants FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();

      CREATE TABLE supervision_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id),
        position int NOT NULL CHECK (position >= 0),
        question text NOT NULL DEFAULT '' CHECK (length(question) <= 1000),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 10000),
        decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 10000),
        added_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, case_id)
      );
      CREATE INDEX supervision_agenda_items_session_idx ON supervision_agenda_items (session_id, position);
      CREATE INDEX supervision_agenda_items_case_idx ON supervision_agenda_items (case_id);

      ALTER TABLE actions ADD COLUMN supervision_session_id uuid REFERENCES supervision_sessions(id);
      CREATE INDEX actions_supervision_session_idx ON actions (supervision_session_id)
        WHERE supervision_session_id IS NOT NULL;

      CREATE TABLE supervision_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL UNIQUE REFERENCES supervision_sessions(id),
        content jsonb NOT NULL,
        revision int NOT NULL DEFAULT 1,
        drafted_by uuid NOT NULL REFERENCES users(id),
        drafted_at timestamptz NOT NULL DEFAULT now(),
        senco_signed_by uuid REFERENCES users(id),
        senco_signed_at timestamptz,
        lead_signed_by uuid REFERENCES users(id),
        lead_signed_at timestamptz,
        signed_at timestamptz,
        CHECK ((senco_signed_by IS NULL) = (senco_signed_at IS NULL)),
        CHECK ((lead_signed_by IS NULL) = (lead_signed_at IS NULL)),
        CHECK (signed_at IS NULL OR (senco_signed_at IS NOT NULL AND lead_signed_at IS NOT NULL))
      );

      CREATE TABLE supervision_record_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES supervision_records(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        written_by uuid NOT NULL REFERENCES users(id),
        written_at timestamptz NOT NULL DEFAULT now(),
        senco_signed_by uuid REFERENCES users(id),
        senco_signed_at timestamptz,
        lead_signed_by uuid REFERENCES users(id),
        lead_signed_at timestamptz,
        signed_at timestamptz,
        CHECK ((senco_signed_by IS NULL) = (senco_signed_at IS NULL)),
        CHECK ((lead_signed_by IS NULL) = (lead_signed_at IS NULL)),
        CHECK (signed_at IS NULL OR (senco_signed_at IS NOT NULL AND lead_signed_at IS NOT NULL))
      );
      CREATE INDEX supervision_record_addenda_record_idx ON supervision_record_addenda (record_id, written_at);

      CREATE FUNCTION supervision_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF coalesce(current_setting('lantern.retention', true), '') <> 'on' THEN
              RAISE EXCEPTION 'A supervision record is deleted only by the retention rules';
            END IF;
            RETURN OLD;
          END IF;
          IF OLD.signed_at IS NOT NULL THEN
            RAISE EXCEPTION 'A signed supervision record cannot be changed: add an addendum';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER supervision_records_final BEFORE UPDATE OR DELETE ON supervision_records
        FOR EACH ROW EXECUTE FUNCTION supervision_signed_is_final();
      CREATE TRIGGER supervision_record_addenda_final BEFORE UPDATE OR DELETE ON supervision_record_addenda
        FOR EACH ROW EXECUTE FUNCTION supervision_signed_is_final();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE supervision_record_addenda;
      DROP TABLE supervision_records;
      DROP FUNCTION supervision_signed_is_final();
      DROP INDEX actions_supervision_session_idx;
      ALTER TABLE actions DROP COLUMN supervision_session_id;
      DROP TABLE supervision_agenda_items;
      DROP TABLE supervision_participants;
      DROP TABLE supervision_sessions;
    `);
  }
}
