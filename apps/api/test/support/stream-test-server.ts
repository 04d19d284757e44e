// An API process with the test-only stream kind registered (for process-level tests and benchmarks).
// Run: node -r ts-node/register -r tsconfig-paths/register apps/api/test/support/stream-test-server.ts
// with the same environment variables as the API (TS_NODE_PROJECT=apps/api/tsconfig.spec.json, TS_NODE_TRANSPILE_ONLY=true).
import { writeHeapSnapshot } from 'node:v8';
import { start } from '../../src/bootstrap';
import { ConfigError, loadConfig } from '../../src/config/config';
import { registerBenchStreams, registerTestStreams } from './test-streams';
import { installQueryCounter, queryCount } from './query-counter';
import { registerEchoJob } from './echo-job';

// Benchmarks ask how many SQL statements a request took ('queries' over IPC).
installQueryCounter();

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(78);
  }
  const running = await start(config, undefined, {
    beforeListen: async (app) => {
      registerTestStreams(app);
      // Only the benchmarks set this (tools/bench): many rooms without a trust behind each.
      if (process.env['LANTERN_BENCH_STREAMS'] === '1') registerBenchStreams(app);
      // The job runner's process-level tests (test/jobs.spec.ts).
      if (process.env['LANTERN_TEST_ECHO_FILE']) await registerEchoJob(app);
    },
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Benchmarks ask for memory figures over IPC.
  process.on('message', (m: unknown) => {
    if (m === 'queries') process.send?.({ queries: queryCount() });
    if (m === 'memory') {
      global.gc?.();
      process.send?.({ memory: process.memoryUsage() });
    }
    // Benchmarks' memory attribution: a heap snapshot file (open it in Chrome DevTools).
    if (m && typeof m === 'object' && 'heapSnapshot' in m) {
      global.gc?.();
      process.send?.({
        heapSnapshot: writeHeapSnapshot(String((m as { heapSnapshot: string }).heapSnapshot)),
      });
    }
  });
}

main().catch((err) => {
  process.stderr.write(`Could not start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
