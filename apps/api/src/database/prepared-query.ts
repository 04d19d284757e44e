import type { Pool, QueryResultRow } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Run one of the API's hot, fixed statements as a named prepared statement.
 *
 * PostgreSQL plans an unnamed statement again on every execution; for the statements every request
 * or every page makes (the session lookup, the forum thread and its reply tree) planning took longer
 * than running them. A named statement is parsed and planned once per pooled connection and then
 * only executed (see docs/performance.md, "The fixed cost of a GraphQL request").
 *
 * Rules for callers:
 * - `name` must be unique to one `text` (the driver refuses a name reused with different text);
 *   a statement whose text varies (sort order, optional filters) needs one name per variant.
 * - Only fixed text with parameters. Never text with values written into it (a statement per value
 *   would pile up in every connection).
 * - Name the columns (no `SELECT r.*`): a prepared statement whose result columns change under it
 *   after a migration fails with "cached plan must not change result type".
 * - Reads outside a transaction only: it takes its own connection from the pool, like `ds.query`.
 */
export async function preparedQuery<R extends QueryResultRow>(
  ds: DataSource,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<R[]> {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const result = await pool.query<R>({ name, text, values: [...values] });
  return result.rows;
}

/**
 * `alias.column AS "prefix_column", …` for every column of an entity that is selected by default
 * (not `select: false`, so never a password hash), for the fixed text of a prepared statement. Read
 * each row back with `entityFromRow` and the same prefix.
 */
export function selectColumns(ds: DataSource, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return ds
    .getMetadata(target)
    .columns.filter((c) => c.isSelect)
    .map((c) => `${alias}.${c.databaseName} AS "${alias}_${c.databaseName}"`)
    .join(', ');
}

/** The entity in a row selected with `selectColumns(ds, target, alias)` (pg has parsed the values). */
export function entityFromRow<E extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<E>,
  row: Record<string, unknown>,
  alias: string,
): E {
  const metadata = ds.getMetadata(target);
  const entity = metadata.create() as Record<string, unknown>;
  for (const c of metadata.columns)
    if (c.isSelect) entity[c.propertyName] = row[`${alias}_${c.databaseName}`];
  return entity as E;
}
