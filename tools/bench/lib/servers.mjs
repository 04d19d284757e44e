// Server processes, the benchmark database and sessions for the real-time benchmarks.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// BENCH_API_ROOT=<another checkout>: run that checkout's API (e.g. to measure a change) with this load.
const API_ROOT = process.env.BENCH_API_ROOT ? resolve(process.env.BENCH_API_ROOT) : ROOT;
const API = join(API_ROOT, 'apps', 'api');
export const ORIGIN = 'http://lantern.bench';
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const SESSION_COOKIE = 'lantern_session';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const children = new Set();
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
}
/** Kill every server this process started (also on Ctrl-C and on a crash). */
export function killAll() {
  for (const c of children) c.kill('SIGKILL');
}
process.once('exit', killAll);

function urlFor(database) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A fresh, empty PostgreSQL database for one benchmark run; the first server started on it migrates
 * it and seeds the demo data. `drop()` removes it (also call it on failure).
 */
const databases = new Set();
/** Kill the servers and drop the databases this process made (on Ctrl-C or a failure). */
export async function cleanup() {
  killAll();
  for (const db of databases) await db.drop().catch(() => undefined);
}

export async function benchDatabase() {
  const name = `lantern_bench_${Date.now().toString(36)}_${process.pid}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = urlFor(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dropped = false;
  const db = {
    name,
    url,
    sql: async (text, params) => (await client.query(text, params)).rows,
    async drop() {
      if (dropped) return;
      dropped = true;
      databases.delete(db);
      await client.end().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  databases.add(db);
  return db;
}

/**
 * Sign-in sessions inserted directly (what login would store: the SHA-256 hex of the token), for
 * `count` sockets spread over the active demo users. Returns the cookie of each.
 */
export async function insertSessions(db, count) {
  const users = await db.sql(
    `SELECT u.id FROM users u WHERE u.deactivated_at IS NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id) ORDER BY u.email`,
  );
  if (!users.length) throw new Error('no demo users in the benchmark database');
  const cookies = [];
  for (let start = 0; start < count; start += 1000) {
    const n = Math.min(1000, count - start);
    const tokens = Array.from({ length: n }, () => randomBytes(32).toString('base64url'));
    await db.sql(
      `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent)
       SELECT u, h, now() + interval '1 day', 'lantern-bench' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
      [
        tokens.map((_, i) => users[(start + i) % users.length].id),
        tokens.map((t) => createHash('sha256').update(t).digest('hex')),
      ],
    );
    for (const t of tokens) cookies.push(`${SESSION_COOKIE}=${t}`);
  }
  return { cookies, users: users.length };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of the whole machine, to tell whether it was saturated. */
export function machineCpu() {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

class ServerProcess {
  constructor(label, args, env, cwd) {
    this.label = label;
    this.args = args;
    this.env = env;
    this.cwd = cwd;
    this.out = '';
    this.port = Number(env.PORT);
    this.url = `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 90_000) {
    const child = spawn(process.execPath, this.args, {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    track(child);
    this.child = child;
    const keep = (d) => (this.out = (this.out + String(d)).slice(-200_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.label} exited:\n${this.out}`);
      try {
        if ((await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200)
          return this;
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) throw new Error(`${this.label} did not start in time:\n${this.out}`);
      await sleep(100);
    }
  }

  /** Distinct log messages (warnings and errors) with counts, for the report. */
  logSummary() {
    const counts = new Map();
    for (const line of this.out.split('\n')) {
      if (!line.trim()) continue;
      let msg = line;
      try {
        msg = JSON.parse(line).msg ?? line;
      } catch {
        /* plain text */
      }
      msg = String(msg).slice(0, 160);
      counts.set(msg, (counts.get(msg) ?? 0) + 1);
    }
    return [...counts].map(([m, c]) => `${c} x ${m}`);
  }

  get pid() {
    return this.child?.pid;
  }

  /** process.memoryUsage() after a full GC (the servers run with --expose-gc). */
  memory() {
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`${this.label}: no memory answer`)), 30_000);
      const on = (m) => {
        if (m && m.memory) {
          clearTimeout(t);
          this.child.off('message', on);
          res(m.memory);
        }
      };
      this.child.on('message', on);
      this.child.send('memory');
    });
  }

  /** How many SQL statements the API process has sent so far (API processes only). */
  queries() {
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`${this.label}: no queries answer`)), 10_000);
      const on = (m) => {
        if (m && typeof m.queries === 'number') {
          clearTimeout(t);
          this.child.off('message', on);
          res(m.queries);
        }
      };
      this.child.on('message', on);
      this.child.send('queries');
    });
  }

  /** Write a heap snapshot (API processes only) and resolve with its path. */
  heapSnapshot(path) {
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`${this.label}: no heap snapshot`)), 300_000);
      const on = (m) => {
        if (m && m.heapSnapshot) {
          clearTimeout(t);
          this.child.off('message', on);
          res(m.heapSnapshot);
        }
      };
      this.child.on('message', on);
      this.child.send({ heapSnapshot: path });
    });
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(t);
  }
}

