// Benchmark 3: server memory per idle authenticated socket at 5,000 sockets, against a bare
// socket.io server's memory per idle socket in the same run. The servers run with --expose-gc and
// answer 'memory' over IPC with process.memoryUsage() after a full GC.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeSockets, openSockets } from './lib/load.mjs';
import {
  benchDatabase,
  cpuSeconds,
  insertSessions,
  machineLine,
  sleep,
  startApi,
  startBare,
  waitQuiet,
} from './lib/servers.mjs';

export const description = 'memory per idle authenticated socket at 5,000 sockets vs bare socket.io';

const KB = 1024;
const MB = 1024 * 1024;

async function measure(label, server, specs, { settleS = 5, batch = 100 } = {}) {
  // Warm up: open and close a few sockets so one-off allocations (code, caches, pools) are counted before.
  closeSockets(await openSockets(specs.slice(0, 20)));
  await sleep(1_500);
  // BENCH_HEAP_SNAPSHOTS=<dir>: heap snapshots of the API before and after, to see what a socket holds.
  const snapshots =
    process.env.BENCH_HEAP_SNAPSHOTS && server.label !== 'bare socket.io'
      ? resolve(process.env.BENCH_HEAP_SNAPSHOTS)
      : null;
  if (snapshots)
    console.log(`  heap snapshot: ${await server.heapSnapshot(join(snapshots, 'before.heapsnapshot'))}`);
  const before = await server.memory();
  let events = 0;
  const t0 = performance.now();
  process.stdout.write(`  [${label}] opening ${specs.length} sockets`);
  const sockets = await openSockets(specs, {
    batch,
    progress: (done) => done % 1000 === 0 && process.stdout.write(` ${done}`),
    onOpen: (s) => s.onAny(() => events++),
  });
  const openS = (performance.now() - t0) / 1000;
  process.stdout.write(` in ${openS.toFixed(1)} s; settling ${settleS} s\n`);
  await sleep(2_000);
  // CPU the server spends on idle sockets (heartbeats, and in the API the periodic session recheck).
  const idleS = 10;
  const c0 = cpuSeconds(server.pid);
  await sleep(idleS * 1000);
  const idleCpu = (cpuSeconds(server.pid) - c0) / idleS;
  const after = await server.memory();
  const connected = sockets.filter((s) => s.connected).length;
  if (snapshots)
    console.log(`  heap snapshot: ${await server.heapSnapshot(join(snapshots, 'after.heapsnapshot'))}`);
  closeSockets(sockets);
  const per = (k) => (after[k] - before[k]) / connected;
  const r = {
    label,
    sockets: connected,
    openS,
    events,
    before,
    after,
    heap: per('heapUsed'),
    rss: per('rss'),
    external: per('external'),
    idleCpu,
  };
  console.log(
    `  [${label}] ${connected} sockets connected; server heap ${(before.heapUsed / MB).toFixed(1)} -> ${(after.heapUsed / MB).toFixed(1)} MB, ` +
      `RSS ${(before.rss / MB).toFixed(1)} -> ${(after.rss / MB).toFixed(1)} MB, external ${(before.external / MB).toFixed(1)} -> ${(after.external / MB).toFixed(1)} MB\n` +
      `    per socket: heap ${(r.heap / KB).toFixed(1)} KB, RSS ${(r.rss / KB).toFixed(1)} KB, external ${(r.external / KB).toFixed(1)} KB` +
      ` (${events} server events received by the clients while opening)\n` +
      `    server CPU while the sockets sit idle: ${Math.round(idleCpu * 100)}% of a core`,
  );
  await sleep(2_000);
  return r;
}

export async function run({ sockets = 5000 } = {}) {
  console.log(`memory: ${sockets} idle sockets, server memory before and after (after a full GC)`);
  await waitQuiet();
  console.log(await machineLine());
  const db = await benchDatabase();
  const servers = [];
  try {
    const bare = await startBare();
    servers.push(bare);
    const base = await measure(
      'baseline: bare socket.io',
      bare,
      Array.from({ length: sockets }, () => ({ url: bare.url })),
    );
    await bare.stop();

    const api = await startApi({ databaseUrl: db.url });
    servers.push(api);
    const { cookies, users } = await insertSessions(db, sockets);
    console.log(`  ${sockets} sessions inserted for ${users} demo users`);
    // Smaller batches: every connection makes the API announce presence to everyone sharing a trust
    // with that person (see docs/performance.md), which keeps its event loop busy while opening.
    const full = await measure(
      'Lantern API',
      api,
      cookies.map((cookie) => ({ url: api.url, cookie })),
      { batch: 20 },
    ).catch((err) => {
      console.log(
        `  server ${api.child.exitCode !== null || api.child.signalCode ? `exited (${api.child.exitCode ?? api.child.signalCode})` : 'still running'}; its log:`,
      );
      console.log(
        api
          .logSummary()
          .map((l) => `    ${l}`)
          .join('\n'),
      );
      throw err;
    });
    await api.stop();

    console.log('\nmemory result (per idle socket):');
    const line = (name, v, b, target) =>
      `  ${name.padEnd(8)} ${(v / KB).toFixed(1).padStart(7)} KB vs ${(b / KB).toFixed(1).padStart(7)} KB  ratio ${(v / b).toFixed(2)}` +
      (target ? `  (target <= ${target / KB} KB: ${v <= target ? 'met' : 'MISSED'})` : '');
    console.log(line('heap', full.heap, base.heap, 20 * KB));
    console.log(line('RSS', full.rss, base.rss, 20 * KB));
    return { base, full };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await db.drop();
  }
}
