// Generated meetings for the meetings benchmark, written straight into the database: series the
// trusts' shared SEND lead (send.lead@, SEND lead of Assisi and Christus) may see — network, her two
// trusts', their schools', and Magnificat meetings she is a named guest of — and Magnificat's own
// series she must not see. Weekly, fortnightly, monthly by weekday and termly (explicit dates),
// started up to a year ago and running up to a year ahead (some open-ended, some by count), with
// exceptions (cancelled, moved, another place, a host skipped), agenda-only occurrence rows, host
// rotations, and RSVPs for whole series and single occurrences.
//
// Patterns go in as the API writes them (toRRule and occurrenceDates of the shared domain, loaded
// from its TypeScript with lib/ts-register.cjs, as the API process loads it).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './servers.mjs';

process.env.BENCH_TS_API_DIR ??= join(ROOT, 'apps', 'api');
const require = createRequire(import.meta.url);
require('./ts-register.cjs');
/** The shared domain's recurrence functions (TypeScript, transpiled at load). */
export const recurrence = require(join(ROOT, 'libs', 'shared', 'domain', 'src', 'lib', 'recurrence.ts'));
const { addDays, londonInstant, occurrenceDates, toRRule, weekOfMonth } = recurrence;

export const PERSON = 'send.lead@demo.lantern.test';

