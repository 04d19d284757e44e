/** What the global setup hands to the tests and the global teardown. */
import { join } from 'node:path';
import { TEST_OUTPUT_DIR } from './chromium';

export const STATE_FILE = join(TEST_OUTPUT_DIR, 'e2e-state.json');
export const API_LOG_FILE = join(TEST_OUTPUT_DIR, 'api.log');

export interface E2eState {
  /** Base URL of the server under test, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** Process id of the api we started, or null when E2E_BASE_URL pointed at a running server. */
  pid: number | null;
  /** Database we created for this run (dropped by the teardown), or null. */
  databaseName: string | null;
  /** Connection string of the server that holds it (maintenance database). */
  adminDatabaseUrl: string | null;
  /** Data folder of the embedded database (E2E_EMBEDDED=1), removed by the teardown, or null. */
  dataDir: string | null;
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) {
    throw new Error('E2E_BASE_URL is not set: run the browser tests with `npx nx run web-e2e:e2e`.');
  }
  return url.replace(/\/$/, '');
}
