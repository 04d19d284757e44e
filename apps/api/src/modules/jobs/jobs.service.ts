import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { poolDatabase, transactionDatabase } from './job-database';
import type { JobSpec, SendOptions } from './jobs.types';

/** pg-boss's tables live in their own schema, installed by a migration (never by pg-boss itself). */
export const JOBS_SCHEMA = 'pgboss';
/** How often each queue looks for due work. Jobs here are reminders and clean-ups, not chat. */
const POLL_SECONDS = 5;

/**
 * The one job runner: scheduled (cron, UTC) and delayed jobs on PostgreSQL with pg-boss, each run
 * once across every API process (jobs are claimed with SELECT ... FOR UPDATE SKIP LOCKED; a
 * schedule fires once per occurrence), retried with backoff when the handler throws, and visible in
 * the `pgboss` schema. It shares the application's connection pool, so it works on the embedded
 * database, which has a single connection.
 *
 * Features register their jobs in onModuleInit; the runner starts when the application has booted
 * (LANTERN_JOBS; off by default under NODE_ENV=test, where tests run jobs' work directly).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly specs = new Map<string, JobSpec<object>>();
  /** Each registered job's queue and worker, once set up (sends wait for it). */
  private readonly active = new Map<string, Promise<void>>();
  private boss: PgBoss | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Declare a job. Registering after start activates it at once. */
  register<T extends object>(spec: JobSpec<T>): void {
    if (this.specs.has(spec.name)) throw new Error(`Job ${spec.name} is registered twice`);
    this.specs.set(spec.name, spec as unknown as JobSpec<object>);
    if (this.boss) this.activateLogged(this.boss, spec as unknown as JobSpec<object>);
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      db: poolDatabase(this.ds),
      schema: JOBS_SCHEMA,
      migrate: false,
      backend: this.config.databaseUrl ? 'postgres' : 'pglite',
      instanceName: 'lantern-api',
    });
    boss.on('error', (err: unknown) =>
      this.logger.error(`Job runner: ${err instanceof Error ? err.message : String(err)}`),
    );
    await boss.start();
    this.boss = boss;
    for (const spec of this.specs.values()) this.activateLogged(boss, spec);
    await Promise.all(this.active.values());
    this.logger.log(`Job runner started (${this.specs.size} job${this.specs.size === 1 ? '' : 's'})`);
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Let running handlers finish (they use the database, which closes after this).
    await boss?.stop({ graceful: true, timeout: 10_000, close: false });
  }

  /**
   * Queue a job (optionally delayed). Pass the transaction's manager when inside one: the job is
   * then stored with the transaction, or not at all. Returns the job id, or null when a job with
   * the same `id` already exists.
   */
  async send<T extends object>(
    name: string,
    data: T,
    options: SendOptions = {},
    m?: EntityManager,
  ): Promise<string | null> {
    if (!this.specs.has(name)) throw new Error(`Job ${name} is not registered`);
    const boss = this.requireStarted();
    await this.active.get(name);
    return boss.send(name, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.id ? { id: options.id } : {}),
      ...(m ? { db: transactionDatabase(m) } : {}),
    });
  }

  private requireStarted(): PgBoss {
    if (!this.boss) throw new Error('The job runner is not running (LANTERN_JOBS is off)');
    return this.boss;
  }

  private activateLogged(boss: PgBoss, spec: JobSpec<object>): void {
    const activation = this.activate(boss, spec);
    activation.catch((err: unknown) =>
      this.logger.error(
        `Could not start job ${spec.name}: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
    this.active.set(spec.name, activation);
  }

  private async activate(boss: PgBoss, spec: JobSpec<object>): Promise<void> {
    await boss.createQueue(spec.name, {
      retryLimit: spec.retryLimit ?? 3,
      retryDelay: spec.retryDelaySeconds ?? 60,
      retryBackoff: true,
    });
    await boss.work<object>(spec.name, { pollingIntervalSeconds: POLL_SECONDS }, async (jobs) => {
      for (const job of jobs) {
        try {
          await spec.handler(job.data ?? {});
        } catch (err) {
          this.logger.error(`Job ${spec.name} failed: ${err instanceof Error ? err.message : String(err)}`);
          throw err;
        }
      }
    });
    if (spec.cron) await boss.schedule(spec.name, spec.cron, null, { tz: 'UTC' });
  }
}
