import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings (issue 12, ADR 13). Practice, not case data.
 *
 * - terms: term dates of a local authority, or of a school that sets its own
 *   (schools.own_term_dates); each school follows its LA's otherwise.
 * - meeting_series: every meeting is a series (a one-off has no RRULE and no dates): scope
 *   (network, trust or school), mode and place, the pattern in local time (`first_date`,
 *   `start_time`, `minutes`, `rrule` and/or `rdates`, `until`, `count`) in `time_zone`
 *   Europe/London, chair, note-taker, organiser, host rotation, and the calendar identity (`uid`,
 *   `sequence` raised on every change people are told about). "This and following" ends a series
 *   (`until`) and starts a new one with `split_from` pointing back.
 * - meeting_occurrences: an occurrence that has anything of its own, keyed by the date the pattern
 *   gives it (`key`, the RECURRENCE-ID): exceptions (cancelled, moved, re-timed, another place or
 *   host), the agenda's state, the live "current item", and the minutes' publication. Occurrences
 *   with nothing of their own have no row; rows are made when first needed.
 * - meeting_guests: named people from other scopes invited to a series.
 * - meeting_rsvps: an answer for the whole series (key NULL) or for one occurrence (which wins).
 * - meeting_attendance: who actually attended (recorded by the note-taker; CPD evidence).
 * - meeting_agenda_items: proposed, accepted or declined items with purpose, presenter, time, links,
 *   papers deadline, the item's minutes and decisions.
 * - meeting_item_papers: files attached to an item.
 * - meeting_polls, _slots, _invitees, _answers: finding a time (yes / if need be / no per slot).
 * - calendar_feeds: a person's secret feed token (only its SHA-256), revocable and regenerable.
 * Actions raised in a meeting are actions with source_kind MEETING and source_id the occurrence.
 */
export class Meetings1766100000000 implements MigrationInterface {
  name = 'Meetings1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        local_authority_id uuid REFERENCES local_authorities(id) ON DELETE CASCADE,
        school_id uuid REFERENCES schools(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        starts date NOT NULL,
        ends date NOT NULL,
        half_term_starts date,
        half_term_ends date,
        CHECK ((local_authority_id IS NULL) <> (school_id IS NULL)),
        CHECK (ends >= starts),
        CHECK ((half_term_starts IS NULL) = (half_term_ends IS NULL)),
        CHECK (half_term_starts IS NULL OR (half_term_starts >= starts AND half_term_ends <= ends AND half_term_ends >= half_term_starts))
      );
      CREATE INDEX terms_la_idx ON terms (local_authority_id, starts) WHERE local_authority_id IS NOT NULL;
      CREATE INDEX terms_school_idx ON terms (school_id, starts) WHERE school_id IS NOT NULL;
      ALTER TABLE schools ADD COLUMN own_term_dates boolean NOT NULL DEFAULT false;

