import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { admin, dropDatabase, quoteIdent, urlFor } from './databases';
import { tsNodeEnv } from './spawn-api';

const API = join(__dirname, '..', '..');

/** Node arguments that run the test stream server (the API with the `trust-room` test stream kind). */
export const STREAM_SERVER_ARGS = [
  '-r',
  'ts-node/register',
  '-r',
  'tsconfig-paths/register',
  join(API, 'test', 'support', 'stream-test-server.ts'),
];

const live = new Set<ChildProcess>();
let exitHook = false;
/** Never leave a server behind, even when the test process dies. */
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
}

export interface ApiProcessOptions {
  port: number;
  /** Configuration (DATABASE_URL, ALLOWED_ORIGINS, REDIS_URL, ...). */
  env: Record<string, string>;
  /** Extra node flags, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** Keep at most this many characters of output (for error messages). */
  keepOutput?: number;
}

/**
 * The API (test stream server) as a separate OS process on a fixed port, so a test can SIGKILL it
 * and start it again on the same port and database.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private out = '';
  readonly url: string;
  starts = 0;

  constructor(private readonly o: ApiProcessOptions) {
    this.url = `http://127.0.0.1:${o.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  output(): string {
    return this.out;
  }

  /** Start and wait until /health answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null)
      throw new Error('already running');
    const child = spawn(process.execPath, [...(this.o.nodeArgs ?? []), ...STREAM_SERVER_ARGS], {
      cwd: API,
      env: tsNodeEnv({ PORT: String(this.o.port), HOST: '127.0.0.1', NODE_ENV: 'test', ...this.o.env }),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    track(child);
    this.child = child;
    this.starts++;
    const keep = this.o.keepOutput ?? 20_000;
    const onData = (d: Buffer) => {
      this.out = (this.out + String(d)).slice(-keep);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `The API on port ${this.o.port} exited (${child.exitCode ?? child.signalCode}):\n${this.out}`,
        );
      }
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(
          `The API on port ${this.o.port} did not become healthy in ${timeoutMs} ms:\n${this.out}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private ended(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  }

  /** SIGKILL: no shutdown hooks, open sockets and transactions just vanish. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = this.ended(child);
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM (graceful), then SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = this.ended(child);
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(t);
  }

  /** process.memoryUsage() of the server after a full GC (when started with --expose-gc). */
  memory(timeoutMs = 10_000): Promise<NodeJS.MemoryUsage> {
    const child = this.child;
    if (!child?.send) return Promise.reject(new Error('not running with IPC'));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        child.off('message', on);
        reject(new Error('no memory answer'));
      }, timeoutMs);
      const on = (m: unknown) => {
        if (m && typeof m === 'object' && 'memory' in m) {
          clearTimeout(t);
          child.off('message', on);
          resolve((m as { memory: NodeJS.MemoryUsage }).memory);
        }
      };
      child.on('message', on);
      child.send('memory');
    });
  }
}

let dbCounter = 0;

export interface ScratchDatabase {
  name: string;
  url: string;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Close the connection and drop the database (safe to call twice). */
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from this run's seeded template (named with the run's prefix, so the global
 * teardown drops it too if the test dies before its own clean-up).
 */
export async function cloneTemplateDatabase(label: string): Promise<ScratchDatabase> {
  const template = process.env['LANTERN_TEST_TEMPLATE'];
  if (!template)
    throw new Error('Run the API tests through jest (the global setup makes the template database).');
  const name = `lantern_test_${process.env['LANTERN_TEST_RUN']}_${process.pid}_${label}_${++dbCounter}`;
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  const url = urlFor(name);
  const pg = new Client({ connectionString: url });
  await pg.connect();
  let dropped = false;
  return {
    name,
    url,
    sql: async (text, params) => (await pg.query(text, params)).rows,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pg.end().catch(() => undefined);
      await dropDatabase(name);
    },
  };
}
