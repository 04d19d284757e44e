import { admin, quoteIdent } from './databases';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env['LANTERN_TEST_RUN'];
  if (!runId) return;
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`lantern_test_${runId}%`],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
  });
}
