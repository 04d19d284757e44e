import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  RecurrenceKind,
  hostRotation,
  londonDateTime,
  londonInstant,
  occurrenceDates,
  splitSeries,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import type { EditOccurrenceInput } from './dto/meeting.input';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingMailer } from './meeting-mailer.service';
import { ensureOccurrence, isOccurrenceKey } from './meeting-occurrences';
import { checkLink, meetingTarget, storedPattern } from './meeting-pattern';
import { SeriesRow, patternOf, scopeOf } from './meeting-rows';
import type { MeetingOccurrenceModel } from './meeting.model';
import { OccurrenceEditScope } from './meeting.model';
import { MeetingsReadService } from './meetings-read.service';

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

function checkMinutes(minutes: number | null | undefined): void {
  if (given(minutes) && (!Number.isInteger(minutes) || minutes < 5 || minutes > 600))
    throw Errors.badInput('A meeting lasts between 5 minutes and 10 hours.', { minutes: 'Out of range' });
}

/**
 * Editing one occurrence (an exception row: moved, re-timed, another place, cancelled) or "this and
 * following" (the series ends the day before; a new series with split_from starts there with the
 * changes and takes the later occurrence rows and RSVPs with it).
 */
@Injectable()
export class MeetingOccurrenceEditService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
    private readonly read: MeetingsReadService,
    private readonly personalData: PersonalDataService,
    private readonly mailer: MeetingMailer,
  ) {}

  async edit(ctx: RequestContext, actor: Actor, input: EditOccurrenceInput): Promise<MeetingOccurrenceModel> {
    checkMinutes(input.minutes);
    if (input.onlineLink) checkLink(input.onlineLink);
    if (given(input.startTime) && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.startTime))
      throw Errors.badInput('Give the start time as HH:MM (24-hour).', { startTime: 'Not a time' });
    return this.ds.transaction(async (m) => {
      const series = await this.access.manageable(m, actor, input.seriesId);
      await this.personalData.check(
        ctx,
        [input.title, input.location],
        input.personalDataOverride,
        meetingTarget(scopeOf(series), series.id),
        m,
      );
      if (input.scope === OccurrenceEditScope.THIS) return this.editThis(m, actor, series, input);
      return this.editFollowing(m, actor, series, input);
    });
  }

  private async editThis(
    m: EntityManager,
    actor: Actor,
    series: SeriesRow,
    input: EditOccurrenceInput,
  ): Promise<MeetingOccurrenceModel> {
    if (given(input.title)) throw Errors.badInput('Change the title for this and following meetings, or the series.', { title: 'Not here' });
    const row = await ensureOccurrence(m, series, input.key);
    const current = row.starts_at ? londonDateTime(row.starts_at) : { date: input.key, time: patternOf(series).time };
    const moved = given(input.date) || given(input.startTime);
    const startsAt = moved ? londonInstant(input.date ?? current.date, input.startTime ?? current.time) : row.starts_at;
    await m.query(
      `UPDATE meeting_occurrences SET cancelled = false, starts_at = $2, minutes = COALESCE($3, minutes),
              mode = COALESCE($4, mode), location = COALESCE($5, location), online_link = COALESCE($6, online_link),
              updated_at = now()
        WHERE id = $1`,
      [row.id, startsAt, input.minutes ?? null, input.mode ?? null, input.location?.trim() || null, input.onlineLink?.trim() || null],
    );
    await this.touch(m, series.id, false);
    await this.mailer.tell(m, series.id, 'update', `the meeting on ${input.key} has changed`);
    return this.read.occurrenceOf(m, actor, series, input.key);
  }

  private async editFollowing(
    m: EntityManager,
    actor: Actor,
    series: SeriesRow,
    input: EditOccurrenceInput,
  ): Promise<MeetingOccurrenceModel> {
    if (given(input.date)) throw Errors.badInput('Move a single meeting with “this meeting only”.', { date: 'Not here' });
    const p = patternOf(series);
    if (p.recurrence.kind === RecurrenceKind.None || !isOccurrenceKey(series, input.key))
      throw Errors.badInput('Choose a meeting of the series to change from.', { key: 'Not in the series' });
    const { before, after } = splitSeries(p, input.key);
    const changed = {
      title: input.title?.trim() || series.title,
      mode: input.mode ?? series.mode,
      location: given(input.location) ? input.location.trim() || null : series.location,
      onlineLink: given(input.onlineLink) ? input.onlineLink.trim() || null : series.online_link,
      time: input.startTime ?? after.time,
      minutes: input.minutes ?? after.minutes,
    };
    if (!before) {
      // From the first meeting on: the whole series changes.
      await m.query(
        `UPDATE meeting_series SET title = $2, mode = $3, location = $4, online_link = $5, start_time = $6, minutes = $7,
                sequence = sequence + 1, revision = revision + 1, updated_at = now() WHERE id = $1`,
        [series.id, changed.title, changed.mode, changed.location, changed.onlineLink, changed.time, changed.minutes],
      );
      await this.mailer.tell(m, series.id, 'update');
      return this.read.occurrenceOf(m, actor, (await this.access.load(m, actor, series.id)), input.key);
    }
    const oldStored = storedPattern(before);
    await m.query(
      `UPDATE meeting_series SET until = $2, count = $3, rrule = $4, rdates = $5::date[],
              sequence = sequence + 1, revision = revision + 1, updated_at = now() WHERE id = $1`,
      [series.id, before.until, before.count, oldStored.rrule, oldStored.rdates],
    );
    // The host rotation carries on where the first half left it.
    const hostIds = series.host_schools.map((h) => h.id);
    const skipped: Array<{ key: string }> = await m.query(
      `SELECT key::text AS key FROM meeting_occurrences WHERE series_id = $1 AND host_skipped AND key < $2`,
      [series.id, input.key],
    );
    const used = [...hostRotation(occurrenceDates(before, before.firstDate, before.until!), hostIds, new Set(skipped.map((s) => s.key))).values()].filter(Boolean).length;
    const rotated = hostIds.length ? [...hostIds.slice(used % hostIds.length), ...hostIds.slice(0, used % hostIds.length)] : [];
    const next = { ...after, time: changed.time, minutes: changed.minutes };
    const stored = storedPattern(next);
    const [created] = await m.query(
      `INSERT INTO meeting_series (scope_kind, trust_id, school_id, title, description, mode, location, online_link,
              first_date, start_time, minutes, rrule, rdates, until, count, chair_id, note_taker_id, organiser_id,
              host_school_ids, uid, split_from)
       SELECT scope_kind, trust_id, school_id, $2, description, $3, $4, $5, $6, $7, $8, $9, $10::date[], $11, $12,
              chair_id, note_taker_id, organiser_id, $13::uuid[], $14, id
         FROM meeting_series WHERE id = $1 RETURNING id`,
      [
        series.id, changed.title, changed.mode, changed.location, changed.onlineLink, next.firstDate, next.time,
        next.minutes, stored.rrule, stored.rdates, next.until, next.count, rotated, `${randomUUID()}@lantern`,
      ],
    );
    const newId: string = created.id;
    await m.query('INSERT INTO meeting_guests (series_id, user_id) SELECT $2, user_id FROM meeting_guests WHERE series_id = $1', [series.id, newId]);
    await m.query('UPDATE meeting_occurrences SET series_id = $2, updated_at = now() WHERE series_id = $1 AND key >= $3', [series.id, newId, input.key]);
    await m.query('UPDATE meeting_rsvps SET series_id = $2 WHERE series_id = $1 AND key >= $3', [series.id, newId, input.key]);
    await m.query(
      `INSERT INTO meeting_rsvps (series_id, key, user_id, answer, answered_at)
       SELECT $2, NULL, user_id, answer, answered_at FROM meeting_rsvps WHERE series_id = $1 AND key IS NULL`,
      [series.id, newId],
    );
    await this.mailer.tell(m, series.id, 'update', `it now ends on ${before.until}; the meetings from ${input.key} continue as a new series`);
    await this.mailer.tell(m, newId, 'update', `from ${input.key} on`);
    return this.read.occurrenceOf(m, actor, await this.access.load(m, actor, newId), input.key);
  }

  async cancelOccurrence(actor: Actor, seriesId: string, key: string): Promise<MeetingOccurrenceModel> {
    return this.ds.transaction(async (m) => {
      const series = await this.access.manageable(m, actor, seriesId);
      const row = await ensureOccurrence(m, series, key);
      if (row.cancelled) throw Errors.conflict('That meeting is already cancelled.');
      await m.query('UPDATE meeting_occurrences SET cancelled = true, updated_at = now() WHERE id = $1', [row.id]);
      await this.touch(m, series.id, false);
      await this.mailer.tell(m, series.id, 'update', `the meeting on ${key} is cancelled`);
      return this.read.occurrenceOf(m, actor, series, key);
    });
  }

  /** A change people are told about: SEQUENCE + 1 (and the feed's ETag moves with updated_at). */
  private async touch(m: EntityManager, seriesId: string, revision: boolean): Promise<void> {
    await m.query(
      `UPDATE meeting_series SET sequence = sequence + 1, updated_at = now()${revision ? ', revision = revision + 1' : ''} WHERE id = $1`,
      [seriesId],
    );
  }
}
