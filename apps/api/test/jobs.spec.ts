import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, ScratchDatabase, cloneTemplateDatabase } from './support/api-process';
import { freePort } from './support/spawn-api';

jest.setTimeout(240_000);

/** Lines "<job id> <pid>" written by the test.echo job (see support/echo-job.ts). */
function echoes(file: string): Array<{ id: string; pid: string }> {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, pid] = line.split(' ');
      return { id: id!, pid: pid! };
    });
}

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the job runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-jobs-'));
  const servers: ApiProcess[] = [];
  const dbs: ScratchDatabase[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a delayed job after a restart on the embedded database (one connection)', async () => {
    const file = join(dir, 'embedded.log');
    const id = randomUUID();
    const env = {
      LANTERN_DATA_DIR: join(dir, 'pglite'),
      LANTERN_JOBS: 'true',
      LANTERN_TEST_ECHO_FILE: file,
    };
    const first = new ApiProcess({
      port: await freePort(),
      env: { ...env, LANTERN_TEST_SEND_ECHO: `${id}@20` },
    });
    servers.push(first);
    await first.start(120_000);
    const sentAt = Date.now();
    await first.stop(10_000);
    expect(echoes(file)).toEqual([]); // stopped before it was due

    const second = new ApiProcess({ port: await freePort(), env });
    servers.push(second);
    await second.start(120_000);
    await until('the delayed job', () => echoes(file).length > 0, 60_000);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(20_000);
    await new Promise((r) => setTimeout(r, 6_000)); // a further poll must not run it again
    expect(echoes(file)).toEqual([{ id, pid: String(second.pid) }]);
    await second.stop(10_000);
  });

  it('runs each job exactly once with two API processes on PostgreSQL', async () => {
    const file = join(dir, 'postgres.log');
    const db = await cloneTemplateDatabase('jobs');
    dbs.push(db);
    const ids = Array.from({ length: 12 }, () => randomUUID());
    // Both processes send the same twelve jobs (a restart or a race would do the same): ids dedupe.
    const send = ids.map((id) => `${id}@3`).join(',');
    const env = {
      DATABASE_URL: db.url,
      LANTERN_JOBS: 'true',
      LANTERN_TEST_ECHO_FILE: file,
      LANTERN_TEST_SEND_ECHO: send,
    };
    const pair = [
      new ApiProcess({ port: await freePort(), env }),
      new ApiProcess({ port: await freePort(), env }),
    ];
    servers.push(...pair);
    await Promise.all(pair.map((p) => p.start(120_000)));
    await until('all twelve jobs', () => echoes(file).length >= ids.length, 60_000);
    await new Promise((r) => setTimeout(r, 11_000)); // two more polls of both processes
    const ran = echoes(file);
    expect(ran.map((e) => e.id).sort()).toEqual([...ids].sort());
    const [stored] = await db.sql<{ n: string }>(
      "SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.echo' AND state = 'completed'",
    );
    expect(Number(stored!.n)).toBe(ids.length);
    await Promise.all(pair.map((p) => p.stop(10_000)));
  });
});