      CREATE TABLE meeting_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope_kind text NOT NULL CHECK (scope_kind IN ('NETWORK', 'TRUST', 'SCHOOL')),
        trust_id uuid REFERENCES trusts(id),
        school_id uuid REFERENCES schools(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        mode text NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        location text CHECK (length(location) <= 200),
        online_link text CHECK (length(online_link) <= 500),
        time_zone text NOT NULL DEFAULT 'Europe/London' CHECK (time_zone = 'Europe/London'),
        first_date date NOT NULL,
        start_time time NOT NULL,
        minutes int NOT NULL CHECK (minutes BETWEEN 5 AND 600),
        rrule text CHECK (length(rrule) <= 300),
        rdates date[] NOT NULL DEFAULT '{}',
        until date,
        count int CHECK (count BETWEEN 1 AND 520),
        chair_id uuid NOT NULL REFERENCES users(id),
        note_taker_id uuid REFERENCES users(id),
        organiser_id uuid NOT NULL REFERENCES users(id),
        host_school_ids uuid[] NOT NULL DEFAULT '{}',
        uid text NOT NULL UNIQUE,
        sequence int NOT NULL DEFAULT 0,
        revision int NOT NULL DEFAULT 1,
        split_from uuid REFERENCES meeting_series(id),
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (scope_kind = 'NETWORK' AND trust_id IS NULL AND school_id IS NULL) OR
          (scope_kind = 'TRUST' AND trust_id IS NOT NULL AND school_id IS NULL) OR
          (scope_kind = 'SCHOOL' AND trust_id IS NOT NULL AND school_id IS NOT NULL)
        ),
        CHECK (until IS NULL OR until >= first_date)
      );
      CREATE INDEX meeting_series_scope_idx ON meeting_series (scope_kind, trust_id, school_id, first_date);
      CREATE INDEX meeting_series_active_idx ON meeting_series (until) WHERE cancelled_at IS NULL;
      CREATE INDEX meeting_series_chair_idx ON meeting_series (chair_id);

      CREATE TABLE meeting_guests (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (series_id, user_id)
      );
      CREATE INDEX meeting_guests_user_idx ON meeting_guests (user_id, series_id);

      CREATE TABLE meeting_occurrences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        key date NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        starts_at timestamptz,
        minutes int CHECK (minutes BETWEEN 5 AND 600),
        mode text CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        location text CHECK (length(location) <= 200),
        online_link text CHECK (length(online_link) <= 500),
        host_school_id uuid REFERENCES schools(id),
        host_skipped boolean NOT NULL DEFAULT false,
        papers_due_at timestamptz,
        agenda_published_at timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        current_item_id uuid,
        current_item_started_at timestamptz,
        minutes_published_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (series_id, key)
      );
      CREATE INDEX meeting_occurrences_moved_idx ON meeting_occurrences (starts_at) WHERE starts_at IS NOT NULL;

      CREATE TABLE meeting_rsvps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        key date,
        user_id uuid NOT NULL REFERENCES users(id),
        answer text NOT NULL CHECK (answer IN ('IN_PERSON', 'ONLINE', 'APOLOGIES')),
        answered_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX meeting_rsvps_one_idx ON meeting_rsvps (series_id, user_id, coalesce(key, '-infinity'::date));
      CREATE INDEX meeting_rsvps_user_idx ON meeting_rsvps (user_id);

      CREATE TABLE meeting_attendance (
        occurrence_id uuid NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        attended boolean NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (occurrence_id, user_id)
      );
      CREATE INDEX meeting_attendance_user_idx ON meeting_attendance (user_id) WHERE attended;

      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurrence_id uuid NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        purpose text NOT NULL CHECK (purpose IN ('INFORM', 'DISCUSS', 'DECIDE')),
        presenter_id uuid REFERENCES users(id),
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 180),
        resource_id uuid REFERENCES library_resources(id) ON DELETE SET NULL,
        thread_id uuid REFERENCES forum_threads(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED')),
        position int NOT NULL DEFAULT 0,
        approves_minutes_of uuid REFERENCES meeting_occurrences(id),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
        decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 20000),
        proposed_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_agenda_items_occurrence_idx ON meeting_agenda_items (occurrence_id, status, position);
      ALTER TABLE meeting_occurrences ADD CONSTRAINT meeting_occurrences_current_item_fk
        FOREIGN KEY (current_item_id) REFERENCES meeting_agenda_items(id) ON DELETE SET NULL;

      CREATE TABLE meeting_item_papers (
        item_id uuid NOT NULL REFERENCES meeting_agenda_items(id) ON DELETE CASCADE,
        file_id uuid NOT NULL REFERENCES files(id),
        added_by uuid NOT NULL REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, file_id)
      );

      CREATE TABLE meeting_polls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES users(id),
        scope_kind text NOT NULL CHECK (scope_kind IN ('NETWORK', 'TRUST', 'SCHOOL')),
        trust_id uuid REFERENCES trusts(id),
        school_id uuid REFERENCES schools(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
        mode text NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        minutes int NOT NULL CHECK (minutes BETWEEN 5 AND 600),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DECIDED', 'CANCELLED')),
        chosen_slot_id uuid,
        series_id uuid REFERENCES meeting_series(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_polls_organiser_idx ON meeting_polls (organiser_id, created_at DESC);
      CREATE TABLE meeting_poll_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poll_id uuid NOT NULL REFERENCES meeting_polls(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        UNIQUE (poll_id, starts_at)
      );
      CREATE TABLE meeting_poll_invitees (
        poll_id uuid NOT NULL REFERENCES meeting_polls(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (poll_id, user_id)
      );
      CREATE INDEX meeting_poll_invitees_user_idx ON meeting_poll_invitees (user_id);
      CREATE TABLE meeting_poll_answers (
        slot_id uuid NOT NULL REFERENCES meeting_poll_slots(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        answer text NOT NULL CHECK (answer IN ('YES', 'IF_NEED_BE', 'NO')),
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (slot_id, user_id)
      );

      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE calendar_feeds;
      DROP TABLE meeting_poll_answers;
      DROP TABLE meeting_poll_invitees;
      DROP TABLE meeting_poll_slots;
      DROP TABLE meeting_polls;
      DROP TABLE meeting_item_papers;
      ALTER TABLE meeting_occurrences DROP CONSTRAINT meeting_occurrences_current_item_fk;
      DROP TABLE meeting_agenda_items;
      DROP TABLE meeting_attendance;
      DROP TABLE meeting_rsvps;
      DROP TABLE meeting_occurrences;
      DROP TABLE meeting_guests;
      DROP TABLE meeting_series;
      ALTER TABLE schools DROP COLUMN own_term_dates;
      DROP TABLE terms;
    `);
  }
}
