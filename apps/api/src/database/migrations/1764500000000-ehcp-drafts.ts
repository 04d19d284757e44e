import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A school's private EHCP drafts, started from a library template version (whose sections are
 * copied, so later template versions never change a draft). Each section has its own revision for
 * optimistic concurrency; the draft's revision moves with every save. Pupils are named only by a
 * short pseudonymous reference.
 */
export class EhcpDrafts1764500000000 implements MigrationInterface {
  name = 'EhcpDrafts1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ehcp_drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES schools(id),
        template_resource_id uuid NOT NULL REFERENCES library_resources(id),
        template_version_id uuid NOT NULL REFERENCES library_resource_versions(id),
        template_title text NOT NULL CHECK (length(template_title) BETWEEN 1 AND 200),
        pupil_reference text NOT NULL CHECK (length(pupil_reference) BETWEEN 2 AND 20),
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Millisecond precision: it appears in pagination cursors.
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        archived_at timestamptz(3)
      );
      CREATE INDEX ehcp_drafts_school_idx ON ehcp_drafts (school_id, updated_at DESC, id DESC) WHERE archived_at IS NULL;
      CREATE INDEX ehcp_drafts_template_idx ON ehcp_drafts (template_resource_id);
      CREATE INDEX ehcp_drafts_version_idx ON ehcp_drafts (template_version_id);
      CREATE INDEX ehcp_drafts_created_by_idx ON ehcp_drafts (created_by);

      CREATE TABLE ehcp_draft_sections (
        draft_id uuid NOT NULL REFERENCES ehcp_drafts(id),
        key text NOT NULL CHECK (key IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        guidance text NOT NULL DEFAULT '' CHECK (length(guidance) <= 5000),
        prompts text[] NOT NULL DEFAULT '{}',
        text text NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        updated_at timestamptz(3),
        updated_by uuid REFERENCES users(id),
        PRIMARY KEY (draft_id, key)
      );
      CREATE INDEX ehcp_draft_sections_updated_by_idx ON ehcp_draft_sections (updated_by) WHERE updated_by IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ehcp_draft_sections; DROP TABLE ehcp_drafts;');
  }
}
