import type { Db as IDatabase } from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
}

/**
 * pg-boss runs its statements through the application's own connection pool, not a pool of its
 * own: on the embedded database (one connection) a second pool could never connect, and on
 * PostgreSQL it keeps the number of connections what DB_POOL_MAX says.
 */
export function poolDatabase(ds: DataSource): IDatabase {
  const pool = (ds.driver as PostgresDriver).master as PgQueryable;
  return {
    executeSql: (text: string, values?: unknown[]) =>
      pool.query(text, values) as Promise<{ rows: unknown[] }>,
  };
}

/**
 * The same, inside a transaction: a job sent here is stored only if the transaction commits, and on
 * the transaction's own connection (a second connection inside a transaction deadlocks on the
 * embedded database).
 */
export function transactionDatabase(m: EntityManager): IDatabase {
  const runner = m.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive) {
    throw new Error('transactionDatabase needs the EntityManager of an open transaction');
  }
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const client = (await runner.connect()) as PgQueryable;
      return client.query(text, values) as Promise<{ rows: unknown[] }>;
    },
  };
}
