// Benchmark: supervision room messages (issue 11) through the full path (an elevated session, the
// canJoinSupervision rule with the session read in the append's transaction, the personal-data
// check, the persisted item, the emit) against, in the same run, a bare socket.io server that also
// INSERTs each message into PostgreSQL and commits before it emits.
import { createHash, randomBytes } from 'node:crypto';
import { fanout, keptUp, ratioLine } from './lib/load.mjs';
import {
  SESSION_COOKIE,
  benchDatabase,
  machineLine,
  pgBackends,
  processes,
  startApi,
  startBarePg,
  waitQuiet,
} from './lib/servers.mjs';

export const description =
  'supervision room: N elevated sockets in live sessions of 4, 1 message/s each, vs bare socket.io + INSERT';

const SENCO = 'senco.holy-family@demo.lantern.test';
const LEAD = 'send.lead@demo.lantern.test';
const HEAD = 'headteacher.holy-family@demo.lantern.test';
/** Who holds socket k of a room of 4: the SENCO (two tabs), the SEND lead (chair), the headteacher. */
const SEATS = [SENCO, LEAD, HEAD, SENCO];

/** `rooms` live Holy Family sessions with the three participants, and an elevated sign-in per socket. */
async function insertRooms(db, rooms) {
  const users = new Map((await db.sql('SELECT id, email FROM users')).map((u) => [u.email, u.id]));
  const [school] = await db.sql(
    "SELECT s.id, s.trust_id FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE t.short_name = 'ACT' AND s.name = 'Holy Family Primary'",
  );
  const sessions = (
    await db.sql(
      `INSERT INTO supervision_sessions (school_id, trust_id, title, status, starts_at, started_at, chair_id, created_by)
       SELECT $1, $2, 'Benchmark session ' || n, 'LIVE', now(), now(), $3, $3 FROM generate_series(1, $4) n
       RETURNING id`,
      [school.id, school.trust_id, users.get(LEAD), rooms],
    )
  ).map((r) => r.id);
  await db.sql(
    `INSERT INTO supervision_participants (session_id, user_id, role)
     SELECT s, u.id, u.role FROM unnest($1::uuid[]) s,
            (VALUES ($2::uuid, 'SENCO'), ($3::uuid, 'SEND_LEAD'), ($4::uuid, 'HEADTEACHER')) AS u(id, role)`,
    [sessions, users.get(SENCO), users.get(LEAD), users.get(HEAD)],
  );
  const seats = Array.from({ length: rooms * 4 }, (_, k) => users.get(SEATS[k % 4]));
  const tokens = seats.map(() => randomBytes(32).toString('base64url'));
  await db.sql(
    `INSERT INTO sessions (user_id, token_hash, expires_at, elevated_until, user_agent)
     SELECT u, h, now() + interval '1 day', now() + interval '1 day', 'lantern-bench'
       FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
    [seats, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  return { sessions, cookies: tokens.map((t) => `${SESSION_COOKIE}=${t}`) };
}

export async function run({ sockets = 1000, durationS = 20, warmupS = 3 } = {}) {
  const rooms = Math.ceil(sockets / 4);
  console.log(
    `supervision: ${rooms * 4} sockets in ${rooms} live sessions of 4, each sending 1 message/s for ${durationS} s (+${warmupS} s warm-up)`,
  );
  await waitQuiet();
  console.log(await machineLine());
  const db = await benchDatabase();
  const servers = [];
  // The send time and sender of each message, by client id (the room's schema takes no extra fields).
  const sent = new Map();
  const common = {
    durationS,
    warmupS,
    bodyOf: ({ t, from, round, clientId }) => {
      sent.set(clientId, { t, from });
      return {
        type: 'message',
        text: `Point ${round + 1} from seat ${(from % 4) + 1}: agreed, see the plan.`,
      };
    },
    timingOf: (item) => sent.get(item.clientId),
  };
  // The baseline runs before and after the API (the machine is shared: its load changes between
  // phases); the ratios are against the better of the two, the stricter comparison.
  const baseline = async (label) => {
    const bare = await startBarePg({ databaseUrl: db.url });
    servers.push(bare);
    const r = await fanout({
      ...common,
      label,
      specs: Array.from({ length: rooms * 4 }, () => ({ url: bare.url })),
      streamPrefix: `bare${servers.length}`,
      roomOf: (k) => `supervision:bare-${Math.floor(k / 4)}`,
      cpuGroups: [processes('server', [bare]), pgBackends(db)],
    });
    await bare.stop();
    return r;
  };
  try {
    const before = await baseline('baseline: bare socket.io + INSERT, commit (before the API)');

    const api = await startApi({
      databaseUrl: db.url,
      extraEnv: process.env.BENCH_API_ENV ? JSON.parse(process.env.BENCH_API_ENV) : {},
    });
    servers.push(api);
    const { sessions, cookies } = await insertRooms(db, rooms);
    console.log(`  ${sessions.length} live sessions and ${cookies.length} elevated sign-ins inserted`);
    const queries0 = await api.queries();
    const full = await fanout({
      ...common,
      label: 'Lantern API (1 process), supervision room',
      specs: cookies.map((cookie) => ({ url: api.url, cookie })),
      streamPrefix: 'api',
      roomOf: (k) => `supervision:${sessions[Math.floor(k / 4)]}`,
      cpuGroups: [processes('server', [api]), pgBackends(db)],
    });
    const queries = (await api.queries()) - queries0;
    console.log(
      `  SQL statements per send (whole run, incl. connects): ${(queries / Math.max(1, full.measuredSends * ((durationS + warmupS) / durationS))).toFixed(1)}`,
    );
    await api.stop();
    const log = api.logSummary();
    if (log.length)
      console.log(
        `  server log (warnings/errors):\n${log
          .slice(0, 15)
          .map((l) => `    ${l}`)
          .join('\n')}`,
      );
    const [stored] = await db.sql(
      "SELECT count(*)::int AS n FROM stream_items WHERE stream_key LIKE 'supervision:%'",
    );
    console.log(`  messages stored by the API: ${stored.n}`);
    const after = await baseline('baseline: bare socket.io + INSERT, commit (after the API)');
    const base = {
      p50: Math.min(before.p50, after.p50),
      p99: Math.min(before.p99, after.p99),
      ok: keptUp(before) && keptUp(after),
    };

    console.log(
      '\nsupervision result (Lantern API vs the better of the two baseline runs, send -> receive at the other members):',
    );
    const valid = keptUp(full) && base.ok;
    console.log(ratioLine('p50', full.p50, base.p50, 1.5, valid));
    console.log(ratioLine('p99', full.p99, base.p99, 1.5, valid));
    const p99ok = full.p99 < 50_000 && keptUp(full);
    console.log(`  p99 ${(full.p99 / 1000).toFixed(2)} ms (target < 50 ms: ${p99ok ? 'met' : 'MISSED'})`);
    return { before, after, full };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await db.drop();
  }
}
