import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, Grant, Role, SESSION_TTL_DAYS } from '@lantern/shared-domain';
import type { SessionInfo } from '../../common/context/request-context';
import { preparedQuery } from '../../database/prepared-query';
import { SessionEntity } from './session.entity';

export interface ResolvedSession {
  session: SessionInfo;
  actor: Actor;
}

const TOUCH_AFTER_MS = 60_000;

interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  display_name: string;
  show_presence: boolean;
  last_seen_at: Date;
  expires_at: Date;
  elevated_until: Date | null;
  second_factor_enrolled: boolean;
  grants: Array<{ role: Role; trustId: string | null; schoolId: string | null }>;
}

/**
 * Valid sessions (unrevoked, unexpired, active user) with the user's grants (school grants carry
 * their trust), the elevation by the second factor while it lasts, and whether the person has one.
 */
const VALID_SESSIONS = `
  SELECT s.id AS session_id, s.user_id, s.last_seen_at, s.expires_at, u.email, u.display_name, u.show_presence,
         CASE WHEN s.elevated_until > now() THEN s.elevated_until END AS elevated_until,
         EXISTS (SELECT 1 FROM user_second_factors f
                  WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS second_factor_enrolled,
         COALESCE((SELECT json_agg(json_build_object(
                    'role', m.role, 'trustId', COALESCE(m.trust_id, sc.trust_id), 'schoolId', m.school_id))
                   FROM memberships m LEFT JOIN schools sc ON sc.id = m.school_id
                   WHERE m.user_id = u.id), '[]'::json) AS grants
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.revoked_at IS NULL AND s.expires_at > now() AND u.deactivated_at IS NULL`;

const BY_TOKEN = `${VALID_SESSIONS} AND s.token_hash = $1`;

function toResolved(row: SessionRow): ResolvedSession {
  const grants: Grant[] = row.grants.map((g) => ({ role: g.role, trustId: g.trustId, schoolId: g.schoolId }));
  return {
    session: {
      sessionId: row.session_id,
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      showPresence: row.show_presence,
      expiresAt: new Date(row.expires_at).toISOString(),
      elevatedUntil: row.elevated_until ? new Date(row.elevated_until).toISOString() : null,
      secondFactorEnrolled: row.second_factor_enrolled,
    },
    actor: { userId: row.user_id, grants },
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions. A session is valid only while its row is unrevoked and unexpired and its
 * user is active, checked on every request, so sign-out, "sign out everywhere" and deactivation
 * take effect at once.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async create(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
    manager: EntityManager = this.ds.manager,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_TTL_DAYS * 86_400_000);
    await manager.getRepository(SessionEntity).insert({
      userId,
      tokenHash: hashToken(token),
      lastSeenAt: new Date(),
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /** The session and the actor's grants for a cookie token, in one query; null when not valid. */
  async resolve(token: string | undefined | null): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    // Every request makes this lookup: a prepared statement, planned once per connection.
    const [row] = await preparedQuery<SessionRow>(this.ds, 'sessions.byToken', BY_TOKEN, [hashToken(token)]);
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
      await this.ds.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    }
    return toResolved(row);
  }

  /** Which of these sessions are still valid, with fresh grants (used to recheck open sockets). */
  async resolveMany(sessionIds: readonly string[]): Promise<Map<string, ResolvedSession>> {
    const out = new Map<string, ResolvedSession>();
    if (!sessionIds.length) return out;
    const rows: SessionRow[] = await this.ds.query(`${VALID_SESSIONS} AND s.id = ANY($1::uuid[])`, [
      sessionIds,
    ]);
    for (const r of rows) out.set(r.session_id, toResolved(r));
    return out;
  }

  /** Moves whenever something that decides access changes (see the auth_epoch migration). */
  async authEpoch(): Promise<string> {
    const [row] = await this.ds.query('SELECT value::text AS value FROM auth_epoch WHERE id = 1');
    return String(row?.value ?? '0');
  }

  async revoke(sessionId: string): Promise<void> {
    await this.ds
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * End every session of a user, except `keepSessionId` when given, and forget their remembered
   * devices (signing out everywhere, a new password: a lost device must not skip the second factor
   * after signing in again). Returns how many sessions ended.
   */
  async revokeAllForUser(
    userId: string,
    manager: EntityManager = this.ds.manager,
    keepSessionId?: string,
  ): Promise<number> {
    const qb = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId) qb.andWhere('id <> :keep', { keep: keepSessionId });
    const result = await qb.execute();
    await manager.query('DELETE FROM remembered_devices WHERE user_id = $1', [userId]);
    return result.affected ?? 0;
  }
}
