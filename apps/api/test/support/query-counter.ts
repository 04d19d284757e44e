import pg from 'pg';
import { currentRequestId } from '../../src/common/context/request-id';

/**
 * Counts SQL statements sent through `pg` in this process (the API's pool uses pg.Client), for tests
 * and benchmarks that check a page takes a constant number of statements. Exact, unlike PostgreSQL's
 * statistics views, which are flushed lazily. Statements are also counted per request id (the
 * request's X-Request-Id), so a test can count one request's statements alone, whatever else the
 * process does meanwhile (the real-time layer's rechecks, other sockets).
 */
let count = 0;
const perRequest = new Map<string, number>();
let installed = false;

export function installQueryCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    const id = currentRequestId();
    if (id) perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export function queryCount(): number {
  return count;
}

/** Statements sent while serving the request with this X-Request-Id. */
export function queryCountFor(requestId: string): number {
  return perRequest.get(requestId) ?? 0;
}
