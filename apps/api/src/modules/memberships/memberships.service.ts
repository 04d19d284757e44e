import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditAction,
  NotificationKind,
  ROLE_LABEL,
  Role,
  Scope,
  ScopeKind,
  canAssignRole,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/context/request-context';
import { AuditService } from '../audit/audit.service';
import { DirectoryService } from '../directory/directory.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SchoolEntity } from '../directory/school.entity';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';
import { GrantRoleInput } from './dto/grant-role.input';

export function scopeColumns(scope: Scope): { trustId: string | null; schoolId: string | null } {
  if (scope.kind === ScopeKind.Trust) return { trustId: scope.trustId, schoolId: null };
  if (scope.kind === ScopeKind.School) return { trustId: null, schoolId: scope.schoolId };
  return { trustId: null, schoolId: null };
}

/** The audit scope of a role: who may later read that it was granted. */
export function auditScope(scope: Scope): { trustId: string | null; schoolId: string | null } {
  if (scope.kind === ScopeKind.Trust) return { trustId: scope.trustId, schoolId: null };
  if (scope.kind === ScopeKind.School) return { trustId: scope.trustId, schoolId: scope.schoolId };
  return { trustId: null, schoolId: null };
}

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Insert a grant inside a transaction (used by invitations too). Conflict when already held. */
  async insertGrant(
    manager: EntityManager,
    userId: string,
    role: Role,
    scope: Scope,
    grantedBy: string | null,
  ): Promise<MembershipEntity> {
    const existing = await manager.query(
      `SELECT 1 FROM memberships WHERE user_id = $1 AND role = $2
         AND trust_id IS NOT DISTINCT FROM $3 AND school_id IS NOT DISTINCT FROM $4`,
      [userId, role, scopeColumns(scope).trustId, scopeColumns(scope).schoolId],
    );
    if (existing.length) throw Errors.conflict('They already hold that role there.');
    const repo = manager.getRepository(MembershipEntity);
    return repo.save(repo.create({ userId, role, ...scopeColumns(scope), grantedBy }));
  }

  async grant(ctx: RequestContext, actor: Actor, input: GrantRoleInput): Promise<MembershipEntity> {
    const scope = await this.directory.scopeFor(input.role, input.trustId, input.schoolId);
    if (!canAssignRole(actor, input.role, scope)) throw Errors.forbidden('give that role there');
    const { membership, publish } = await this.ds.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOneBy({ id: input.userId });
      if (!user) throw Errors.notFound('That person');
      const membership = await this.insertGrant(m, user.id, input.role, scope, actor.userId);
      const where = await this.describeScope(scope, m);
      const publish = await this.notifications.notify(m, {
        recipientId: user.id,
        kind: NotificationKind.RoleGranted,
        title: `You are now ${ROLE_LABEL[input.role]}${where}`,
        body: `Given by ${ctx.session!.displayName}.`,
        link: '/directory',
      });
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.RoleGranted,
          summary: `Gave ${user.displayName} the role ${ROLE_LABEL[input.role]}${where}`,
          targetType: 'user',
          targetId: user.id,
          ...auditScope(scope),
        },
        m,
      );
      return { membership, publish };
    });
    await publish();
    return membership;
  }

  async revoke(ctx: RequestContext, actor: Actor, membershipId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const membership = await m.getRepository(MembershipEntity).findOneBy({ id: membershipId });
      if (!membership) throw Errors.notFound('That role');
      const scope = await this.scopeOfMembership(membership, m);
      if (!canAssignRole(actor, membership.role, scope)) throw Errors.forbidden('remove that role');
      if (membership.userId === actor.userId && membership.role === Role.NetworkAdmin) {
        throw Errors.badInput('You cannot remove your own network admin role. Ask another network admin.');
      }
      await m.getRepository(MembershipEntity).delete({ id: membership.id });
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id: membership.userId });
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.RoleRevoked,
          summary: `Removed the role ${ROLE_LABEL[membership.role]}${await this.describeScope(scope, m)} from ${user.displayName}`,
          targetType: 'user',
          targetId: user.id,
          ...auditScope(scope),
        },
        m,
      );
    });
  }

  async scopeOfMembership(mb: MembershipEntity, m: EntityManager = this.ds.manager): Promise<Scope> {
    if (mb.schoolId) {
      const school = await m.getRepository(SchoolEntity).findOneByOrFail({ id: mb.schoolId });
      return { kind: ScopeKind.School, trustId: school.trustId, schoolId: school.id };
    }
    if (mb.trustId) return { kind: ScopeKind.Trust, trustId: mb.trustId };
    return { kind: ScopeKind.Network };
  }

  /** Grants of a user in the policy's shape. */
  async actorOf(userId: string, m: EntityManager = this.ds.manager): Promise<Actor> {
    const rows: Array<{ role: Role; trust_id: string | null; school_id: string | null }> = await m.query(
      `SELECT mb.role, COALESCE(mb.trust_id, sc.trust_id) AS trust_id, mb.school_id
         FROM memberships mb LEFT JOIN schools sc ON sc.id = mb.school_id WHERE mb.user_id = $1`,
      [userId],
    );
    return {
      userId,
      grants: rows.map((r) => ({ role: r.role, trustId: r.trust_id, schoolId: r.school_id })),
    };
  }

  async describeScope(scope: Scope, m: EntityManager = this.ds.manager): Promise<string> {
    if (scope.kind === ScopeKind.School) {
      const rows = await m.query(
        'SELECT s.name, t.name AS trust FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE s.id = $1',
        [scope.schoolId],
      );
      return rows[0] ? ` at ${rows[0].name} (${rows[0].trust})` : '';
    }
    if (scope.kind === ScopeKind.Trust) {
      const rows = await m.query('SELECT name FROM trusts WHERE id = $1', [scope.trustId]);
      return rows[0] ? ` in ${rows[0].name}` : '';
    }
    return ' for the network';
  }
}
