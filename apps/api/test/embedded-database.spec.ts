import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from './support/spawn-api';
import { DEMO, GqlClient, LOGIN, DEMO_PASSWORD } from './support/test-app';

jest.setTimeout(180_000);

// PGlite loads its WebAssembly with dynamic import(), which Jest's sandbox refuses; so this test
// runs the real entry point in its own process, exactly as `npm start` does.
describe('the embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates and seeds on first start, and keeps changes across a restart', async () => {
    const env = { NODE_ENV: 'development', LANTERN_DATA_DIR: dataDir };
    const first = await spawnApi(env);
    try {
      const c = new GqlClient(first.url);
      await c.ok(LOGIN, { email: DEMO.sencoHolyFamily, password: DEMO_PASSWORD });
      const { trusts } = await c.ok<{ trusts: Array<{ schools: unknown[] }> }>(
        '{ trusts { schools { name } } }',
      );
      expect(trusts.flatMap((t) => t.schools)).toHaveLength(16);
      await c.ok(
        'mutation { updateProfile(input: { displayName: "SENCO, Holy Family (renamed)" }) { user { id } } }',
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await spawnApi(env);
    try {
      const c = new GqlClient(second.url);
      const r = await c.ok<{ login: { user: { displayName: string } } }>(LOGIN, {
        email: DEMO.sencoHolyFamily,
        password: DEMO_PASSWORD,
      });
      expect(r.login.user.displayName).toBe('SENCO, Holy Family (renamed)');
      const { trusts } = await c.ok<{ trusts: unknown[] }>('{ trusts { name } }');
      expect(trusts).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });
});
