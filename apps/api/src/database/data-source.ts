import type { Logger } from 'pino';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PinoTypeOrmLogger } from './typeorm-logger';
import { ENTITIES, MIGRATIONS } from './entities';

export interface DatabaseOptions {
  url: string;
  /** PGlite serves one connection at a time. */
  embedded?: boolean;
  /** Pool size for a PostgreSQL server (default 10). Tests run the suite once with 1 to catch a second connection opened inside a transaction. */
  poolMax?: number;
}

/** The one description of Lantern's database, used by the app, the tests and the migration CLI. */
export function dataSourceOptions(o: DatabaseOptions, logger?: Logger): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    ...(logger ? { logger: new PinoTypeOrmLogger(logger) } : {}),
    maxQueryExecutionTime: 1_000,
    extra: {
      max: o.embedded ? 1 : (o.poolMax ?? 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'lantern',
    },
  };
}

export function createDataSource(o: DatabaseOptions, logger?: Logger): DataSource {
  return new DataSource(dataSourceOptions(o, logger));
}
