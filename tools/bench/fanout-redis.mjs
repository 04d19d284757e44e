// Benchmark 2: the same room fan-out split over two API processes sharing rooms through Redis (socket
// k on process k % 2, so every room has members on both and every item crosses Redis), against one
// API process, in the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { fanout, keptUp, ratioLine } from './lib/load.mjs';
import {
  benchDatabase,
  insertSessions,
  machineLine,
  pgBackends,
  processes,
  startApi,
  waitQuiet,
} from './lib/servers.mjs';

export const description = 'room fan-out over two API processes sharing rooms through Redis vs one process';

export async function run({ sockets = 1000, durationS = 20, warmupS = 3 } = {}) {
  console.log(
    `fanout-redis: ${sockets} sockets in ${sockets / 4} rooms of 4, 1 item/s each for ${durationS} s (+${warmupS} s warm-up); one process, then two with Redis`,
  );
  await waitQuiet();
  console.log(await machineLine());
  const db = await benchDatabase();
  const servers = [];
  try {
    const one = await startApi({ databaseUrl: db.url, label: 'api' });
    servers.push(one);
    const { cookies } = await insertSessions(db, sockets);
    const single = await fanout({
      label: 'baseline: 1 API process',
      specs: cookies.map((cookie) => ({ url: one.url, cookie })),
      streamPrefix: 'one',
      durationS,
      warmupS,
      cpuGroups: [processes('server', [one]), pgBackends(db)],
    });
    await one.stop();

    const prefix = `lantern-bench-${process.pid}`;
    const a = await startApi({ databaseUrl: db.url, redis: prefix, label: 'api A' });
    const b = await startApi({ databaseUrl: db.url, redis: prefix, label: 'api B' });
    servers.push(a, b);
    const both = [a, b];
    const split = await fanout({
      label: '2 API processes + Redis',
      specs: cookies.map((cookie, k) => ({ url: both[k % 2].url, cookie })),
      streamPrefix: 'two',
      durationS,
      warmupS,
      cpuGroups: [processes('servers', both), pgBackends(db), { label: 'Redis', pids: () => redisPids }],
    });
    for (const s of both) await s.stop();
    for (const s of both) {
      const log = s.logSummary();
      if (log.length)
        console.log(`  ${s.label} log (warnings/errors):\n${log.map((l) => `    ${l}`).join('\n')}`);
    }

    console.log(
      '\nfanout-redis result (2 processes + Redis vs 1 process, send -> receive at the other members):',
    );
    const valid = keptUp(single) && keptUp(split);
    console.log(ratioLine('p50', split.p50, single.p50, 1.3, valid));
    console.log(ratioLine('p99', split.p99, single.p99, 1.3, valid));
    return { single, split };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await db.drop();
  }
}

// The local Redis server's process, when it runs on this machine (for its CPU share).
const redisPids = (() => {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'redis-server';
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
})();
