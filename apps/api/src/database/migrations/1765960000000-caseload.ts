import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload (case data: canAccessCaseData decides who reads it), its append-only log, the
 * case-access log, and actions (one table for every feature: cases now, supervision and meetings next).
 *
 * - cases: a school's pseudonymous case. The year group is stored as at a date and moves up each
 *   1 September when read. `next_concern_on` is the earliest dated concern, kept by the service, for
 *   the "needs attention" sort.
 * - case_log_entries: dated notes. Append-only (a trigger refuses UPDATE): an edit is a new row with the
 *   same note_id and the next version, so earlier text stays readable.
 * - case_access_log: every read and change of a case or an EHCP draft, for the school's own people.
 * - actions: owner, due date, status and the record it came from (source_kind, source_id). Case data
 *   actions carry their school and trust so the case-data rule can be applied in SQL.
 */
export class Caseload1765960000000 implements MigrationInterface {
  name = 'Caseload1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES schools(id),
        reference text NOT NULL CHECK (length(reference) BETWEEN 2 AND 40),
        year_group smallint NOT NULL CHECK (year_group BETWEEN -1 AND 14),
        year_group_on date NOT NULL,
        sen_status text NOT NULL CHECK (sen_status IN ('SEN_SUPPORT', 'EHCP', 'ASSESSMENT_REQUESTED')),
        primary_need text NOT NULL CHECK (primary_need IN ('SPLD','MLD','SLD','PMLD','SEMH','SLCN','ASD','HI','VI','MSI','PD','OTH','NSA')),
        secondary_need text CHECK (secondary_need IN ('SPLD','MLD','SLD','PMLD','SEMH','SLCN','ASD','HI','VI','MSI','PD','OTH')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MONITORING', 'CLOSED')),
        concerns jsonb NOT NULL DEFAULT '[]'::jsonb,
        concern_kinds text[] NOT NULL DEFAULT '{}',
        next_concern_on date,
        revision int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (primary_need <> 'NSA' OR sen_status = 'SEN_SUPPORT'),
        CHECK (secondary_need IS NULL OR secondary_need <> primary_need)
      );
      CREATE UNIQUE INDEX cases_school_reference_idx ON cases (school_id, lower(reference));
      CREATE INDEX cases_school_status_idx ON cases (school_id, status, updated_at DESC);
      CREATE INDEX cases_concern_kinds_idx ON cases USING gin (concern_kinds);

      CREATE TABLE case_log_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        note_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        happened_on date NOT NULL,
        body text NOT NULL,
        written_by uuid NOT NULL REFERENCES users(id),
        written_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (note_id, version)
      );
      CREATE INDEX case_log_entries_case_idx ON case_log_entries (case_id, happened_on DESC, written_at DESC);
      CREATE FUNCTION case_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'The case log is append-only: add a new version instead'; END $$;
      CREATE TRIGGER case_log_entries_append_only BEFORE UPDATE ON case_log_entries
        FOR EACH ROW EXECUTE FUNCTION case_log_append_only();

      ALTER TABLE ehcp_drafts ADD COLUMN case_id uuid REFERENCES cases(id);
      CREATE INDEX ehcp_drafts_case_idx ON ehcp_drafts (case_id) WHERE case_id IS NOT NULL;

      CREATE TABLE case_access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id uuid NOT NULL REFERENCES schools(id),
        case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
        ehcp_draft_id uuid REFERENCES ehcp_drafts(id) ON DELETE CASCADE,
        actor_user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_access_log_school_idx ON case_access_log (school_id, at DESC, id DESC);
      CREATE INDEX case_access_log_case_idx ON case_access_log (case_id, at DESC) WHERE case_id IS NOT NULL;

      CREATE TABLE actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_kind text NOT NULL CHECK (source_kind IN ('CASE', 'SUPERVISION', 'MEETING')),
        source_id uuid NOT NULL,
        school_id uuid REFERENCES schools(id),
        trust_id uuid REFERENCES trusts(id),
        title text NOT NULL,
        owner_id uuid NOT NULL REFERENCES users(id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        reminded_soon_at timestamptz,
        reminded_overdue_at timestamptz
      );
      CREATE INDEX actions_owner_idx ON actions (owner_id, status, due_on);
      CREATE INDEX actions_source_idx ON actions (source_kind, source_id, status, due_on);
      CREATE INDEX actions_open_due_idx ON actions (due_on) WHERE status = 'OPEN';
      CREATE INDEX actions_school_open_idx ON actions (school_id, source_kind, source_id) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE actions;
      DROP TABLE case_access_log;
      ALTER TABLE ehcp_drafts DROP COLUMN case_id;
      DROP TABLE case_log_entries;
      DROP FUNCTION case_log_append_only();
      DROP TABLE cases;
    `);
  }
}
