import { MigrationInterface, QueryRunner } from 'typeorm';
import { getConstructionPlans } from 'pg-boss';

/**
 * The job runner's tables (pg-boss 12, schema `pgboss`). pg-boss never changes its schema itself
 * here (`migrate: false`): when pg-boss is upgraded to a version with a newer schema, add a
 * migration that runs `getMigrationPlans('pgboss', <installed version>)` when the installed version
 * is older (see docs/adr/0009-runtime-jobs-and-one-connection.md).
 */
export class JobRunner1765800000000 implements MigrationInterface {
  name = 'JobRunner1765800000000';
  // The plan has its own BEGIN/COMMIT (and an advisory lock against a concurrent install).
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(getConstructionPlans('pgboss'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  }
}
