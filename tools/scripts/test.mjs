#!/usr/bin/env node
/**
 * npm test: every check, in sequence. A failing step does not stop the later ones (you see all
 * failures in one run), except that the browser tests are skipped when the builds failed.
 * Exits non-zero if anything failed.
 *
 *   1. unit and integration tests of every project (api jest needs PostgreSQL: TEST_DATABASE_URL)
 *   2. the api's integration tests again with a pool of one connection (DB_POOL_MAX=1)
 *   3. production builds of api and web
 *   4. browser tests (web-e2e: Chromium against the built api + web, fresh PostgreSQL database)
 *   5. the core browser journeys against the embedded default (no DATABASE_URL: PGlite)
 *
 * Test steps skip Nx's cache: they talk to real PostgreSQL and Chromium, so a cached pass proves nothing.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureDigest } from './failure-digest.mjs';
import { requireSupportedNode } from './runtime.mjs';

requireSupportedNode('test');
console.log(`npm test on Node ${process.versions.node}`);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nx = join(root, 'node_modules', '.bin', 'nx');
const env = { NX_DAEMON: 'false', ...process.env };

const steps = [
  {
    name: 'unit and integration tests',
    args: ['run-many', '-t', 'test', '--parallel=1', '--outputStyle=static', '--skip-nx-cache'],
  },
  {
    // With one connection, code that opens a second connection inside a transaction deadlocks a
    // test, as it does on the embedded default (PGlite serves one connection).
    // Tests that start their own api processes are left out: those processes have their own settings.
    name: 'api integration tests with a pool of one connection (DB_POOL_MAX=1)',
    command: join(root, 'node_modules', '.bin', 'jest'),
    args: [
      '-c',
      'apps/api/jest.config.cts',
      '--testPathIgnorePatterns',
      'realtime-processes|resilience|embedded-database|/src/',
    ],
    env: { DB_POOL_MAX: '1' },
  },
  {
    name: 'production builds (api, web)',
    args: ['run-many', '-t', 'build', '-p', 'api,web', '--outputStyle=static'],
  },
  {
    name: 'browser tests (web-e2e, PostgreSQL)',
    args: ['run', 'web-e2e:e2e', '--outputStyle=static', '--skip-nx-cache'],
    needs: 2,
  },
  {
    name: "browser core journeys on npm start's embedded database (web-e2e:e2e-embedded)",
    args: ['run', 'web-e2e:e2e-embedded', '--outputStyle=static', '--skip-nx-cache'],
    needs: 2,
  },
];

const results = [];
for (const [index, step] of steps.entries()) {
  if (step.needs !== undefined && results[step.needs].status !== 'passed') {
    results.push({ name: step.name, status: 'skipped', seconds: 0 });
    console.log(`\n=== ${step.name}: skipped (${steps[step.needs].name} failed) ===`);
    continue;
  }
  console.log(
    `\n=== ${index + 1}/${steps.length} ${step.name}: ${step.command ? 'jest' : 'nx'} ${step.args.join(' ')} ===\n`,
  );
  const started = Date.now();
  const run = await runStep(step.command ?? nx, step.args, step.env);
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({
    name: step.name,
    status: run.status === 0 ? 'passed' : 'FAILED',
    seconds,
    output: run.output,
  });
}

console.log('\n=== npm test summary ===');
for (const result of results) {
  console.log(`  ${result.status.padEnd(7)} ${result.name}${result.seconds ? ` (${result.seconds} s)` : ''}`);
}
// CI keeps only the end of the output: repeat what failed (test titles and the first lines of each error).
for (const result of results.filter((r) => r.status === 'FAILED')) {
  console.log(`\n=== what failed in: ${result.name} ===`);
  console.log(failureDigest(result.output));
}
process.exit(results.every((result) => result.status === 'passed') ? 0 : 1);

/** Run a command (nx) with the output streamed through (and kept, for the failure digest). */
function runStep(command, args, extraEnv = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, ...extraEnv },
    });
    const chunks = [];
    const keep = (sink) => (data) => {
      sink.write(data);
      chunks.push(data);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('error', (error) => {
      console.error(error);
      resolvePromise({ status: 1, output: String(error) });
    });
    child.on('close', (code) =>
      resolvePromise({ status: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}
