import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  RsvpAnswer,
  addDays,
  canSeeMeeting,
  isIsoDate,
  londonDateTime,
  londonInstant,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { MeetingAccessService } from './meeting-access.service';
import type { MeetingOccurrenceListModel, MeetingOccurrenceModel, MeetingSeriesModel } from './meeting.model';
import { OCCURRENCE_SELECT, OccurrenceRow, occurrencesOf } from './meeting-occurrences';
import { SERIES_SELECT, SeriesRow, accessOf, seriesModel, visibleSeriesFilter } from './meeting-rows';

/** The most days one myMeetings request expands. */
export const MY_MEETINGS_MAX_DAYS = 400;

/**
 * Reading meetings: a person's occurrences in a range (one statement for the series, one for their
 * occurrence rows, one for the page's RSVPs, however many series), one occurrence, one series.
 */
@Injectable()
export class MeetingsReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
  ) {}

  async series(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<MeetingSeriesModel> {
    const row = await this.access.load(m, actor, id);
    const [mine] = await m.query(
      `SELECT answer FROM meeting_rsvps WHERE series_id = $1 AND user_id = $2 AND key IS NULL`,
      [id, actor.userId],
    );
    return seriesModel(row, actor, (mine?.answer as RsvpAnswer) ?? null);
  }

  async myMeetings(actor: Actor, from: string, to: string, first: number, offset: number): Promise<MeetingOccurrenceListModel> {
    if (!isIsoDate(from) || !isIsoDate(to) || to < from)
      throw Errors.badInput('Give the range as two dates, the first not after the second.', { from: 'Not a range' });
    if (addDays(from, MY_MEETINGS_MAX_DAYS) < to)
      throw Errors.badInput(`Ask for at most ${MY_MEETINGS_MAX_DAYS} days at a time.`, { to: 'Too far' });
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw Errors.badInput('Ask for between 1 and 100 meetings at a time.', { first: 'Out of range' });
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw Errors.badInput('That page does not exist.', { offset: 'Out of range' });
    const m = this.ds.manager;
    const filter = visibleSeriesFilter(actor, 3);
    const series = ((await m.query(
      `${SERIES_SELECT}
        WHERE s.cancelled_at IS NULL AND s.first_date <= $1 AND (s.until IS NULL OR s.until >= $2) AND ${filter.sql}`,
      [to, from, ...filter.params],
    )) as SeriesRow[]).filter((s) => canSeeMeeting(actor, accessOf(s)));
    const rows = await this.rowsFor(m, series.map((s) => s.id), from, to);
    const all = series
      .flatMap((s) => occurrencesOf(actor, s, rows.get(s.id) ?? [], from, to))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
    const nodes = all.slice(offset, offset + first);
    await this.fillRsvps(m, actor, nodes);
    return { nodes, totalCount: all.length, hasNextPage: offset + first < all.length };
  }

  /** One occurrence (a moved one is found by its key wherever it went). */
  async occurrence(actor: Actor, seriesId: string, key: string, m: EntityManager = this.ds.manager): Promise<MeetingOccurrenceModel> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    const series = await this.access.load(m, actor, seriesId);
    return this.occurrenceOf(m, actor, series, key);
  }

  async occurrenceOf(m: EntityManager, actor: Actor, series: SeriesRow, key: string): Promise<MeetingOccurrenceModel> {
    const rows = (await m.query(`${OCCURRENCE_SELECT} WHERE o.series_id = $1 AND (o.key = $2 OR o.host_skipped)`, [
      series.id,
      key,
    ])) as OccurrenceRow[];
    const own = rows.find((r) => r.key === key);
    const moved = own?.starts_at ? londonDateTime(own.starts_at).date : key;
    const [from, to] = moved < key ? [moved, key] : [key, moved];
    const found = occurrencesOf(actor, series, rows, from, to).find((o) => o.key === key);
    if (!found) throw Errors.notFound('That meeting');
    await this.fillRsvps(m, actor, [found]);
    return found;
  }

  /** Occurrence rows of many series in one statement: keys in range, rows moved into it, skipped hosts. */
  private async rowsFor(m: EntityManager, ids: string[], from: string, to: string): Promise<Map<string, OccurrenceRow[]>> {
    const out = new Map<string, OccurrenceRow[]>();
    if (!ids.length) return out;
    const rows = (await m.query(
      `${OCCURRENCE_SELECT}
        WHERE o.series_id = ANY($1::uuid[])
          AND (o.key BETWEEN $2 AND $3 OR o.host_skipped OR (o.starts_at >= $4 AND o.starts_at < $5))`,
      [ids, from, to, londonInstant(from, '00:00'), londonInstant(addDays(to, 1), '00:00')],
    )) as OccurrenceRow[];
    for (const r of rows) out.set(r.series_id, [...(out.get(r.series_id) ?? []), r]);
    return out;
  }

  /**
   * Counts and the viewer's answer for many occurrences in one statement: per person, the
   * occurrence's answer if they gave one, else their answer for the whole series.
   */
  async fillRsvps(m: EntityManager, actor: Actor, nodes: MeetingOccurrenceModel[]): Promise<void> {
    if (!nodes.length) return;
    const rows: Array<{ series_id: string; key: string; answer: RsvpAnswer; n: number; mine: boolean }> = await m.query(
      `SELECT o.series_id, o.key::text AS key, e.answer, count(*)::int AS n, bool_or(e.user_id = $3) AS mine
         FROM unnest($1::uuid[], $2::date[]) AS o(series_id, key)
         JOIN LATERAL (
           SELECT DISTINCT ON (r.user_id) r.user_id, r.answer
             FROM meeting_rsvps r
            WHERE r.series_id = o.series_id AND (r.key IS NULL OR r.key = o.key)
            ORDER BY r.user_id, r.key NULLS LAST
         ) e ON true
        GROUP BY o.series_id, o.key, e.answer`,
      [nodes.map((n) => n.seriesId), nodes.map((n) => n.key), actor.userId],
    );
    const byKey = new Map(nodes.map((n) => [`${n.seriesId}/${n.key}`, n]));
    for (const r of rows) {
      const node = byKey.get(`${r.series_id}/${r.key}`);
      if (!node) continue;
      if (r.answer === RsvpAnswer.InPerson) node.rsvpCounts.inPerson = r.n;
      else if (r.answer === RsvpAnswer.Online) node.rsvpCounts.online = r.n;
      else node.rsvpCounts.apologies = r.n;
      if (r.mine) node.myRsvp = r.answer;
    }
  }
}

