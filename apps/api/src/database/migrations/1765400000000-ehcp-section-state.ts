import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each EHCP draft section's state (not started, in progress, complete) is chosen by the people
 * writing it instead of being guessed from a word count. Existing sections take the state the old
 * rule showed (no words: not started; 25 words or more: complete; otherwise in progress).
 */
export class EhcpSectionState1765400000000 implements MigrationInterface {
  name = 'EhcpSectionState1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ehcp_draft_sections
        ADD COLUMN state text NOT NULL DEFAULT 'NOT_STARTED'
          CHECK (state IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'));
      UPDATE ehcp_draft_sections SET state = CASE
        WHEN text !~ '[[:alnum:]]' THEN 'NOT_STARTED'
        WHEN cardinality(regexp_split_to_array(btrim(text, E' \\t\\n'), E'\\\\s+')) >= 25 THEN 'COMPLETE'
        ELSE 'IN_PROGRESS' END;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ehcp_draft_sections DROP COLUMN state');
  }
}
