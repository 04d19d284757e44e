import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  MeetingMode,
  RsvpAnswer,
  canManageMeeting,
  canMinuteMeeting,
  canSeeMeeting,
  isIsoDate,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { Errors } from '../../common/errors/app-error';
import type { RecordAttendanceInput } from './dto/meeting.input';
import { MeetingAccessService } from './meeting-access.service';
import { ensureOccurrence } from './meeting-occurrences';
import { SeriesRow, accessOf } from './meeting-rows';
import type { MeetingAttendeeModel, MeetingOccurrenceModel, MeetingSeriesModel } from './meeting.model';
import { MeetingsReadService } from './meetings-read.service';

/**
 * RSVPs (per occurrence, or for the whole series; the occurrence's answer wins), who is coming (with
 * their schools and local authorities, for the chair and the host school), and attendance recorded
 * after the meeting by the note-taker or chair (CPD evidence).
 */
@Injectable()
export class MeetingRsvpService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
    private readonly read: MeetingsReadService,
    private readonly actors: ActorsRepository,
  ) {}

  private async save(m: EntityManager, actor: Actor, seriesId: string, key: string | null, answer: RsvpAnswer | null) {
    if (answer === null) {
      await m.query(
        `DELETE FROM meeting_rsvps WHERE series_id = $1 AND user_id = $2 AND key IS NOT DISTINCT FROM $3::date`,
        [seriesId, actor.userId, key],
      );
      return;
    }
    await m.query(
      `INSERT INTO meeting_rsvps (series_id, key, user_id, answer) VALUES ($1, $2, $3, $4)
       ON CONFLICT (series_id, user_id, coalesce(key, '-infinity'::date))
       DO UPDATE SET answer = EXCLUDED.answer, answered_at = now()`,
      [seriesId, key, actor.userId, answer],
    );
  }

  async rsvpOccurrence(actor: Actor, seriesId: string, key: string, answer: RsvpAnswer | null): Promise<MeetingOccurrenceModel> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    return this.ds.transaction(async (m) => {
      const series = await this.access.takingPart(m, actor, seriesId);
      const occurrence = await this.read.occurrenceOf(m, actor, series, key);
      if (occurrence.cancelled) throw Errors.conflict('That meeting has been cancelled.');
      if (answer === RsvpAnswer.InPerson && occurrence.mode === MeetingMode.Online)
        throw Errors.badInput('This meeting is online only.', { answer: 'Online only' });
      if (answer === RsvpAnswer.Online && occurrence.mode === MeetingMode.InPerson)
        throw Errors.badInput('This meeting is in person only.', { answer: 'In person only' });
      await this.save(m, actor, series.id, key, answer);
      return this.read.occurrenceOf(m, actor, series, key);
    });
  }

  async rsvpSeries(actor: Actor, seriesId: string, answer: RsvpAnswer | null): Promise<MeetingSeriesModel> {
    return this.ds.transaction(async (m) => {
      const series = await this.access.takingPart(m, actor, seriesId);
      if (answer === RsvpAnswer.InPerson && series.mode === MeetingMode.Online)
        throw Errors.badInput('These meetings are online only.', { answer: 'Online only' });
      if (answer === RsvpAnswer.Online && series.mode === MeetingMode.InPerson)
        throw Errors.badInput('These meetings are in person only.', { answer: 'In person only' });
      await this.save(m, actor, series.id, null, answer);
      return this.read.series(actor, series.id, m);
    });
  }

  /**
   * Who answered (and who attended): the chair, organiser and note-taker see everyone; the people of
   * the occurrence's host school see who is coming in person. Others: FORBIDDEN (they see the counts).
   */
  async attendees(actor: Actor, seriesId: string, key: string): Promise<MeetingAttendeeModel[]> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    const m = this.ds.manager;
    const series = await this.access.load(m, actor, seriesId);
    const occurrence = await this.read.occurrenceOf(m, actor, series, key);
    const access = accessOf(series);
    if (canManageMeeting(actor, access) || canMinuteMeeting(actor, access)) return this.list(m, series.id, key, false);
    const hostId = occurrence.host?.id;
    if (hostId && actor.grants.some((g) => g.schoolId === hostId)) return this.list(m, series.id, key, true);
    throw Errors.forbidden('see who is coming (the chair and the host school do)');
  }

  private async list(m: EntityManager, seriesId: string, key: string, inPersonOnly: boolean): Promise<MeetingAttendeeModel[]> {
    const rows: Array<{ id: string; display_name: string; answer: RsvpAnswer | null; attended: boolean | null; schools: MeetingAttendeeModel['schools'] }> =
      await m.query(
        `WITH eff AS (
           SELECT DISTINCT ON (r.user_id) r.user_id, r.answer FROM meeting_rsvps r
            WHERE r.series_id = $1 AND (r.key IS NULL OR r.key = $2) ORDER BY r.user_id, r.key NULLS LAST
         ), att AS (
           SELECT a.user_id, a.attended FROM meeting_attendance a JOIN meeting_occurrences o ON o.id = a.occurrence_id
            WHERE o.series_id = $1 AND o.key = $2
         )
         SELECT u.id, u.display_name, eff.answer, att.attended,
                COALESCE((SELECT json_agg(DISTINCT jsonb_build_object('id', sc.id, 'name', sc.name, 'localAuthorityName', la.name))
                            FROM memberships ms JOIN schools sc ON sc.id = ms.school_id
                            LEFT JOIN local_authorities la ON la.id = sc.local_authority_id
                           WHERE ms.user_id = u.id), '[]'::json) AS schools
           FROM users u LEFT JOIN eff ON eff.user_id = u.id LEFT JOIN att ON att.user_id = u.id
          WHERE u.id IN (SELECT user_id FROM eff UNION SELECT user_id FROM att)
            AND ($3::boolean = false OR eff.answer = 'IN_PERSON')
          ORDER BY (eff.answer = 'IN_PERSON') DESC NULLS LAST, u.display_name`,
        [seriesId, key, inPersonOnly],
      );
    return rows.map((r) => ({
      person: { id: r.id, displayName: r.display_name },
      answer: r.answer,
      attended: r.attended,
      schools: r.schools,
    }));
  }

  /** The note-taker or chair, once the meeting has started; each person must be able to see the meeting. */
  async recordAttendance(actor: Actor, input: RecordAttendanceInput): Promise<MeetingAttendeeModel[]> {
    if (!isIsoDate(input.key)) throw Errors.notFound('That meeting');
    return this.ds.transaction(async (m) => {
      const series: SeriesRow = await this.access.minutable(m, actor, input.seriesId);
      const occurrence = await this.read.occurrenceOf(m, actor, series, input.key);
      if (occurrence.cancelled) throw Errors.conflict('That meeting was cancelled.');
      if (occurrence.startsAt.getTime() > Date.now())
        throw Errors.badInput('Record who attended once the meeting has started.', { key: 'Not yet' });
      const entries = [...new Map(input.entries.map((e) => [e.userId, e])).values()];
      const ids = entries.map((e) => e.userId);
      const people = await this.actors.actorsFor(ids, m);
      const access = accessOf(series);
      if (ids.some((id) => !people.has(id) || !canSeeMeeting(people.get(id)!, access)))
        throw Errors.badInput('Choose people who were invited to this meeting.', { entries: 'Not invited' });
      const row = await ensureOccurrence(m, series, input.key);
      if (entries.length)
        await m.query(
          `INSERT INTO meeting_attendance (occurrence_id, user_id, attended, recorded_by)
           SELECT $1, e.user_id, e.attended, $4 FROM unnest($2::uuid[], $3::boolean[]) AS e(user_id, attended)
           ON CONFLICT (occurrence_id, user_id)
           DO UPDATE SET attended = EXCLUDED.attended, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [row.id, ids, entries.map((e) => e.attended), actor.userId],
        );
      return this.list(m, series.id, input.key, false);
    });
  }
}
