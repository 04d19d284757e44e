import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const API = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Environment for running src/main.ts with ts-node (transpile only) and the workspace path aliases. */
export function tsNodeEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    TS_NODE_PROJECT: join(API, 'tsconfig.spec.json'),
    TS_NODE_TRANSPILE_ONLY: 'true',
    TS_NODE_BASEURL: join(API, '../..'),
    LOG_LEVEL: 'silent',
    ...env,
  };
}

export const MAIN_ARGS = [
  '-r',
  'ts-node/register',
  '-r',
  'tsconfig-paths/register',
  join(API, 'src', 'main.ts'),
];

export interface SpawnedApi {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Start the real entry point in its own process and wait for /health. */
export async function spawnApi(env: Record<string, string>, timeoutMs = 90_000): Promise<SpawnedApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, MAIN_ARGS, {
    cwd: API,
    env: tsNodeEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }),
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become healthy in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
