// The meetings benchmark's baseline: "my meetings" and the personal calendar feed straight from
// PostgreSQL with pg, as a bare HTTP handler (no Nest, no GraphQL, no session lookup) returning the
// same data as the API. It expands the series with the same shared-domain functions the API uses
// (expandSeries, hostRotation, fromRRule, the meetings policy) and builds the feed with the API's own
// calendar builder (apps/api/src/modules/meetings/calendar/meeting-ics.ts), both loaded from their
// TypeScript with lib/ts-register.cjs, as the API process loads them.
//
// Run in a process of its own, like the API:
//   node -r tools/bench/lib/ts-register.cjs -r tsconfig-paths/register tools/bench/lib/meetings-raw-server.mjs
// with DATABASE_URL, PERSON_ID (whose "my meetings" page POST /graphql answers), BENCH_TS_API_DIR,
// TS_NODE_PROJECT and TS_NODE_BASEURL set (meetings.mjs does this); it prints its base URL.
//
// Requests:
// - POST /graphql with the page's document and variables (from, to, first, offset): the same JSON.
// - GET /api/calendar/<token>.ics, with If-None-Match: the same calendar, or 304. One statement for
//   the person and the ETag's facts, then (only when the ETag differs) the series with their
//   exceptions and the supervision sessions shown as busy.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const d = require('@lantern/shared-domain');
const { meetingCalendar } = require(
  join(ROOT, 'apps', 'api', 'src', 'modules', 'meetings', 'calendar', 'meeting-ics.ts'),
);

const NONE = { kind: d.RecurrenceKind.None };

/** The person's memberships as grants (the policy's Actor), a CTE over $1 = user id. */
const ME = `me AS (
  SELECT ms.role, COALESCE(ms.trust_id, sc.trust_id) AS trust_id, ms.school_id
    FROM memberships ms LEFT JOIN schools sc ON sc.id = ms.school_id
   WHERE ms.user_id = $1)`;
/** Series the person may see (a superset: canSeeMeeting decides on each row), over `meeting_series s`. */
const VISIBLE = `(
  (s.scope_kind = 'NETWORK' AND EXISTS (SELECT 1 FROM me))
  OR s.trust_id IN (SELECT trust_id FROM me) OR s.school_id IN (SELECT school_id FROM me)
  OR $1 IN (s.chair_id, s.note_taker_id, s.organiser_id)
  OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.series_id = s.id AND g.user_id = $1))`;
const GRANTS = `(SELECT COALESCE(json_agg(json_build_object('role', role, 'trustId', trust_id, 'schoolId', school_id)), '[]') FROM me)`;
const SCHOOL_JSON = (a) =>
  `json_build_object('id', ${a}.id, 'name', ${a}.name, 'localAuthorityName', (SELECT name FROM local_authorities WHERE id = ${a}.local_authority_id))`;

function accessOf(r, userId) {
  const scope =
    r.scope_kind === 'NETWORK'
      ? { kind: d.ScopeKind.Network, trustId: null, schoolId: null }
      : r.scope_kind === 'TRUST'
        ? { kind: d.ScopeKind.Trust, trustId: r.trust_id, schoolId: null }
        : { kind: d.ScopeKind.School, trustId: r.trust_id, schoolId: r.school_id };
  return {
    scope,
    chairId: r.chair_id,
    noteTakerId: r.note_taker_id,
    organiserId: r.organiser_id,
    guestIds: r.guest ? [userId] : [],
  };
}

function patternOf(r) {
  const base = { firstDate: r.first_date, time: r.start_time, minutes: r.minutes, dates: r.rdates };
  const p = d.fromRRule(r.rrule, base) ?? { ...base, recurrence: NONE };
  return {
    firstDate: p.firstDate,
    time: p.time,
    minutes: p.minutes,
    recurrence: p.recurrence,
    until: r.until,
    count: r.count,
  };
}