/**
 * The Lantern API (apps/api/test/support/stream-test-server.ts, i.e. src/bootstrap with the test and
 * benchmark stream kinds) in its own process, transpiled at load with the production build's compiler
 * options (lib/ts-register.cjs: target es2021, as apps/api/tsconfig.app.json).
 */
export async function startApi({ databaseUrl, redis = null, label = 'api', extraEnv = {} }) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    // tsconfig-paths reads these (the workspace's path aliases); ts-register.cjs compiles.
    TS_NODE_PROJECT: join(API, 'tsconfig.spec.json'),
    TS_NODE_BASEURL: API_ROOT,
    BENCH_TS_API_DIR: API,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ALLOWED_ORIGINS: ORIGIN,
    LANTERN_BENCH_STREAMS: '1',
    ...(redis ? { REDIS_URL: REDIS_URL, REDIS_KEY_PREFIX: redis } : {}),
    ...extraEnv,
  };
  // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of each API process on exit (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const args = [
    '--expose-gc',
    ...prof,
    '-r',
    join(ROOT, 'tools', 'bench', 'lib', 'ts-register.cjs'),
    '-r',
    'tsconfig-paths/register',
    join(API, 'test', 'support', 'stream-test-server.ts'),
  ];
  return new ServerProcess(label, args, env, API).start();
}

/** The baseline: a bare socket.io server (no auth, no database) with the same rooms and messages. */
export async function startBare({ label = 'bare socket.io' } = {}) {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', PORT: String(port) };
  return new ServerProcess(
    label,
    ['--expose-gc', join(ROOT, 'tools', 'bench', 'lib', 'bare-server.mjs')],
    env,
    ROOT,
  ).start();
}

/**
 * The supervision baseline: bare socket.io that INSERTs and commits each message into PostgreSQL
 * (`databaseUrl`) before it emits (lib/bare-pg-server.mjs).
 */
export async function startBarePg({ databaseUrl, label = 'bare socket.io + INSERT' }) {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', PORT: String(port), DATABASE_URL: databaseUrl };
  return new ServerProcess(
    label,
    ['--expose-gc', join(ROOT, 'tools', 'bench', 'lib', 'bare-pg-server.mjs')],
    env,
    ROOT,
  ).start();
}

/** A CPU group (for load.mjs) of the PostgreSQL backends serving the benchmark database. */
export function pgBackends(db, label = 'PostgreSQL') {
  let pids = [];
  return {
    label,
    pids: () => pids,
    async refresh() {
      pids = (
        await db.sql('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
          db.name,
        ])
      ).map((r) => r.pid);
    },
  };
}

/** A CPU group of server processes. */
export const processes = (label, servers) => ({ label, pids: () => servers.map((s) => s.pid) });

/** How busy the machine is over `ms` (0..1 of all cores). */
export async function busyOver(ms = 1_000) {
  const a = machineCpu();
  await sleep(ms);
  const b = machineCpu();
  return (b.busy - a.busy) / (b.total - a.total);
}

/**
 * Wait (up to `maxS`) until the machine is quiet (under 20% busy over 2 s), since other work on it
 * skews the figures; BENCH_NO_WAIT=1 skips this.
 */
export async function waitQuiet(maxS = Number(process.env.BENCH_WAIT_S ?? 180)) {
  if (process.env.BENCH_NO_WAIT === '1') return busyOver(1_000);
  const deadline = Date.now() + maxS * 1000;
  let busy = await busyOver(2_000);
  while (busy > 0.2 && Date.now() < deadline) {
    process.stdout.write(
      `  (machine ${Math.round(busy * 100)}% busy with other work; waiting for it to calm down)\n`,
    );
    await sleep(3_000);
    busy = await busyOver(2_000);
  }
  return busy;
}

/** One line about the machine, printed with each result (other work on it skews the figures). */
export async function machineLine() {
  const { loadavg, cpus, totalmem } = await import('node:os');
  const [l1] = loadavg();
  const busy = await busyOver(1_000);
  return `machine: ${cpus().length} cores (${cpus()[0]?.model?.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; before the run: load average ${l1.toFixed(2)}, ${Math.round(busy * 100)}% busy`;
}
