import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@lantern/shared-domain';

const WINDOW_MS = LOGIN_LOCK_MINUTES * 60_000;

/**
 * Counts failed sign-ins per email, known or not (keyed by a hash of the email), and locks that
 * email for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES failures within the window.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  key(email: string): string {
    return createHash('sha256').update(`login:${email}`).digest('hex');
  }

  /** Minutes left on a lock, or 0. */
  async lockedFor(email: string): Promise<number> {
    const rows: Array<{ locked_until: Date | null }> = await this.ds.query(
      'SELECT locked_until FROM login_throttle WHERE email_key = $1',
      [this.key(email)],
    );
    const until = rows[0]?.locked_until;
    if (!until) return 0;
    const ms = new Date(until).getTime() - Date.now();
    return ms > 0 ? Math.ceil(ms / 60_000) : 0;
  }

  /** Record a failure atomically; returns true when this failure locks the email. */
  async fail(email: string): Promise<boolean> {
    const rows: Array<{ failures: number }> = await this.ds.query(
      `INSERT INTO login_throttle AS t (email_key, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), NULL)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2::int / 1000.0)
                         THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2::int / 1000.0)
                         THEN now() ELSE t.window_started_at END,
         locked_until = NULL
       RETURNING failures`,
      [this.key(email), WINDOW_MS],
    );
    const failures = rows[0]?.failures ?? 0;
    if (failures >= LOGIN_MAX_FAILURES) {
      await this.ds.query(
        `UPDATE login_throttle SET locked_until = now() + make_interval(mins => $2), failures = 0,
                window_started_at = now() WHERE email_key = $1`,
        [this.key(email), LOGIN_LOCK_MINUTES],
      );
      return true;
    }
    return false;
  }

  async clear(email: string): Promise<void> {
    await this.ds.query('DELETE FROM login_throttle WHERE email_key = $1', [this.key(email)]);
  }
}
