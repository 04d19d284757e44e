// Meetings benchmark (issue 12): the "my meetings" page and the personal calendar feed for a person
// who may see 300 series over two years, through the real API, against a raw pg handler returning
// the same data (lib/meetings-raw-server.mjs, in a process of its own like the API, expanding with
// the same shared-domain functions and building the feed with the API's own calendar builder),
// request by request in the same run (which goes first alternates), so both see the same load on a
// shared machine. Also: SQL statements per request at 30 and at 300 series (must be equal), and the
// feed's conditional request (If-None-Match: 304) against the full feed, to show that it does not
// rebuild the calendar (statements, API CPU time and latency).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ms } from './lib/load.mjs';
import { feedToken, meetingsContext, recurrence, seedSeries, sessionCookie } from './lib/meetings-data.mjs';
import { sideBySide } from './lib/side-by-side.mjs';
import {
  ROOT,
  benchDatabase,
  cpuSeconds,
  machineCpu,
  machineLine,
  startApi,
  waitQuiet,
} from './lib/servers.mjs';

export const description =
  '"my meetings" and the calendar feed in 300 series: statements constant, p50/p99 vs a raw pg handler, 304 without rebuilding';

// The client's document (libs/web/graphql/src/operations/meetings.graphql, MyMeetings with
// MeetingOccurrenceParts and MeetingSchoolParts), fragments inlined.
const PAGE = `query MyMeetings($from: String!, $to: String!, $first: Int, $offset: Int) {
  myMeetings(from: $from, to: $to, first: $first, offset: $offset) {
    totalCount hasNextPage
    nodes { seriesId key occurrenceId title scopeKind trustName schoolName mode location onlineLink startsAt endsAt
      minutes cancelled changed host { id name localAuthorityName } hostSkipped myRsvp
      rsvpCounts { inPerson online apologies } canManage canMinute canTakePart } } }`;