/** Deterministic pseudo-random numbers, so runs are comparable. */
export function rng(seed = 42) {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const TOPICS = [
  'SENCO network',
  'EHCP review clinic',
  'Inclusion leads',
  'Provision mapping',
  'Speech and language',
  'Transition planning',
  'SEMH support',
  'Annual review moderation',
  'Autism practice',
  'Reading interventions',
  'Teaching assistant deployment',
  'Attendance and SEND',
  'Parent partnership',
  'Outreach panel',
  'Funding panel',
];
const TIMES = ['09:00', '09:30', '10:00', '11:15', '13:30', '14:00', '15:45', '16:00'];

/** People, trusts and schools of the seeded demo data. */
export async function meetingsContext(db) {
  const users = new Map((await db.sql('SELECT id, email FROM users')).map((r) => [r.email, r.id]));
  const schools = await db.sql(
    `SELECT s.id, s.trust_id, t.short_name FROM schools s JOIN trusts t ON t.id = s.trust_id ORDER BY t.short_name, s.name`,
  );
  const trusts = new Map(
    (await db.sql('SELECT id, short_name FROM trusts')).map((r) => [r.short_name, r.id]),
  );
  const of = (short) => schools.filter((s) => s.short_name === short);
  return {
    person: users.get(PERSON),
    users,
    everyone: [...users.values()],
    trusts,
    schools: { ACT: of('ACT'), CCT: of('CCT'), MCT: of('MCT') },
  };
}

/** A weekday date's week of its month as the API stores it (1–4, or -1 for a fifth = last). */
function monthlyWeek(date) {
  const { nth } = weekOfMonth(date);
  return nth > 4 ? -1 : nth;
}

/** The pattern of series number i (deterministic): kind, first date, time, end. */
function patternFor(i, today, rand) {
  const kind = i % 20 < 6 ? 'WEEKLY' : i % 20 < 12 ? 'FORTNIGHTLY' : i % 20 < 17 ? 'MONTHLY' : 'TERMLY';
  // Started between a year ago and a month from now, on a weekday.
  let first = addDays(today, -365 + ((i * 37) % 395));
  const dow = new Date(`${first}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) first = addDays(first, dow === 0 ? 1 : 2);
  const time = TIMES[i % TIMES.length];
  const minutes = [60, 90, 120, 75][i % 4];
  const ends = i % 10;
  const until = ends < 7 ? addDays(today, 330 + (i % 60)) : null; // 70% end in about a year
  const count = ends === 9 ? 40 + (i % 20) : null; // 10% by count, 20% open-ended
  let rec;
  if (kind === 'WEEKLY') rec = { kind: 'WEEKLY', interval: 1 };
  else if (kind === 'FORTNIGHTLY') rec = { kind: 'WEEKLY', interval: 2 };
  else if (kind === 'MONTHLY') rec = { kind: 'MONTHLY_WEEKDAY', week: monthlyWeek(first) };
  else {
    // One date per half term for two years, about six weeks apart.
    const dates = [];
    for (let d = first, k = 0; k < 12; k++, d = addDays(d, 42 + Math.floor(rand() * 21))) {
      const w = new Date(`${d}T00:00:00Z`).getUTCDay();
      dates.push(w === 0 || w === 6 ? addDays(d, w === 0 ? 1 : 2) : d);
    }
    rec = { kind: 'DATES', dates };
  }
  const p = {
    firstDate: first,
    time,
    minutes,
    recurrence: rec,
    until: rec.kind === 'DATES' ? null : until,
    count: rec.kind === 'DATES' ? null : count,
  };
  return { p, rrule: toRRule(p), rdates: rec.kind === 'DATES' ? rec.dates : [] };
}

/**
 * `visible` series the person may see and `hidden` ones of another trust she may not, numbered
 * from `start` (so a second call adds to the first). Returns the ids of each.
 */
export async function seedSeries(db, ctx, { visible, hidden, start = 0, today, seed = 12 }) {
  const rand = rng(seed + start);
  const { users, person, trusts, schools } = ctx;
  const u = (e) => users.get(e);
  const actSencos = [u('senco.holy-family@demo.lantern.test'), u('senco.st-josephs-act@demo.lantern.test')];
  const cctSencos = [u('senco.holy-cross@demo.lantern.test')];
  const mctLead = u('send.lead.magnificat@demo.lantern.test');
  const mctSenco = u('senco.st-bernadettes@demo.lantern.test');
  const rows = [];
  const add = (i, over) => {
    const { p, rrule, rdates } = patternFor(i, today, rand);
    const mode = ['IN_PERSON', 'ONLINE', 'HYBRID', 'IN_PERSON', 'ONLINE'][i % 5];
    rows.push({
      i,
      p,
      rrule,
      rdates,
      mode,
      title: `${TOPICS[i % TOPICS.length]} ${over.label} #${i}`,
      location: mode === 'ONLINE' ? null : `Room ${1 + (i % 12)}`,
      online_link: mode === 'IN_PERSON' ? null : `https://meet.example.org/bench-${i}`,
      sequence: i % 4,
      ...over,
    });
  };
  for (let k = 0; k < visible; k++) {
    const i = start + k;
    const scope = i % 10;
    const trust = i % 2 ? 'ACT' : 'CCT';
    const sencos = trust === 'ACT' ? actSencos : cctSencos;
    const chair = i % 7 === 0 ? person : sencos[i % sencos.length];
    const base = { chair, note_taker: i % 3 === 0 ? sencos[(i + 1) % sencos.length] : null, guests: [] };
    if (scope === 0)
      add(i, {
        ...base,
        scope_kind: 'NETWORK',
        trust_id: null,
        school_id: null,
        label: 'network',
        hostsFrom: [...schools.ACT, ...schools.CCT, ...schools.MCT],
      });
    else if (scope <= 3)
      add(i, {
        ...base,
        scope_kind: 'TRUST',
        trust_id: trusts.get(trust),
        school_id: null,
        label: trust,
        hostsFrom: schools[trust],
      });
    else if (scope <= 8) {
      const school = schools[trust][i % schools[trust].length];
      add(i, {
        ...base,
        scope_kind: 'SCHOOL',
        trust_id: trust === 'ACT' ? trusts.get('ACT') : trusts.get('CCT'),
        school_id: school.id,
        label: `${trust} school`,
        hostsFrom: [],
      });
    } else {
      // Magnificat's meetings she is a named guest of (visible through the guest row only).
      add(i, {
        chair: mctLead,
        note_taker: mctSenco,
        guests: [person, mctSenco],
        scope_kind: 'TRUST',
        trust_id: trusts.get('MCT'),
        school_id: null,
        label: 'MCT, guest',
        hostsFrom: schools.MCT,
      });
    }
  }
  for (let k = 0; k < hidden; k++) {
    const i = 100_000 + start + k;
    const school = schools.MCT[i % schools.MCT.length];
    const asSchool = i % 2 === 0;
    add(i, {
      chair: asSchool ? mctSenco : mctLead,
      note_taker: null,
      guests: i % 3 === 0 ? [mctSenco] : [],
      scope_kind: asSchool ? 'SCHOOL' : 'TRUST',
      trust_id: trusts.get('MCT'),
      school_id: asSchool ? school.id : null,
      label: 'MCT only',
      hostsFrom: schools.MCT,
      hidden: true,
    });
  }
  for (const r of rows) {
    // Host rotation for half the in-person and hybrid series that have schools to rotate through.
    r.hosts =
      r.mode !== 'ONLINE' && r.hostsFrom.length && r.i % 2 === 0
        ? r.hostsFrom.slice(0, 3).map((s) => s.id)
        : [];
  }
  const ids = await db.sql(
    `INSERT INTO meeting_series (scope_kind, trust_id, school_id, title, description, mode, location, online_link,
            first_date, start_time, minutes, rrule, rdates, until, count, chair_id, note_taker_id, organiser_id,
            host_school_ids, uid, sequence, updated_at)
     SELECT sk, tr, sc, ti, 'Benchmark series', mo, lo, li, fd, st::time, mi, rr, rd::date[], un, co, ch, nt, ch,
            hs::uuid[], ui, sq, now() - (random() * interval '30 days')
       FROM json_to_recordset($1::json) AS x(sk text, tr uuid, sc uuid, ti text, mo text, lo text, li text, fd date, st text,
            mi int, rr text, rd text[], un date, co int, ch uuid, nt uuid, hs text[], ui text, sq int)
     RETURNING id, uid`,
    [
      JSON.stringify(
        rows.map((r) => ({
          sk: r.scope_kind,
          tr: r.trust_id,
          sc: r.school_id,
          ti: r.title,
          mo: r.mode,
          lo: r.location,
          li: r.online_link,
          fd: r.p.firstDate,
          st: r.p.time,
          mi: r.p.minutes,
          rr: r.rrule,
          rd: r.rdates,
          un: r.p.until,
          co: r.p.count,
          ch: r.chair,
          nt: r.note_taker,
          hs: r.hosts,
          ui: `bench-${r.i}-${randomBytes(4).toString('hex')}@lantern`,
          sq: r.sequence,
        })),
      ),
    ],
  );
  const byUid = new Map(ids.map((x) => [x.uid.replace(/-[0-9a-f]{8}@lantern$/, ''), x.id]));
  for (const r of rows) r.id = byUid.get(`bench-${r.i}`);

  // Guests, occurrence rows (exceptions, skipped hosts, agenda-only rows) and RSVPs.
  const guests = [];
  const occ = [];
  const rsvps = [];
  const everyone = ctx.everyone;
  for (const r of rows) {
    for (const g of r.guests) guests.push([r.id, g]);
    const keys = occurrenceDates(r.p, r.p.firstDate, addDays(today, 400));
    const pick = (n) => keys[Math.floor(rand() * keys.length)] ?? null;
    const used = new Set();
    const once = (key, row) => {
      if (!key || used.has(key)) return;
      used.add(key);
      occ.push({ s: r.id, k: key, ...row });
    };
    if (keys.length > 1) {
      if (r.i % 3 === 0) once(pick(), { c: true });
      if (r.i % 4 === 0) {
        const key = pick();
        // Moved a day later, half an hour later, and shorter.
        if (key)
          once(key, {
            a: londonInstant(addDays(key, 1), r.p.time.replace(/:(\d\d)$/, ':45')).toISOString(),
            m: 45,
          });
      }
      if (r.i % 5 === 0 && r.mode !== 'ONLINE') once(pick(), { l: 'The library (moved for this one)' });
      if (r.hosts.length && r.i % 6 === 0) once(pick(), { h: true });
      once(pick(), { p: true }); // an agenda, nothing else of its own
    }
    // Whole-series answers from four people; the person answers for a third of the series.
    for (let k = 0; k < 4; k++) {
      const who = everyone[(r.i + k * 3) % everyone.length];
      if (who === ctx.person) continue;
      rsvps.push({ s: r.id, k: null, u: who, a: ['IN_PERSON', 'ONLINE', 'APOLOGIES'][(r.i + k) % 3] });
    }
    if (!r.hidden && r.i % 3 === 0)
      rsvps.push({ s: r.id, k: null, u: ctx.person, a: r.mode === 'ONLINE' ? 'ONLINE' : 'IN_PERSON' });
    // Answers for single occurrences (which win over the series answer): the person and two others.
    for (let k = 0; k < 3 && keys.length; k++) {
      const key = keys[(r.i * 7 + k * 5) % keys.length];
      for (const who of [
        r.hidden ? null : ctx.person,
        everyone[(r.i + k) % everyone.length],
        everyone[(r.i + 5) % everyone.length],
      ]) {
        if (!who || rsvps.some((x) => x.s === r.id && x.u === who && x.k === key)) continue;
        rsvps.push({ s: r.id, k: key, u: who, a: ['APOLOGIES', 'ONLINE', 'IN_PERSON'][(r.i + k) % 3] });
      }
    }
  }
  if (guests.length)
    await db.sql(
      'INSERT INTO meeting_guests (series_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING',
      [guests.map((g) => g[0]), guests.map((g) => g[1])],
    );
  await db.sql(
    `INSERT INTO meeting_occurrences (series_id, key, cancelled, starts_at, minutes, location, host_skipped, agenda_published_at)
     SELECT s, k, COALESCE(c, false), a, m, l, COALESCE(h, false), CASE WHEN p THEN now() END
       FROM json_to_recordset($1::json) AS x(s uuid, k date, c boolean, a timestamptz, m int, l text, h boolean, p boolean)`,
    [JSON.stringify(occ)],
  );
  await db.sql(
    `INSERT INTO meeting_rsvps (series_id, key, user_id, answer)
     SELECT s, k, u, a FROM json_to_recordset($1::json) AS x(s uuid, k date, u uuid, a text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rsvps)],
  );
  for (const t of ['meeting_series', 'meeting_occurrences', 'meeting_rsvps', 'meeting_guests'])
    await db.sql(`ANALYZE ${t}`);
  return {
    visible: rows.filter((r) => !r.hidden).map((r) => r.id),
    hidden: rows.filter((r) => r.hidden).map((r) => r.id),
    occurrenceRows: occ.length,
    rsvps: rsvps.length,
  };
}

/** A calendar feed token for the person (only its SHA-256 stored, as regenerateCalendarFeed does). */
export async function feedToken(db, userId) {
  const token = randomBytes(32).toString('base64url');
  await db.sql(
    `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
    [userId, createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

/** A signed-in session for the person (what sign-in stores). Returns the cookie. */
export async function sessionCookie(db, userId) {
  const token = randomBytes(32).toString('base64url');
  await db.sql(
    `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent) VALUES ($1, $2, now() + interval '1 day', 'lantern-bench')`,
    [userId, createHash('sha256').update(token).digest('hex')],
  );
  return `lantern_session=${token}`;
}
