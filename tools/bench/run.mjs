#!/usr/bin/env node
// Lantern benchmarks: node tools/bench/run.mjs <name> [--sockets N] [--duration S]
// (or npm run bench -- <name> ...). See tools/bench/README.md.
import { cleanup } from './lib/servers.mjs';

const BENCHES = {
  fanout: () => import('./fanout.mjs'),
  'fanout-redis': () => import('./fanout-redis.mjs'),
  memory: () => import('./memory.mjs'),
  'forum-thread': () => import('./forum-thread.mjs'),
  'forum-search': () => import('./forum-search.mjs'),
  upload: () => import('./upload.mjs'),
  'library-search': () => import('./library-search.mjs'),
  'js-transfer': () => import('./js-transfer.mjs'),
  caseload: () => import('./caseload.mjs'),
  supervision: () => import('./supervision.mjs'),
  meetings: () => import('./meetings.mjs'),
};

const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const opt = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const options = Object.fromEntries(
  Object.entries({
    sockets: opt('--sockets'),
    durationS: opt('--duration'),
    warmupS: opt('--warmup'),
  }).filter(([, v]) => v !== undefined),
);

if (!names.length || names.some((n) => n !== 'all' && !BENCHES[n])) {
  console.error(
    `usage: node tools/bench/run.mjs <${[...Object.keys(BENCHES), 'all'].join('|')}> [--sockets N] [--duration S] [--warmup S]`,
  );
  for (const [name, load] of Object.entries(BENCHES))
    console.error(`  ${name.padEnd(13)} ${(await load()).description}`);
  process.exit(2);
}

const stop = () => void cleanup().finally(() => process.exit(130));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let failed = false;
for (const name of names.includes('all') ? Object.keys(BENCHES) : names) {
  console.log(`\n=== ${name} ===`);
  try {
    const bench = await BENCHES[name]();
    await bench.run(options);
  } catch (err) {
    failed = true;
    console.error(`${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
await cleanup();
// socket.io clients and database pools may keep the loop alive a little; the figures are printed.
process.exit(failed ? 1 : 0);
