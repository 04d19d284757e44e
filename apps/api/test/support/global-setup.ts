import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { admin, quoteIdent, urlFor } from './databases';

/**
 * Once per run: a template database with every migration applied and the demo data seeded, so each
 * test file can clone a fresh copy in a few milliseconds (CREATE DATABASE ... TEMPLATE).
 * The template is built in a child process: Nest's GraphQL metadata is process-global, and loading
 * the app here would leak into a test file that Jest runs in this same process.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const template = `lantern_test_${runId}_tpl`;
  process.env['LANTERN_TEST_RUN'] = runId;
  process.env['LANTERN_TEST_TEMPLATE'] = template;
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(template)}`));
  const api = join(__dirname, '../..');
  execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'make-template.ts'),
      urlFor(template),
    ],
    {
      cwd: api,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(api, 'tsconfig.spec.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_BASEURL: join(api, '../..'),
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ baseUrl: join(api, '../..') }),
      },
    },
  );
}
