import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  REMEMBERED_DEVICE_COOKIE,
  SECOND_FACTOR,
  SECOND_FACTOR_MESSAGES,
  secondFactorRefusal,
} from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { AppError } from '../../common/errors/app-error';
import { hashToken } from '../sessions/sessions.service';

/** SQL for "the elevation ends 12 hours from now, or when the session does if sooner" (elevationEnds). */
const ELEVATION_ENDS = `LEAST(now() + make_interval(hours => ${SECOND_FACTOR.elevationHours}), s.expires_at)`;

function rows<T>(result: unknown): T[] {
  // UPDATE ... RETURNING through TypeORM answers [rows, count]; SELECT answers rows.
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}

/**
 * The session side of the second factor: elevating a session (after a code, or by a remembered
 * device), remembering a device, and the one check PolicyGuard makes before serving case data.
 */
@Injectable()
export class SessionElevationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * PolicyGuard's check for an operation whose permission needs a second factor: passes an elevated
   * session; elevates a session whose device is remembered (no code); otherwise refuses with
   * SECOND_FACTOR_ENROLMENT_REQUIRED or SECOND_FACTOR_REQUIRED.
   */
  async demand(ctx: RequestContext): Promise<void> {
    const s = ctx.session;
    if (!s) return;
    const refusal = secondFactorRefusal({ enrolled: s.secondFactorEnrolled, elevatedUntil: s.elevatedUntil });
    if (!refusal) return;
    if (refusal === ErrorCode.SecondFactorRequired && (await this.byRememberedDevice(ctx))) return;
    throw new AppError(refusal, SECOND_FACTOR_MESSAGES[refusal]);
  }

  /** Elevate the request's session now (after a code was accepted). */
  async elevate(ctx: RequestContext, m: EntityManager = this.ds.manager): Promise<void> {
    const s = ctx.session!;
    const [row] = rows<{ elevated_until: Date }>(
      await m.query(
        `UPDATE sessions s SET elevated_until = ${ELEVATION_ENDS}
          WHERE s.id = $1 AND s.revoked_at IS NULL RETURNING s.elevated_until`,
        [s.sessionId],
      ),
    );
    ctx.session = { ...s, elevatedUntil: row ? new Date(row.elevated_until).toISOString() : null };
  }

  /** Remember this browser for 30 days: an httpOnly cookie with a random token; only its hash is stored. */
  async rememberDevice(ctx: RequestContext, m: EntityManager = this.ds.manager): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(Date.now() + SECOND_FACTOR.rememberDeviceDays * 86_400_000);
    await m.query(
      `INSERT INTO remembered_devices (user_id, token_hash, expires_at, user_agent) VALUES ($1, $2, $3, $4)`,
      [ctx.session!.userId, hashToken(token), expires, ctx.userAgent?.slice(0, 300) ?? null],
    );
    ctx.res.cookie(REMEMBERED_DEVICE_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires,
    });
  }

  /**
   * A remembered device of this person (cookie valid, unexpired) elevates the session without a
   * code, in one statement. False when there is no such device.
   */
  private async byRememberedDevice(ctx: RequestContext): Promise<boolean> {
    const cookies = (ctx.req as Request & { cookies?: Record<string, string> }).cookies;
    const token = cookies?.[REMEMBERED_DEVICE_COOKIE];
    const s = ctx.session;
    if (!token || token.length > 100 || !s) return false;
    const [row] = rows<{ elevated_until: Date }>(
      await this.ds.query(
        `WITH device AS (
           UPDATE remembered_devices SET last_used_at = now()
            WHERE token_hash = $1 AND user_id = $2 AND expires_at > now() RETURNING id)
         UPDATE sessions s SET elevated_until = ${ELEVATION_ENDS}
          WHERE s.id = $3 AND s.revoked_at IS NULL AND EXISTS (SELECT 1 FROM device)
          RETURNING s.elevated_until`,
        [hashToken(token), s.userId, s.sessionId],
      ),
    );
    if (!row) return false;
    ctx.session = { ...s, elevatedUntil: new Date(row.elevated_until).toISOString() };
    return true;
  }
}
