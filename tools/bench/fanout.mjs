// Benchmark 1: room fan-out through the full path (auth handshake, policy, persist, emit) against a
// bare socket.io server with the same rooms and messages, in the same run.
import { fanout, keptUp, ratioLine } from './lib/load.mjs';
import {
  benchDatabase,
  insertSessions,
  machineLine,
  pgBackends,
  processes,
  startApi,
  startBare,
  waitQuiet,
} from './lib/servers.mjs';

export const description =
  'room fan-out: N authenticated sockets in rooms of 4, 1 item/s each, vs bare socket.io';

export async function run({ sockets = 1000, durationS = 20, warmupS = 3 } = {}) {
  console.log(
    `fanout: ${sockets} sockets in ${sockets / 4} rooms of 4, each sending 1 item/s for ${durationS} s (+${warmupS} s warm-up)`,
  );
  await waitQuiet();
  console.log(await machineLine());
  const db = await benchDatabase();
  const servers = [];
  try {
    const bare = await startBare();
    servers.push(bare);
    const base = await fanout({
      label: 'baseline: bare socket.io',
      specs: Array.from({ length: sockets }, () => ({ url: bare.url })),
      streamPrefix: 'bare',
      durationS,
      warmupS,
      cpuGroups: [processes('server', [bare])],
    });
    await bare.stop();

    const api = await startApi({ databaseUrl: db.url });
    servers.push(api);
    const { cookies, users } = await insertSessions(db, sockets);
    console.log(`  ${sockets} sessions inserted for ${users} demo users`);
    const full = await fanout({
      label: 'Lantern API (1 process)',
      specs: cookies.map((cookie) => ({ url: api.url, cookie })),
      streamPrefix: 'api',
      durationS,
      warmupS,
      cpuGroups: [processes('server', [api]), pgBackends(db)],
    });
    await api.stop();
    const log = api.logSummary();
    if (log.length) console.log(`  server log (warnings/errors):\n${log.map((l) => `    ${l}`).join('\n')}`);

    console.log('\nfanout result (Lantern API vs bare socket.io, send -> receive at the other members):');
    console.log(ratioLine('p50', full.p50, base.p50, 2));
    console.log(ratioLine('p99', full.p99, base.p99, 2));
    const p99ok = full.p99 < 50_000 && keptUp(full);
    console.log(
      `  p99 ${(full.p99 / 1000).toFixed(2)} ms (target < 50 ms${keptUp(full) ? '' : ', with every item delivered'}: ${p99ok ? 'met' : 'MISSED'})`,
    );
    const lost = full.expectedReceives - full.receives;
    if (lost || base.expectedReceives - base.receives)
      console.log(
        `  NOTE: items not received: API ${lost}, baseline ${base.expectedReceives - base.receives}`,
      );
    return { base, full };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await db.drop();
  }
}
