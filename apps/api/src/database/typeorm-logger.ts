import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log lines go to pino, without query parameters: parameters carry emails, token
 * hashes and, later, pupil case data, none of which may reach a log.
 */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}
  logQuery(query: string) {
    this.logger.trace({ query }, 'SQL');
  }
  logQueryError(error: string | Error, query: string) {
    this.logger.warn(
      { query, error: error instanceof Error ? error.message : error },
      'SQL statement failed',
    );
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn({ query, ms: time }, 'Slow SQL statement');
  }
  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
