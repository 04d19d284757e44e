/** A job a feature declares: a name, what it does, and optionally when it recurs. */
export interface JobSpec<T extends object = Record<string, never>> {
  /** Queue name, `<feature>.<what>` (e.g. `files.sweep`). */
  name: string;
  /** Does the work. Throwing makes the runner try again later (retryLimit times, backing off). */
  handler: (data: T) => Promise<void>;
  /** A cron expression in UTC: the job is then scheduled to run at those times, once across processes. */
  cron?: string;
  /** Tries after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry; later retries back off exponentially (default 60). */
  retryDelaySeconds?: number;
}

export interface SendOptions {
  /** Run no earlier than this moment (a delayed job); default now. */
  startAfter?: Date;
  /** A job id (UUID) chosen by the caller: sending the same id again stores nothing more. */
  id?: string;
}