/** The raw handler in a process of its own, loading TypeScript the way the API process does. */
async function rawProcess(databaseUrl, personId) {
  const api = join(ROOT, 'apps', 'api');
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(ROOT, 'tools', 'bench', 'lib', 'ts-register.cjs'),
      '-r',
      'tsconfig-paths/register',
      join(ROOT, 'tools', 'bench', 'lib', 'meetings-raw-server.mjs'),
    ],
    {
      cwd: api,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl,
        PERSON_ID: personId,
        TS_NODE_PROJECT: join(api, 'tsconfig.spec.json'),
        TS_NODE_BASEURL: ROOT,
        BENCH_TS_API_DIR: api,
        NODE_OPTIONS: COUNTING,
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the raw server exited (${code})`)));
    child.stdout.once('data', (d) => resolve(String(d).trim()));
  });
  process.once('exit', () => child.kill());
  return { url, pid: child.pid, child, stop: () => child.kill() };
}

/** A calendar with DTSTAMP removed and its events in a stable order (series order is the database's). */
function normalIcs(text) {
  const body = text.replace(/^DTSTAMP:.*\r\n/gm, '');
  const events = body.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) ?? [];
  return { head: body.replace(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g, ''), events: events.sort() };
}

// Counts each marked request's own statements in the API and raw processes (lib/meetings-statements.cjs).
const COUNTING = `--require=${join(ROOT, 'tools', 'bench', 'lib', 'meetings-statements.cjs')}`;

/** The SQL statements one request made in `child` (a process preloaded with COUNTING). */
async function statementsOf(child, request) {
  const id = randomUUID();
  await request({ 'x-bench-count': id });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no statement count')), 10_000);
    const on = (m) => {
      if (m?.benchCount !== id) return;
      clearTimeout(t);
      child.off('message', on);
      resolve(m.statements);
    };
    child.on('message', on);
    child.send({ benchCount: id });
  });
}

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export async function run({ rounds = Number(process.env.BENCH_ROUNDS ?? 200) } = {}) {
  console.log(await machineLine());
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api', extraEnv: { NODE_OPTIONS: COUNTING } });
  let raw;
  try {
    const ctx = await meetingsContext(db);
    raw = await rawProcess(db.url, ctx.person);
    const today = londonToday();
    const cookie = await sessionCookie(db, ctx.person);
    const token = await feedToken(db, ctx.person);
    const { addDays } = recurrence;

    const post = (base, variables, headers = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ query: PAGE, variables }),
      }).then(async (r) => {
        const body = await r.json();
        if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
        return body;
      });
    const getFeed = (base, etag, headers = {}) =>
      fetch(`${base}/api/calendar/${token}.ics`, {
        headers: { ...(etag ? { 'if-none-match': etag } : {}), ...headers },
      }).then(async (r) => {
        const text = await r.text();
        if (r.status !== (etag ? 304 : 200))
          throw new Error(`feed answered ${r.status}: ${text.slice(0, 300)}`);
        return { etag: r.headers.get('etag'), text };
      });
    const pages = {
      '4 weeks, first 25': { from: today, to: addDays(today, 27), first: 25, offset: 0 },
      '400 days, first 25': { from: today, to: addDays(today, 400), first: 25, offset: 0 },
      '400 days, first 100': { from: today, to: addDays(today, 400), first: 100, offset: 0 },
    };
    // Each request's own statements (not the 500 ms session tick or the job poller beside it), in
    // the API and in the raw handler; the same for three requests in a row, or it says so.
    const statements = async (request) => {
      await request(api.url, {});
      const api3 = [];
      const raw3 = [];
      for (let i = 0; i < 3; i++) {
        api3.push(await statementsOf(api.child, (h) => request(api.url, h)));
        raw3.push(await statementsOf(raw.child, (h) => request(raw.url, h)));
      }
      const one = (xs) => (xs.every((x) => x === xs[0]) ? xs[0] : xs.join('/'));
      return { api: one(api3), raw: one(raw3) };
    };
    const countAll = async () => {
      const out = {};
      for (const [label, v] of Object.entries(pages))
        out[`page ${label}`] = await statements((b, h) => post(b, v, h));
      out['feed (200)'] = await statements((b, h) => getFeed(b, null, h));
      const etags = { [api.url]: (await getFeed(api.url)).etag, [raw.url]: (await getFeed(raw.url)).etag };
      out['feed If-None-Match (304)'] = await statements((b, h) => getFeed(b, etags[b], h));
      return out;
    };
    const visibleNow = async () =>
      (await post(api.url, pages['400 days, first 25'])).data.myMeetings.totalCount;

    // 30 series she may see (and 15 of another trust she may not), then 270 (and 135) more.
    const small = await seedSeries(db, ctx, { visible: 30, hidden: 15, start: 0, today });
    const at30 = await countAll();
    const occ30 = await visibleNow();
    const big = await seedSeries(db, ctx, { visible: 270, hidden: 135, start: 30, today });
    const at300 = await countAll();
    const hidden = new Set([...small.hidden, ...big.hidden]);
    const [{ n: seriesVisible }] = await db.sql(
      `SELECT count(*)::int AS n FROM meeting_series WHERE cancelled_at IS NULL AND NOT (id = ANY($1::uuid[]))`,
      [[...hidden]],
    );
    console.log(
      `  seeded: ${seriesVisible} series she may see (300 generated + the demo's), ${hidden.size} of Magnificat she may not; ` +
        `${small.occurrenceRows + big.occurrenceRows} occurrence rows, ${small.rsvps + big.rsvps} RSVPs`,
    );

    // Same data: every page of the API equals the raw handler's; nothing hidden appears.
    let same = true;
    for (const [label, v] of Object.entries(pages)) {
      const [a, b] = [await post(api.url, v), await post(raw.url, v)];
      const eq = JSON.stringify(a) === JSON.stringify(b);
      const leaked = a.data.myMeetings.nodes.filter((n) => hidden.has(n.seriesId)).length;
      same &&= eq && !leaked;
      console.log(
        `  ${label}: ${a.data.myMeetings.totalCount} occurrences in range, ${a.data.myMeetings.nodes.length} on the page; ` +
          `raw handler's JSON ${eq ? 'identical' : 'DIFFERENT'}; other trust's series shown: ${leaked}`,
      );
      if (!eq)
        console.log(
          `    API: ${JSON.stringify(a).slice(0, 400)}\n    raw: ${JSON.stringify(b).slice(0, 400)}`,
        );
    }
    const fullApi = await getFeed(api.url);
    const fullRaw = await getFeed(raw.url);
    const [na, nb] = [normalIcs(fullApi.text), normalIcs(fullRaw.text)];
    const feedSame = na.head === nb.head && JSON.stringify(na.events) === JSON.stringify(nb.events);
    const hiddenUids = (
      await db.sql('SELECT uid FROM meeting_series WHERE id = ANY($1::uuid[])', [[...hidden]])
    ).map((r) => r.uid);
    const feedLeaks = hiddenUids.filter((u) => fullApi.text.includes(u)).length;
    same &&= feedSame && !feedLeaks;
    console.log(
      `  feed: ${(fullApi.text.length / 1024).toFixed(0)} KB, ${na.events.length} VEVENTs; raw handler's calendar ${feedSame ? 'identical' : 'DIFFERENT'} ` +
        `(DTSTAMP aside, events sorted); other trust's series in it: ${feedLeaks}`,
    );

    // Where the time of a page goes: expanding the series alone (the shared domain's expandSeries,
    // which both the API and the raw handler run), timed in this process.
    const expansion = async (from, to) => {
      const rows = await db.sql(
        `SELECT first_date::text AS first_date, to_char(start_time, 'HH24:MI') AS start_time, minutes, rrule,
                rdates::text[] AS rdates, until::text AS until, count
           FROM meeting_series WHERE cancelled_at IS NULL AND NOT (id = ANY($1::uuid[]))
            AND first_date <= $3 AND (until IS NULL OR until >= $2)`,
        [[...hidden], from, to],
      );
      const patterns = rows.map((r) => {
        const base = { firstDate: r.first_date, time: r.start_time, minutes: r.minutes, dates: r.rdates };
        const p = recurrence.fromRRule(r.rrule, base) ?? { ...base, recurrence: { kind: 'NONE' } };
        return { ...p, until: r.until, count: r.count };
      });
      const times = [];
      let n = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        n = 0;
        for (const p of patterns) n += recurrence.expandSeries(p, [], from, to).length;
        times.push(performance.now() - t0);
      }
      return { n, ms: times.sort((x, y) => x - y)[2] };
    };
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) recurrence.londonInstant(addDays(today, i % 400), '09:30');
    const perInstant = ((performance.now() - t0) * 1000) / 2000;
    const e4 = await expansion(today, addDays(today, 27));
    const e400 = await expansion(today, addDays(today, 400));
    console.log(
      `  expanding the series alone (expandSeries, this process): 4 weeks ${e4.ms.toFixed(1)} ms for ${e4.n} occurrences, ` +
        `400 days ${e400.ms.toFixed(1)} ms for ${e400.n} (${((e400.ms * 1000) / e400.n).toFixed(0)} µs each; londonInstant ${perInstant.toFixed(0)} µs a call)`,
    );

    console.log('\n  SQL statements per request     | API, 30 series | API, 300 series | raw, 30 | raw, 300');
    for (const k of Object.keys(at300))
      console.log(
        `  ${k.padEnd(30)} | ${String(at30[k].api).padStart(14)} | ${String(at300[k].api).padStart(15)} | ${String(at30[k].raw).padStart(7)} | ${String(at300[k].raw).padStart(8)}`,
      );
    const constant = Object.keys(at300).every(
      (k) => at30[k].api === at300[k].api && typeof at300[k].api === 'number',
    );
    console.log(
      `  constant: ${constant ? 'yes' : 'NO'} (occurrences in 400 days: ${occ30} at 30 series, ${await visibleNow()} at 300)`,
    );

    console.log(
      `\n  p50 / p99 in ms, ${rounds} rounds after 20 warm-up rounds; raw = the raw pg handler in its own process`,
    );
    console.log(
      '  request                    | API p50 / p99    | raw p50 / p99    | ratio p50 / p99 | API CPU/req | raw CPU/req | machine busy',
    );
    const etagApi = fullApi.etag;
    const etagRaw = fullRaw.etag;
    const cases = [
      ...Object.entries(pages).map(([label, v]) => [
        `page ${label}`,
        () => post(api.url, v),
        () => post(raw.url, v),
      ]),
      ['feed (200)', () => getFeed(api.url), () => getFeed(raw.url)],
      ['feed If-None-Match (304)', () => getFeed(api.url, etagApi), () => getFeed(raw.url, etagRaw)],
    ];
    const results = [];
    for (const [label, a, b] of cases) {
      await waitQuiet();
      const c0 = [cpuSeconds(api.pid), cpuSeconds(raw.pid)];
      const m0 = machineCpu();
      const { g, r } = await sideBySide(rounds, a, b);
      const m1 = machineCpu();
      const per = (i, pid) => (((cpuSeconds(pid) - c0[i]) * 1000) / (rounds + 20)).toFixed(2);
      const p = (h, q) => h.getValueAtPercentile(q);
      const ratio = p(g, 50) / p(r, 50);
      results.push({ label, ratio, apiP50: p(g, 50), apiCpu: Number(per(0, api.pid)) });
      console.log(
        `  ${label.padEnd(26)} | ${ms(p(g, 50)).padStart(7)} / ${ms(p(g, 99)).padStart(6)} | ${ms(p(r, 50)).padStart(7)} / ${ms(p(r, 99)).padStart(6)} | ` +
          `${ratio.toFixed(2).padStart(6)} / ${(p(g, 99) / p(r, 99)).toFixed(2).padStart(5)} | ${per(0, api.pid).padStart(8)} ms | ${per(1, raw.pid).padStart(8)} ms | ` +
          `${Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100)}%`,
      );
    }
    const full = results.find((x) => x.label === 'feed (200)');
    const cond = results.find((x) => x.label.startsWith('feed If-None-Match'));
    console.log(
      `\n  the 304: ${at300['feed If-None-Match (304)'].api} statements against ${at300['feed (200)'].api} for the full feed; API p50 ${ms(cond.apiP50)} ms against ${ms(full.apiP50)} ms ` +
        `(${(full.apiP50 / cond.apiP50).toFixed(1)}x faster), API CPU ${cond.apiCpu} ms against ${full.apiCpu} ms per request`,
    );
    console.log(
      `  ratio target p50 <= 1.5: ${results.every((x) => x.ratio <= 1.5) ? 'met' : 'missed'} (worst ${Math.max(...results.map((x) => x.ratio)).toFixed(2)}, ${results.reduce((w, x) => (x.ratio > w.ratio ? x : w)).label}); ` +
        `same data: ${same ? 'yes' : 'NO'}; statements constant: ${constant ? 'yes' : 'NO'}`,
    );
  } finally {
    raw?.stop();
    await api.stop();
    await db.drop();
  }
}
