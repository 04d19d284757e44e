import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, Grant } from '@lantern/shared-domain';

/** A person as the policy sees them (current roles), with whether they let others see them online. */
export interface KnownActor extends Actor {
  showPresence: boolean;
}

/**
 * The one place that loads people's roles for policy decisions about someone other than the
 * person asking (who may see a category, a resource, a presence): active accounts only, school roles
 * carrying their school's trust, in one statement for any number of people. Inside a transaction,
 * pass its manager `m` (the only connection that transaction may use).
 */
@Injectable()
export class ActorsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async actorsFor(
    userIds: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, KnownActor>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; show_presence: boolean; grants: Grant[] }> = await m.query(
      `SELECT u.id, u.show_presence,
              COALESCE((SELECT json_agg(json_build_object('role', ms.role, 'trustId', COALESCE(ms.trust_id, sc.trust_id), 'schoolId', ms.school_id))
                          FROM memberships ms LEFT JOIN schools sc ON sc.id = ms.school_id
                         WHERE ms.user_id = u.id), '[]'::json) AS grants
         FROM users u
        WHERE u.id = ANY($1::uuid[]) AND u.deactivated_at IS NULL`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          userId: r.id,
          showPresence: r.show_presence,
          grants: r.grants.map((g) => ({ role: g.role, trustId: g.trustId, schoolId: g.schoolId })),
        },
      ]),
    );
  }
}

/** Global, so every feature can ask for people's roles the same way. */
@Global()
@Module({ providers: [ActorsRepository], exports: [ActorsRepository] })
export class ActorsModule {}