const asDate = (v) => (v === null || v === undefined ? null : new Date(v));
const isException = (o) =>
  o.cancelled ||
  o.startsAt !== null ||
  o.minutes !== null ||
  o.mode !== null ||
  o.location !== null ||
  o.onlineLink !== null;

/** The "my meetings" page: two statements whatever the number of series. */
function myMeetings(pool) {
  return async (userId, { from, to, first = 25, offset = 0 }) => {
    const fromAt = d.londonInstant(from, '00:00');
    const toAt = d.londonInstant(d.addDays(to, 1), '00:00');
    const { rows } = await pool.query(
      `WITH ${ME}
       SELECT s.id, s.scope_kind, s.trust_id, t.name AS trust_name, s.school_id, sc.name AS school_name, s.title, s.mode,
              s.location, s.online_link, s.first_date::text AS first_date, to_char(s.start_time, 'HH24:MI') AS start_time,
              s.minutes, s.rrule, s.rdates::text[] AS rdates, s.until::text AS until, s.count,
              s.chair_id, s.note_taker_id, s.organiser_id,
              EXISTS (SELECT 1 FROM meeting_guests g WHERE g.series_id = s.id AND g.user_id = $1) AS guest,
              COALESCE((SELECT json_agg(${SCHOOL_JSON('hs')} ORDER BY array_position(s.host_school_ids, hs.id))
                          FROM schools hs WHERE hs.id = ANY(s.host_school_ids)), '[]') AS hosts,
              COALESCE((SELECT json_agg(json_build_object('id', o.id, 'key', o.key, 'cancelled', o.cancelled, 'startsAt', o.starts_at,
                                 'minutes', o.minutes, 'mode', o.mode, 'location', o.location, 'onlineLink', o.online_link,
                                 'hostSkipped', o.host_skipped, 'host', CASE WHEN hs.id IS NOT NULL THEN ${SCHOOL_JSON('hs')} END))
                          FROM meeting_occurrences o LEFT JOIN schools hs ON hs.id = o.host_school_id
                         WHERE o.series_id = s.id
                           AND (o.key BETWEEN $2 AND $3 OR o.host_skipped OR (o.starts_at >= $4 AND o.starts_at < $5))), '[]') AS occ,
              ${GRANTS} AS grants
         FROM meeting_series s LEFT JOIN trusts t ON t.id = s.trust_id LEFT JOIN schools sc ON sc.id = s.school_id
        WHERE s.cancelled_at IS NULL AND s.first_date <= $3 AND (s.until IS NULL OR s.until >= $2) AND ${VISIBLE}`,
      [userId, from, to, fromAt, toAt],
    );
    const actor = { userId, grants: rows[0]?.grants ?? [] };
    const all = [];
    for (const r of rows) {
      const access = accessOf(r, userId);
      if (!d.canSeeMeeting(actor, access)) continue;
      const flags = {
        canManage: d.canManageMeeting(actor, access),
        canMinute: d.canMinuteMeeting(actor, access),
        canTakePart: d.canTakePartInMeeting(actor, access),
      };
      const p = patternOf(r);
      const occ = r.occ.map((o) => ({ ...o, startsAt: asDate(o.startsAt) }));
      const byKey = new Map(occ.map((o) => [o.key, o]));
      const exceptions = occ
        .filter(isException)
        .map((o) => ({ key: o.key, cancelled: o.cancelled, startsAt: o.startsAt, minutes: o.minutes }));
      const hosts = r.hosts.length
        ? d.hostRotation(
            d.occurrenceDates(p, p.firstDate, to),
            r.hosts.map((h) => h.id),
            new Set(occ.filter((o) => o.hostSkipped).map((o) => o.key)),
          )
        : null;
      const schools = new Map(r.hosts.map((h) => [h.id, h]));
      for (const o of d.expandSeries(p, exceptions, from, to)) {
        const row = byKey.get(o.key);
        const mode = row?.mode ?? r.mode;
        const rotated = hosts?.get(o.key);
        all.push({
          seriesId: r.id,
          key: o.key,
          occurrenceId: row?.id ?? null,
          title: r.title,
          scopeKind: r.scope_kind,
          trustName: r.trust_name,
          schoolName: r.school_name,
          mode,
          location: row?.location ?? r.location,
          onlineLink: row?.onlineLink ?? r.online_link,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          minutes: Math.round((o.endsAt.getTime() - o.startsAt.getTime()) / 60_000),
          cancelled: o.cancelled,
          changed: o.changed,
          host:
            mode === d.MeetingMode.Online
              ? null
              : (row?.host ?? (rotated ? (schools.get(rotated) ?? null) : null)),
          hostSkipped: !!row?.hostSkipped,
          myRsvp: null,
          rsvpCounts: { inPerson: 0, online: 0, apologies: 0 },
          ...flags,
        });
      }
    }
    all.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
    const nodes = all.slice(offset, offset + first);
    if (nodes.length) {
      const { rows: answers } = await pool.query(
        `SELECT o.series_id, o.key::text AS key, e.answer, count(*)::int AS n, bool_or(e.user_id = $3) AS mine
           FROM unnest($1::uuid[], $2::date[]) AS o(series_id, key)
           JOIN LATERAL (SELECT DISTINCT ON (r.user_id) r.user_id, r.answer FROM meeting_rsvps r
                          WHERE r.series_id = o.series_id AND (r.key IS NULL OR r.key = o.key)
                          ORDER BY r.user_id, r.key NULLS LAST) e ON true
          GROUP BY o.series_id, o.key, e.answer`,
        [nodes.map((n) => n.seriesId), nodes.map((n) => n.key), userId],
      );
      const byKey = new Map(nodes.map((n) => [`${n.seriesId}/${n.key}`, n]));
      for (const a of answers) {
        const n = byKey.get(`${a.series_id}/${a.key}`);
        if (!n) continue;
        if (a.answer === 'IN_PERSON') n.rsvpCounts.inPerson = a.n;
        else if (a.answer === 'ONLINE') n.rsvpCounts.online = a.n;
        else n.rsvpCounts.apologies = a.n;
        if (a.mine) n.myRsvp = a.answer;
      }
    }
    return {
      data: { myMeetings: { totalCount: all.length, hasNextPage: offset + first < all.length, nodes } },
    };
  };
}

