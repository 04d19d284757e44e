/**
 * Jest global setup for the browser tests.
 *
 * 1. creates a fresh database (lantern_e2e_<timestamp>_<pid>) on TEST_DATABASE_URL's server,
 * 2. starts the built api (`node dist/apps/api/main.js`) on a free port with NODE_ENV=test and
 *    DATABASE_URL pointing at that database (everything else in the environment is passed through),
 * 3. waits for GET /health to answer 200 (60 s), printing the server's output if it does not.
 *
 * Set E2E_BASE_URL to run the tests against a server you started yourself instead, or
 * E2E_EMBEDDED=1 to start the api as `npm start` does by default: no DATABASE_URL, so on the
 * embedded PGlite database (one connection), in a fresh data folder.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_OUTPUT_DIR } from './chromium';
import { createDatabase, dropDatabase, maintenanceUrl, withDatabase } from './database';
import { API_LOG_FILE, STATE_FILE, type E2eState } from './server-state';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const API_MAIN = join(WORKSPACE_ROOT, 'dist', 'apps', 'api', 'main.js');
const STARTUP_TIMEOUT_MS = 60_000;
/** A first start on the embedded database migrates and seeds a fresh PGlite: slower. */
const EMBEDDED_STARTUP_TIMEOUT_MS = 240_000;
const KEPT_OUTPUT_LINES = 400;

declare global {
  var __LANTERN_E2E_STATE__: E2eState | undefined;
}

export default async function globalSetup(): Promise<void> {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });

  const external = process.env['E2E_BASE_URL'];
  if (external) {
    log(`using the server already running at ${external} (E2E_BASE_URL)`);
    saveState({
      baseUrl: external.replace(/\/$/, ''),
      pid: null,
      databaseName: null,
      adminDatabaseUrl: null,
      dataDir: null,
    });
    return;
  }

  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} does not exist: build first (npx nx run web-e2e:e2e builds api and web).`);
  }

  const embedded = process.env['E2E_EMBEDDED'] === '1';
  const adminDatabaseUrl = embedded ? null : maintenanceUrl();
  const databaseName = embedded ? null : `lantern_e2e_${Date.now()}_${process.pid}`;
  const dataDir = embedded ? mkdtempSync(join(tmpdir(), 'lantern-e2e-embedded-')) : null;
  if (adminDatabaseUrl && databaseName) {
    await createDatabase(adminDatabaseUrl, databaseName);
    log(`created database ${databaseName}`);
  } else {
    log(`embedded database (PGlite, one connection) in ${dataDir}`);
  }
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited['DATABASE_URL'];

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const output: string[] = [];
  const logFile = createWriteStream(API_LOG_FILE);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'test',
      // Every browser test signs in as several people against this one server (one address); the
      // per-address sign-in limit has its own API test, so here it must not get in the way.
      RATE_LIMIT_LOGIN_PER_MINUTE: process.env['RATE_LIMIT_LOGIN_PER_MINUTE'] ?? '1000',
      PORT: String(port),
      ...(adminDatabaseUrl && databaseName
        ? { DATABASE_URL: withDatabase(adminDatabaseUrl, databaseName) }
        : { LANTERN_DATA_DIR: dataDir!, LANTERN_DEMO_DATA: 'true' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    logFile.write(chunk);
    output.push(...chunk.toString('utf8').replace(/\n$/, '').split('\n'));
    if (output.length > KEPT_OUTPUT_LINES) output.splice(0, output.length - KEPT_OUTPUT_LINES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Never leave the api running if Jest itself dies.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));

  const state: E2eState = { baseUrl, pid: child.pid ?? null, databaseName, adminDatabaseUrl, dataDir };
  try {
    log(`starting node dist/apps/api/main.js on port ${port} ...`);
    await waitForHealth(
      `${baseUrl}/health`,
      child,
      embedded ? EMBEDDED_STARTUP_TIMEOUT_MS : STARTUP_TIMEOUT_MS,
    );
  } catch (error) {
    process.stderr.write(
      `\n[e2e] the api did not start: ${(error as Error).message}\n` +
        `[e2e] ---- api output (last ${KEPT_OUTPUT_LINES} lines; full log in ${API_LOG_FILE}) ----\n` +
        `${output.join('\n')}\n[e2e] ---- end of api output ----\n\n`,
    );
    if (child.exitCode === null) child.kill('SIGKILL');
    if (adminDatabaseUrl && databaseName)
      await dropDatabase(adminDatabaseUrl, databaseName).catch(() => undefined);
    throw error;
  }
  log(`api is up at ${baseUrl} (log: ${API_LOG_FILE})`);
  saveState(state);
}

function saveState(state: E2eState): void {
  process.env['E2E_BASE_URL'] = state.baseUrl;
  globalThis.__LANTERN_E2E_STATE__ = state;
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the api exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}
