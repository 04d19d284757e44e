import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings, reading (issue 12): the indexes behind the "my meetings" filter, the feed's ETag and the
 * RSVP counts (a series by school, trust, note-taker or organiser; RSVPs of an occurrence; skipped
 * hosts, which the host rotation reads whatever the range), and attachments on the development
 * outbox (meeting emails carry their .ics).
 */
export class MeetingsReading1766150000000 implements MigrationInterface {
  name = 'MeetingsReading1766150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX meeting_series_school_idx ON meeting_series (school_id) WHERE school_id IS NOT NULL;
      CREATE INDEX meeting_series_trust_idx ON meeting_series (trust_id) WHERE trust_id IS NOT NULL;
      CREATE INDEX meeting_series_note_taker_idx ON meeting_series (note_taker_id) WHERE note_taker_id IS NOT NULL;
      CREATE INDEX meeting_series_organiser_idx ON meeting_series (organiser_id);
      CREATE INDEX meeting_series_split_from_idx ON meeting_series (split_from) WHERE split_from IS NOT NULL;
      CREATE INDEX meeting_rsvps_series_key_idx ON meeting_rsvps (series_id, key);
      CREATE INDEX meeting_occurrences_skipped_idx ON meeting_occurrences (series_id) WHERE host_skipped;
      ALTER TABLE outbox_messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox_messages DROP COLUMN attachments;
      DROP INDEX meeting_occurrences_skipped_idx;
      DROP INDEX meeting_rsvps_series_key_idx;
      DROP INDEX meeting_series_split_from_idx;
      DROP INDEX meeting_series_organiser_idx;
      DROP INDEX meeting_series_note_taker_idx;
      DROP INDEX meeting_series_trust_idx;
      DROP INDEX meeting_series_school_idx;
    `);
  }
}
