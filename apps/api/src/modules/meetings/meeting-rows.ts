import {
  Actor,
  MeetingAccess,
  MeetingMode,
  MeetingScope,
  Recurrence,
  RecurrenceKind,
  Role,
  RsvpAnswer,
  ScopeKind,
  SeriesPattern,
  canManageMeeting,
  canMinuteMeeting,
  canTakePartInMeeting,
  fromRRule,
  isNetworkLevel,
  trustsOf,
} from '@lantern/shared-domain';
import type { MeetingPersonModel, MeetingSchoolModel, MeetingSeriesModel } from './meeting.model';
import { MeetingScopeKind } from './meeting.model';

/** A meeting_series row as the meetings services read it (dates as text, names joined). */
export interface SeriesRow {
  id: string;
  scope_kind: 'NETWORK' | 'TRUST' | 'SCHOOL';
  trust_id: string | null;
  trust_name: string | null;
  school_id: string | null;
  school_name: string | null;
  title: string;
  description: string;
  mode: MeetingMode;
  location: string | null;
  online_link: string | null;
  first_date: string;
  start_time: string;
  minutes: number;
  rrule: string | null;
  rdates: string[];
  until: string | null;
  count: number | null;
  chair_id: string;
  chair_name: string;
  note_taker_id: string | null;
  note_taker_name: string | null;
  organiser_id: string;
  organiser_name: string;
  guests: MeetingPersonModel[];
  host_schools: MeetingSchoolModel[];
  uid: string;
  sequence: number;
  revision: number;
  split_from: string | null;
  cancelled_at: Date | null;
  updated_at: Date;
}

/** The select list for SeriesRow over `meeting_series s`. */
export const SERIES_SELECT = `
  SELECT s.id, s.scope_kind, s.trust_id, t.name AS trust_name, s.school_id, sc.name AS school_name,
         s.title, s.description, s.mode, s.location, s.online_link,
         s.first_date::text AS first_date, to_char(s.start_time, 'HH24:MI') AS start_time, s.minutes,
         s.rrule, s.rdates::text[] AS rdates, s.until::text AS until, s.count,
         s.chair_id, cu.display_name AS chair_name, s.note_taker_id, nu.display_name AS note_taker_name,
         s.organiser_id, ou.display_name AS organiser_name,
         COALESCE((SELECT json_agg(json_build_object('id', gu.id, 'displayName', gu.display_name) ORDER BY gu.display_name)
                     FROM meeting_guests g JOIN users gu ON gu.id = g.user_id WHERE g.series_id = s.id), '[]'::json) AS guests,
         COALESCE((SELECT json_agg(json_build_object('id', hs.id, 'name', hs.name, 'localAuthorityName', hla.name)
                                   ORDER BY array_position(s.host_school_ids, hs.id))
                     FROM schools hs LEFT JOIN local_authorities hla ON hla.id = hs.local_authority_id
                    WHERE hs.id = ANY(s.host_school_ids)), '[]'::json) AS host_schools,
         s.uid, s.sequence, s.revision, s.split_from, s.cancelled_at, s.updated_at
    FROM meeting_series s
    LEFT JOIN trusts t ON t.id = s.trust_id
    LEFT JOIN schools sc ON sc.id = s.school_id
    JOIN users cu ON cu.id = s.chair_id
    LEFT JOIN users nu ON nu.id = s.note_taker_id
    JOIN users ou ON ou.id = s.organiser_id`;

export function scopeOf(row: Pick<SeriesRow, 'scope_kind' | 'trust_id' | 'school_id'>): MeetingScope {
  if (row.scope_kind === 'NETWORK') return { kind: ScopeKind.Network, trustId: null, schoolId: null };
  if (row.scope_kind === 'TRUST') return { kind: ScopeKind.Trust, trustId: row.trust_id!, schoolId: null };
  return { kind: ScopeKind.School, trustId: row.trust_id!, schoolId: row.school_id! };
}

