import pg from 'pg';

/**
 * Counts SQL statements sent through `pg` in this process (the API's pool uses pg.Client), for tests
 * and benchmarks that check a page takes a constant number of statements. Exact, unlike PostgreSQL's
 * statistics views, which are flushed lazily.
 */
let count = 0;
let installed = false;

export function installQueryCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export function queryCount(): number {
  return count;
}
