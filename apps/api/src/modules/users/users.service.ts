import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Actor, AuditAction, Permission, canManageUser, reachOf } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { AuditService } from '../audit/audit.service';
import { MembershipsService } from '../memberships/memberships.service';
import { SessionsService } from '../sessions/sessions.service';
import { PeopleFilter } from './dto/people-filter.input';
import { toUser } from './user.mapper';
import { UserEntity } from './user.entity';
import { UserModel } from './user.model';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sessions: SessionsService,
    private readonly memberships: MembershipsService,
    private readonly audit: AuditService,
  ) {}

  /** People the actor may see (policy: PeopleRead), by name, with keyset pagination. */
  async people(
    actor: Actor,
    filter: PeopleFilter | null,
    limit: number,
    after: string | null,
  ): Promise<Connection<UserModel>> {
    const reach = reachOf(actor, Permission.PeopleRead);
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    const inScope = (alias: string, cond: string) =>
      `EXISTS (SELECT 1 FROM memberships ${alias} LEFT JOIN schools ${alias}s ON ${alias}s.id = ${alias}.school_id
               WHERE ${alias}.user_id = u.id AND (${cond}))`;
    if (!reach.network) {
      qb.andWhere(
        inScope(
          'rm',
          'rm.trust_id = ANY(:rTrusts) OR rms.trust_id = ANY(:rTrusts) OR rm.school_id = ANY(:rSchools)',
        ),
        { rTrusts: reach.trustIds, rSchools: reach.schoolIds },
      );
    }
    if (filter?.trustId)
      qb.andWhere(inScope('fm', 'fm.trust_id = :fTrust OR fms.trust_id = :fTrust'), {
        fTrust: filter.trustId,
      });
    if (filter?.schoolId) qb.andWhere(inScope('sm', 'sm.school_id = :fSchool'), { fSchool: filter.schoolId });
    const search = filter?.search?.trim().toLowerCase();
    if (search) {
      qb.andWhere(
        new Brackets((w) =>
          w.where("lower(u.display_name) LIKE :q ESCAPE '\\'").orWhere("u.email LIKE :q ESCAPE '\\'"),
        ),
        { q: `%${likeEscape(search)}%` },
      );
    }
    if (!filter?.includeDeactivated) qb.andWhere('u.deactivated_at IS NULL');
    const total = await qb.clone().getCount();
    const cursor = decodeCursor(after);
    if (cursor)
      qb.andWhere('(lower(u.display_name), u.id) > (:name, :id::uuid)', {
        name: cursor.sortValue,
        id: cursor.id,
      });
    const rows = await qb
      .orderBy('lower(u.display_name)', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total, toUser, (u) => encodeCursor(u.displayName.toLowerCase(), u.id));
  }

  async setActive(ctx: RequestContext, actor: Actor, userId: string, active: boolean): Promise<UserModel> {
    const target = await this.memberships.actorOf(userId);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw Errors.notFound('That person');
    if (userId === actor.userId) throw Errors.badInput('You cannot deactivate or reactivate yourself.');
    if (!canManageUser(actor, target))
      throw Errors.forbidden(active ? 'reactivate this person' : 'deactivate this person');
    if (active === (user.deactivatedAt === null)) return toUser(user);
    const trusts = [...new Set(target.grants.map((g) => g.trustId).filter((t): t is string => !!t))];
    return this.ds.transaction(async (m) => {
      user.deactivatedAt = active ? null : new Date();
      await m.getRepository(UserEntity).update({ id: user.id }, { deactivatedAt: user.deactivatedAt });
      const ended = active ? 0 : await this.sessions.revokeAllForUser(user.id, m);
      await this.audit.recordFor(
        ctx,
        {
          action: active ? AuditAction.UserReactivated : AuditAction.UserDeactivated,
          summary: active
            ? `Reactivated ${user.displayName}`
            : `Deactivated ${user.displayName} and ended ${ended} session${ended === 1 ? '' : 's'}`,
          targetType: 'user',
          targetId: user.id,
          trustId: trusts.length === 1 ? trusts[0] : null,
        },
        m,
      );
      return toUser(user);
    });
  }
}
