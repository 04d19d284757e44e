/** Jest global teardown: stops the api started by the global setup and drops its database. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dropDatabase } from './database';
import { STATE_FILE, type E2eState } from './server-state';

export default async function globalTeardown(): Promise<void> {
  const state: E2eState | undefined =
    globalThis.__LANTERN_E2E_STATE__ ??
    (existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState) : undefined);
  if (!state) return;

  if (state.pid !== null) await stop(state.pid);
  if (state.databaseName && state.adminDatabaseUrl) {
    await dropDatabase(state.adminDatabaseUrl, state.databaseName);
    process.stdout.write(`[e2e] stopped the api and dropped database ${state.databaseName}\n`);
  }
  if (state.dataDir) {
    rmSync(state.dataDir, { recursive: true, force: true });
    process.stdout.write(`[e2e] stopped the api and removed the embedded database in ${state.dataDir}\n`);
  }
}

async function stop(pid: number): Promise<void> {
  if (!signal(pid, 'SIGTERM')) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!signal(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal(pid, 'SIGKILL');
}

/** Sends a signal; false when the process is already gone. */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}