export function accessOf(row: SeriesRow): MeetingAccess {
  return {
    scope: scopeOf(row),
    chairId: row.chair_id,
    noteTakerId: row.note_taker_id,
    organiserId: row.organiser_id,
    guestIds: row.guests.map((g) => g.id),
  };
}

export function patternOf(row: SeriesRow): SeriesPattern {
  const base = { firstDate: row.first_date, time: row.start_time, minutes: row.minutes, dates: row.rdates };
  const p = fromRRule(row.rrule, base) ?? {
    ...base,
    recurrence: { kind: RecurrenceKind.None } as Recurrence,
    until: null,
    count: null,
  };
  return { firstDate: p.firstDate, time: p.time, minutes: p.minutes, recurrence: p.recurrence, until: row.until, count: row.count };
}

export function seriesModel(row: SeriesRow, actor: Actor, myRsvp: RsvpAnswer | null): MeetingSeriesModel {
  const access = accessOf(row);
  const r = patternOf(row).recurrence;
  return {
    id: row.id,
    scopeKind: row.scope_kind as MeetingScopeKind,
    trustId: row.trust_id,
    trustName: row.trust_name,
    schoolId: row.school_id,
    schoolName: row.school_name,
    title: row.title,
    description: row.description,
    mode: row.mode,
    location: row.location,
    onlineLink: row.online_link,
    firstDate: row.first_date,
    startTime: row.start_time,
    minutes: row.minutes,
    recurrence: {
      kind: r.kind,
      interval: r.kind === RecurrenceKind.Weekly ? r.interval : null,
      week: r.kind === RecurrenceKind.MonthlyWeekday ? r.week : null,
      dates: r.kind === RecurrenceKind.Dates ? [...r.dates] : [],
    },
    until: row.until,
    count: row.count,
    chair: { id: row.chair_id, displayName: row.chair_name },
    noteTaker: row.note_taker_id ? { id: row.note_taker_id, displayName: row.note_taker_name ?? '' } : null,
    organiser: { id: row.organiser_id, displayName: row.organiser_name },
    guests: row.guests,
    hostSchools: row.host_schools,
    revision: row.revision,
    sequence: row.sequence,
    splitFrom: row.split_from,
    cancelledAt: row.cancelled_at,
    myRsvp,
    canManage: canManageMeeting(actor, access),
    canMinute: canMinuteMeeting(actor, access),
    canTakePart: canTakePartInMeeting(actor, access),
  };
}

/**
 * The SQL filter (over `meeting_series s`) that keeps the series the actor may see: the policy's
 * scope rules as parameters ($start..$start+5), then canSeeMeeting on each row in the service.
 */
export function visibleSeriesFilter(actor: Actor, start: number): { sql: string; params: unknown[] } {
  const networkOnly = isNetworkLevel(actor) && trustsOf(actor).length === 0;
  const schools = actor.grants.map((g) => g.schoolId).filter((s): s is string => !!s);
  const leaderTrusts = actor.grants
    .filter((g) => (g.role === Role.TrustLeader || g.role === Role.TrustSendLead) && g.trustId)
    .map((g) => g.trustId!);
  const $ = (i: number) => `$${start + i}`;
  return {
    sql: `(
      (${$(0)}::boolean AND s.scope_kind = 'NETWORK')
      OR (s.scope_kind = 'TRUST' AND s.trust_id = ANY(${$(1)}::uuid[]))
      OR (s.scope_kind = 'SCHOOL' AND (s.school_id = ANY(${$(2)}::uuid[]) OR s.trust_id = ANY(${$(3)}::uuid[])))
      OR s.chair_id = ${$(4)} OR s.note_taker_id = ${$(4)} OR s.organiser_id = ${$(4)}
      OR s.id IN (SELECT g.series_id FROM meeting_guests g WHERE g.user_id = ${$(4)}))`,
    params: [actor.grants.length > 0, networkOnly ? [] : trustsOf(actor), schools, leaderTrusts, actor.userId],
  };
}
