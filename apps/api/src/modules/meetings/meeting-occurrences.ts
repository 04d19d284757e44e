import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  MeetingMode,
  OccurrenceException,
  RsvpAnswer,
  canManageMeeting,
  canMinuteMeeting,
  canTakePartInMeeting,
  expandSeries,
  hostRotation,
  occurrenceDates,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import type { MeetingOccurrenceModel, MeetingSchoolModel } from './meeting.model';
import { MeetingScopeKind } from './meeting.model';
import { SERIES_SELECT, SeriesRow, accessOf, patternOf } from './meeting-rows';

/** A meeting_occurrences row (an occurrence with something of its own). */
export interface OccurrenceRow {
  id: string;
  series_id: string;
  key: string;
  cancelled: boolean;
  starts_at: Date | null;
  minutes: number | null;
  mode: MeetingMode | null;
  location: string | null;
  online_link: string | null;
  host_school: MeetingSchoolModel | null;
  host_skipped: boolean;
}

export const OCCURRENCE_SELECT = `
  SELECT o.id, o.series_id, o.key::text AS key, o.cancelled, o.starts_at, o.minutes, o.mode, o.location,
         o.online_link, o.host_skipped,
         CASE WHEN hs.id IS NULL THEN NULL
              ELSE json_build_object('id', hs.id, 'name', hs.name, 'localAuthorityName', hla.name) END AS host_school
    FROM meeting_occurrences o
    LEFT JOIN schools hs ON hs.id = o.host_school_id
    LEFT JOIN local_authorities hla ON hla.id = hs.local_authority_id`;

/** Is the row an exception (cancelled, moved, re-timed or another place), not just a home for an agenda? */
export function isException(o: OccurrenceRow): boolean {
  return o.cancelled || o.starts_at !== null || o.minutes !== null || o.mode !== null || o.location !== null || o.online_link !== null;
}

export function exceptionsOf(rows: readonly OccurrenceRow[]): Array<OccurrenceException & { location: string | null }> {
  return rows
    .filter(isException)
    .map((o) => ({ key: o.key, cancelled: o.cancelled, startsAt: o.starts_at, minutes: o.minutes, location: o.location }));
}

/** Does the series' pattern give an occurrence on `key`? */
export function isOccurrenceKey(series: SeriesRow, key: string): boolean {
  return occurrenceDates(patternOf(series), key, key).includes(key);
}

/**
 * The occurrence row for `key`, made when first needed (INSERT … ON CONFLICT DO NOTHING), inside the
 * caller's transaction with its manager `m` only. The key must be an occurrence of the series'
 * pattern, or already have a row (a moved occurrence kept after the series was re-patterned):
 * NOT_FOUND otherwise.
 */
export async function ensureOccurrence(
  m: EntityManager,
  seriesOrId: SeriesRow | string,
  key: string,
): Promise<OccurrenceRow> {
  const series =
    typeof seriesOrId === 'string'
      ? ((await m.query(`${SERIES_SELECT} WHERE s.id = $1`, [seriesOrId])) as SeriesRow[])[0]
      : seriesOrId;
  if (!series) throw Errors.notFound('That meeting');
  if (isOccurrenceKey(series, key)) {
    await m.query(
      `INSERT INTO meeting_occurrences (series_id, key) VALUES ($1, $2) ON CONFLICT (series_id, key) DO NOTHING`,
      [series.id, key],
    );
  }
  const [row] = (await m.query(`${OCCURRENCE_SELECT} WHERE o.series_id = $1 AND o.key = $2`, [series.id, key])) as OccurrenceRow[];
  if (!row) throw Errors.notFound('That meeting');
  return row;
}

/** For other features (agendas, minutes): the occurrence row, made when first needed, in the caller's transaction. */
@Injectable()
export class MeetingOccurrences {
  ensure(m: EntityManager, seriesId: string, key: string): Promise<OccurrenceRow> {
    return ensureOccurrence(m, seriesId, key);
  }
}

const NO_COUNTS = { inPerson: 0, online: 0, apologies: 0 };

/**
 * A series' occurrences in [from, to] (London dates) with its occurrence rows overlaid: exceptions,
 * the host (the row's own, else the rotation over every key since the first, skipped ones using no
 * turn; none for online meetings), and the viewer's flags. RSVPs are filled in by the caller.
 */
export function occurrencesOf(
  actor: Actor,
  series: SeriesRow,
  rows: readonly OccurrenceRow[],
  from: string,
  to: string,
): MeetingOccurrenceModel[] {
  const p = patternOf(series);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const access = accessOf(series);
  const flags = {
    canManage: canManageMeeting(actor, access),
    canMinute: canMinuteMeeting(actor, access),
    canTakePart: canTakePartInMeeting(actor, access),
  };
  const hostIds = series.host_schools.map((h) => h.id);
  const hosts = hostIds.length
    ? hostRotation(
        occurrenceDates(p, p.firstDate, to),
        hostIds,
        new Set(rows.filter((r) => r.host_skipped).map((r) => r.key)),
      )
    : new Map<string, string | null>();
  const schools = new Map(series.host_schools.map((h) => [h.id, h]));
  return expandSeries(p, exceptionsOf(rows), from, to).map((o) => {
    const row = byKey.get(o.key);
    const mode = row?.mode ?? series.mode;
    const rotated = hosts.get(o.key);
    const host = mode === MeetingMode.Online ? null : (row?.host_school ?? (rotated ? (schools.get(rotated) ?? null) : null));
    return {
      seriesId: series.id,
      key: o.key,
      occurrenceId: row?.id ?? null,
      title: series.title,
      scopeKind: series.scope_kind as MeetingScopeKind,
      trustName: series.trust_name,
      schoolName: series.school_name,
      mode,
      location: row?.location ?? series.location,
      onlineLink: row?.online_link ?? series.online_link,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      minutes: Math.round((o.endsAt.getTime() - o.startsAt.getTime()) / 60_000),
      cancelled: o.cancelled,
      changed: o.changed,
      host,
      hostSkipped: !!row?.host_skipped,
      myRsvp: null as RsvpAnswer | null,
      rsvpCounts: { ...NO_COUNTS },
      ...flags,
    };
  });
}