/** The feed: one statement to answer a conditional request; two more to build the calendar. */
function feed(pool, publicUrl) {
  return async (token, ifNoneMatch) => {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 404 };
    const today = d.londonToday();
    const from = d.addDays(today, -d.MEETING_LIMITS.feedPastDays);
    const to = d.addDays(today, d.MEETING_LIMITS.feedFutureDays);
    const fromAt = d.londonInstant(from, '00:00');
    const toAt = d.londonInstant(d.addDays(to, 1), '00:00');
    const hash = createHash('sha256').update(token).digest('hex');
    const window = `s.cancelled_at IS NULL AND s.first_date <= $2 AND (s.until IS NULL OR s.until >= $3)`;
    const busy = (
      u,
      f,
    ) => `(ss.chair_id = ${u} OR ss.id IN (SELECT session_id FROM supervision_participants WHERE user_id = ${u}))
                  AND ss.status IN ('SCHEDULED', 'LIVE') AND ss.starts_at >= ${f}`;
    const {
      rows: [facts],
    } = await pool.query(
      `WITH f AS (SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id AND u.deactivated_at IS NULL
                   WHERE f.token_hash = $1),
            ${ME.replace('ms.user_id = $1', 'ms.user_id = (SELECT user_id FROM f)')}
       SELECT f.user_id, ${GRANTS} AS grants,
              (SELECT json_build_object('n', count(*), 'u', max(s.updated_at), 'q', sum(s.sequence))
                 FROM meeting_series s WHERE ${window} AND ${VISIBLE.replaceAll('$1', 'f.user_id')}) AS meetings,
              (SELECT json_build_object('n', count(*), 'u', max(ss.updated_at))
                 FROM supervision_sessions ss WHERE ${busy('f.user_id', '$4')}) AS busy
         FROM f`,
      [hash, to, from, fromAt],
    );
    if (!facts) return { status: 404 };
    const userId = facts.user_id;
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([facts.meetings, facts.busy, facts.grants, from, publicUrl]))
      .digest('base64url')
      .slice(0, 32)}"`;
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
      return { status: 304, etag };

    const actor = { userId, grants: facts.grants };
    const { rows: series } = await pool.query(
      `WITH ${ME}
       SELECT s.uid, s.sequence, s.title, s.location, s.scope_kind, s.trust_id, s.school_id, s.chair_id, s.note_taker_id, s.organiser_id,
              EXISTS (SELECT 1 FROM meeting_guests g WHERE g.series_id = s.id AND g.user_id = $1) AS guest,
              s.first_date::text AS first_date, to_char(s.start_time, 'HH24:MI') AS start_time, s.minutes, s.rrule,
              s.rdates::text[] AS rdates, s.until::text AS until, s.count,
              COALESCE((SELECT json_agg(json_build_object('key', o.key, 'cancelled', o.cancelled, 'startsAt', o.starts_at,
                                 'minutes', o.minutes, 'location', o.location))
                          FROM meeting_occurrences o WHERE o.series_id = s.id
                           AND (o.cancelled OR o.starts_at IS NOT NULL OR o.minutes IS NOT NULL OR o.location IS NOT NULL)), '[]') AS ex
         FROM meeting_series s WHERE ${window} AND ${VISIBLE}`,
      [userId, to, from],
    );
    const { rows: sessions } = await pool.query(
      `SELECT ss.id, ss.starts_at, ss.minutes FROM supervision_sessions ss WHERE ${busy('$1', '$2')} AND ss.starts_at < $3 ORDER BY ss.starts_at`,
      [userId, fromAt, toAt],
    );
    const meetings = series
      .filter((s) => d.canSeeMeeting(actor, accessOf(s, userId)))
      .map((s) => ({
        uid: s.uid,
        sequence: s.sequence,
        title: s.title,
        location: s.location,
        pattern: patternOf(s),
        exceptions: s.ex.map((e) => ({ ...e, startsAt: asDate(e.startsAt) })),
        cancelled: false,
      }));
    for (const b of sessions) {
      const at = d.londonDateTime(b.starts_at);
      meetings.push({
        uid: `supervision-${b.id}@lantern`,
        sequence: 0,
        title: 'Busy',
        pattern: {
          firstDate: at.date,
          time: at.time,
          minutes: b.minutes,
          recurrence: NONE,
          until: null,
          count: null,
        },
        exceptions: [],
        cancelled: false,
      });
    }
    return { status: 200, etag, body: meetingCalendar('PUBLISH', meetings, 'Lantern') };
  };
}

export async function startRawServer(databaseUrl, personId, publicUrl = 'http://localhost') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const page = myMeetings(pool);
  const calendar = feed(pool, publicUrl);
  const server = createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/graphql') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const out = JSON.stringify(await page(personId, JSON.parse(body).variables));
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(out),
        });
        res.end(out);
        return;
      }
      const m = /^\/api\/calendar\/([^/]+)\.ics$/.exec(req.url ?? '');
      const answer = m ? await calendar(m[1], req.headers['if-none-match']) : { status: 404 };
      if (answer.status === 404) {
        res.writeHead(404).end();
        return;
      }
      res.setHeader('ETag', answer.etag);
      res.setHeader('Cache-Control', 'private, no-cache');
      if (answer.status === 304) {
        res.writeHead(304).end();
        return;
      }
      const bytes = Buffer.from(answer.body, 'utf8');
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-length': bytes.length });
      res.end(bytes);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.stack ?? err));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.close();
      await pool.end();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startRawServer(process.env.DATABASE_URL, process.env.PERSON_ID, process.env.PUBLIC_URL);
  process.stdout.write(`${s.url}\n`);
  process.on('SIGTERM', () => void s.close().finally(() => process.exit(0)));
}
