import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  MEETING_LIMITS,
  RecurrenceKind,
  addDays,
  canSeeMeeting,
  londonDateTime,
  londonInstant,
  londonToday,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../../common/auth/actors.repository';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import type { CalendarFeedStatusModel, CalendarFeedUrlModel } from '../meeting.model';
import { OCCURRENCE_SELECT, OccurrenceRow, exceptionsOf } from '../meeting-occurrences';
import { SERIES_SELECT, SeriesRow, accessOf, patternOf, visibleSeriesFilter } from '../meeting-rows';
import { CalendarMeeting, meetingCalendar } from './meeting-ics';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export type FeedAnswer = { status: 404 } | { status: 304; etag: string } | { status: 200; etag: string; body: string };

/**
 * The personal calendar feed (`/api/calendar/<token>.ics`): the token is the credential (only its
 * SHA-256 is stored; regenerate replaces it, revoke removes it). It holds the meetings the person
 * may see (titles and places only) from MEETING_LIMITS.feedPastDays back to feedFutureDays ahead,
 * and their supervision sessions as busy time. The ETag comes from one statement (counts, latest
 * changes, sequences), so a conditional request is answered without building the calendar.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly actors: ActorsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(actor: Actor): Promise<CalendarFeedStatusModel> {
    const [row] = await this.ds.query('SELECT created_at FROM calendar_feeds WHERE user_id = $1', [actor.userId]);
    return { active: !!row, createdAt: row?.created_at ?? null };
  }

  async regenerate(actor: Actor): Promise<CalendarFeedUrlModel> {
    const token = randomBytes(32).toString('base64url');
    await this.ds.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [actor.userId, hashOf(token)],
    );
    return { url: `${this.config.publicUrl}/api/calendar/${token}.ics` };
  }

  async revoke(actor: Actor): Promise<boolean> {
    const rows = await this.ds.query('DELETE FROM calendar_feeds WHERE user_id = $1 RETURNING user_id', [actor.userId]);
    return rows.length > 0;
  }

  private window(): { from: string; to: string; fromAt: Date; toAt: Date } {
    const today = londonToday();
    const from = addDays(today, -MEETING_LIMITS.feedPastDays);
    const to = addDays(today, MEETING_LIMITS.feedFutureDays);
    return { from, to, fromAt: londonInstant(from, '00:00'), toAt: londonInstant(addDays(to, 1), '00:00') };
  }

  async feed(token: string, ifNoneMatch: string | undefined): Promise<FeedAnswer> {
    if (!TOKEN.test(token)) return { status: 404 };
    const [owner] = await this.ds.query('SELECT user_id FROM calendar_feeds WHERE token_hash = $1', [hashOf(token)]);
    const actor = owner ? (await this.actors.actorsFor([owner.user_id])).get(owner.user_id) : undefined;
    if (!actor) return { status: 404 };
    const w = this.window();
    // Series: $1 the window's end, $2 its start, the visibility filter from $start.
    const seriesWhere = (start: number) => {
      const f = visibleSeriesFilter(actor, start);
      return { sql: `s.cancelled_at IS NULL AND s.first_date <= $1 AND (s.until IS NULL OR s.until >= $2) AND ${f.sql}`, params: f.params };
    };
    // Supervision sessions the person is in (busy time): $u the person, $f the window's start.
    const busyWhere = (u: number, f: number) =>
      `(ss.chair_id = $${u} OR ss.id IN (SELECT session_id FROM supervision_participants WHERE user_id = $${u}))
        AND ss.status IN ('SCHEDULED', 'LIVE') AND ss.starts_at >= $${f}`;
    const forFacts = seriesWhere(5);
    const [facts] = await this.ds.query(
      `SELECT (SELECT json_build_object('n', count(*), 'u', max(s.updated_at), 'q', sum(s.sequence))
                 FROM meeting_series s WHERE ${forFacts.sql}) AS meetings,
              (SELECT json_build_object('n', count(*), 'u', max(ss.updated_at))
                 FROM supervision_sessions ss WHERE ${busyWhere(3, 4)}) AS busy`,
      [w.to, w.from, actor.userId, w.fromAt, ...forFacts.params],
    );
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([facts, actor.grants, w.from, this.config.publicUrl]))
      .digest('base64url')
      .slice(0, 32)}"`;
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { status: 304, etag };

    const forList = seriesWhere(3);
    const series = ((await this.ds.query(`${SERIES_SELECT} WHERE ${forList.sql}`, [w.to, w.from, ...forList.params])) as SeriesRow[])
      .filter((s) => canSeeMeeting(actor, accessOf(s)));
    const rows = series.length
      ? ((await this.ds.query(
          `${OCCURRENCE_SELECT} WHERE o.series_id = ANY($1::uuid[])
             AND (o.cancelled OR o.starts_at IS NOT NULL OR o.minutes IS NOT NULL OR o.location IS NOT NULL)`,
          [series.map((s) => s.id)],
        )) as OccurrenceRow[])
      : [];
    const busy: Array<{ id: string; starts_at: Date; minutes: number }> = await this.ds.query(
      `SELECT ss.id, ss.starts_at, ss.minutes FROM supervision_sessions ss WHERE ${busyWhere(1, 2)} AND ss.starts_at < $3 ORDER BY ss.starts_at`,
      [actor.userId, w.fromAt, w.toAt],
    );
    const meetings: CalendarMeeting[] = series.map((s) => ({
      uid: s.uid,
      sequence: s.sequence,
      title: s.title,
      location: s.location,
      pattern: patternOf(s),
      exceptions: exceptionsOf(rows.filter((r) => r.series_id === s.id)),
      cancelled: false,
    }));
    for (const b of busy) {
      const at = londonDateTime(b.starts_at);
      meetings.push({
        uid: `supervision-${b.id}@lantern`,
        sequence: 0,
        title: 'Busy',
        pattern: { firstDate: at.date, time: at.time, minutes: b.minutes, recurrence: { kind: RecurrenceKind.None }, until: null, count: null },
        exceptions: [],
        cancelled: false,
      });
    }
    return { status: 200, etag, body: meetingCalendar('PUBLISH', meetings, 'Lantern') };
  }
}
