import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Brackets, DataSource } from 'typeorm';
import {
  Actor,
  AuditAction,
  INVITATION_TTL_DAYS,
  Permission,
  ROLE_LABEL,
  canAssignRole,
  isEmail,
  normaliseEmail,
  reachOf,
} from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { InvitationStatus } from '../../common/graphql/enums';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { AuditService } from '../audit/audit.service';
import { DirectoryService } from '../directory/directory.service';
import { MailService } from '../mail/mail.service';
import { MembershipsService, auditScope, scopeColumns } from '../memberships/memberships.service';
import { hashToken } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';
import { InviteInput } from './dto/invitation.input';
import { InvitationEntity } from './invitation.entity';
import { InvitationModel } from './invitation.model';
import { invitationScope, statusOf, toInvitation } from './invitation-records';

/** Sending, revoking and listing invitations (accepting one: InvitationAcceptanceService). */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
    private readonly memberships: MembershipsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async invite(ctx: RequestContext, actor: Actor, input: InviteInput): Promise<InvitationEntity> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email))
      throw Errors.badInput('Enter an email address like name@school.org.uk.', {
        email: 'Not an email address',
      });
    const scope = await this.directory.scopeFor(input.role, input.trustId, input.schoolId);
    if (!canAssignRole(actor, input.role, scope))
      throw Errors.forbidden('invite someone into that role there');
    const existing = await this.ds.getRepository(UserEntity).findOneBy({ email });
    if (existing) {
      throw Errors.conflict(
        `${email} already has a Lantern account. Give them the role from People instead.`,
      );
    }
    const token = randomBytes(32).toString('base64url');
    const where = await this.memberships.describeScope(scope);
    return this.ds.transaction(async (m) => {
      const cols = scopeColumns(scope);
      // A new invitation for the same person and role replaces any still pending.
      await m.query(
        `UPDATE invitations SET revoked_at = now()
          WHERE email = $1 AND role = $2 AND trust_id IS NOT DISTINCT FROM $3 AND school_id IS NOT DISTINCT FROM $4
            AND accepted_at IS NULL AND revoked_at IS NULL`,
        [email, input.role, cols.trustId, cols.schoolId],
      );
      const repo = m.getRepository(InvitationEntity);
      const saved = await repo.save(
        repo.create({
          email,
          role: input.role,
          ...cols,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
        }),
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.InvitationSent,
          summary: `Invited ${email} as ${ROLE_LABEL[input.role]}${where}`,
          targetType: 'invitation',
          targetId: saved.id,
          ...auditScope(scope),
        },
        m,
      );
      const link = `${this.config.publicUrl}/invitations/accept?token=${token}`;
      await this.mail.send(
        {
          to: email,
          subject: `${ctx.session!.displayName} invited you to Lantern`,
          text:
            `${ctx.session!.displayName} has invited you to join Lantern as ${ROLE_LABEL[input.role]}${where}.\n\n` +
            `Create your account here (the link works once and expires in ${INVITATION_TTL_DAYS} days):\n${link}\n\n` +
            `If you were not expecting this, you can ignore this email.`,
        },
        m,
      );
      return saved;
    });
  }

  async revoke(ctx: RequestContext, actor: Actor, id: string): Promise<InvitationEntity> {
    return this.ds.transaction(async (m) => {
      const inv = await m.getRepository(InvitationEntity).findOneBy({ id });
      if (!inv) throw Errors.notFound('That invitation');
      const scope = await invitationScope(inv, m);
      if (!canAssignRole(actor, inv.role, scope)) throw Errors.forbidden('revoke that invitation');
      if (statusOf(inv) !== InvitationStatus.PENDING) {
        throw Errors.conflict('Only a pending invitation can be revoked.');
      }
      inv.revokedAt = new Date();
      await m.getRepository(InvitationEntity).update({ id }, { revokedAt: inv.revokedAt });
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.InvitationRevoked,
          summary: `Revoked the invitation for ${inv.email} as ${ROLE_LABEL[inv.role]}`,
          targetType: 'invitation',
          targetId: inv.id,
          ...auditScope(scope),
        },
        m,
      );
      return inv;
    });
  }

  async list(
    actor: Actor,
    status: InvitationStatus | null,
    limit: number,
    after: string | null,
  ): Promise<Connection<InvitationModel>> {
    const reach = reachOf(actor, Permission.PeopleInvite);
    const qb = this.ds
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .leftJoin('schools', 's', 's.id = i.school_id');
    if (!reach.network) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('i.trust_id = ANY(:trusts)')
            .orWhere('s.trust_id = ANY(:trusts)')
            .orWhere('i.school_id = ANY(:schools)'),
        ),
        { trusts: reach.trustIds, schools: reach.schoolIds },
      );
    }
    switch (status) {
      case InvitationStatus.REVOKED:
        qb.andWhere('i.revoked_at IS NOT NULL');
        break;
      case InvitationStatus.ACCEPTED:
        qb.andWhere('i.accepted_at IS NOT NULL');
        break;
      case InvitationStatus.EXPIRED:
        qb.andWhere('i.revoked_at IS NULL AND i.accepted_at IS NULL AND i.expires_at <= now()');
        break;
      case InvitationStatus.PENDING:
        qb.andWhere('i.revoked_at IS NULL AND i.accepted_at IS NULL AND i.expires_at > now()');
        break;
    }
    const total = await qb.clone().getCount();
    const cursor = decodeCursor(after);
    if (cursor)
      qb.andWhere('(i.created_at, i.id) < (:ts::timestamptz, :id::uuid)', {
        ts: cursor.sortValue,
        id: cursor.id,
      });
    const rows = await qb
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total, toInvitation, (r) =>
      encodeCursor(r.createdAt.toISOString(), r.id),
    );
  }
}
