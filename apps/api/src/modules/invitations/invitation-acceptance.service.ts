import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  ErrorCode,
  NAME_MAX_LENGTH,
  NotificationKind,
  ROLE_LABEL,
  passwordProblem,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { MembershipsService, auditScope } from '../memberships/memberships.service';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import { AcceptInvitationInput } from './dto/invitation.input';
import { InvitationEntity } from './invitation.entity';
import { InvitationPreviewModel } from './invitation.model';
import { INVITATION_INVALID, findUsableInvitation, invitationScope } from './invitation-records';

/** What an invitation link offers, and accepting it (anyone with the link, signed out). */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly memberships: MembershipsService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async preview(token: string): Promise<InvitationPreviewModel> {
    const inv = await findUsableInvitation(this.ds.manager, token);
    const rows: Array<{ trust: string | null; school: string | null }> = await this.ds.query(
      `SELECT COALESCE(t.name, st.name) AS trust, s.name AS school
         FROM invitations i LEFT JOIN trusts t ON t.id = i.trust_id
         LEFT JOIN schools s ON s.id = i.school_id LEFT JOIN trusts st ON st.id = s.trust_id
        WHERE i.id = $1`,
      [inv.id],
    );
    return {
      email: inv.email,
      role: inv.role,
      trustName: rows[0]?.trust ?? null,
      schoolName: rows[0]?.school ?? null,
      expiresAt: inv.expiresAt,
    };
  }

  /** Create the account, grant the role and mark the invitation used, all or nothing. Returns the new user id. */
  async accept(ctx: RequestContext, input: AcceptInvitationInput): Promise<string> {
    const name = input.displayName.trim().replace(/\s+/g, ' ');
    if (!name || name.length > NAME_MAX_LENGTH) {
      throw Errors.badInput('Enter your name.', { displayName: 'Enter your name' });
    }
    const inv = await findUsableInvitation(this.ds.manager, input.token);
    const problem = passwordProblem(input.password, [inv.email.split('@')[0] ?? '', name]);
    if (problem) throw new AppError(ErrorCode.WeakPassword, problem, { password: problem });
    const passwordHash = await this.passwords.hash(input.password);
    const scope = await invitationScope(inv, this.ds.manager);
    const where = await this.memberships.describeScope(scope);
    const { userId, publish } = await this.ds.transaction(async (m) => {
      const locked: InvitationEntity[] = await m.query(
        `SELECT id FROM invitations WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         FOR UPDATE`,
        [inv.id],
      );
      if (!locked.length) throw new AppError(ErrorCode.InvitationInvalid, INVITATION_INVALID);
      if (await m.getRepository(UserEntity).findOneBy({ email: inv.email })) {
        throw Errors.conflict(`${inv.email} already has a Lantern account. Sign in instead.`);
      }
      const users = m.getRepository(UserEntity);
      const user = await users.save(users.create({ email: inv.email, displayName: name, passwordHash }));
      await this.memberships.insertGrant(m, user.id, inv.role, scope, inv.invitedBy);
      await m
        .getRepository(InvitationEntity)
        .update({ id: inv.id }, { acceptedAt: new Date(), acceptedUserId: user.id });
      await this.audit.record(
        {
          actorUserId: user.id,
          actorLabel: name,
          action: AuditAction.InvitationAccepted,
          summary: `${name} (${inv.email}) accepted the invitation as ${ROLE_LABEL[inv.role]}${where}`,
          ip: ctx.ip,
          targetType: 'invitation',
          targetId: inv.id,
          ...auditScope(scope),
        },
        m,
      );
      let publish: Publish = async () => undefined;
      if (inv.invitedBy) {
        publish = await this.notifications.notify(m, {
          recipientId: inv.invitedBy,
          kind: NotificationKind.InvitationAccepted,
          title: `${name} accepted your invitation`,
          body: `${inv.email} joined as ${ROLE_LABEL[inv.role]}${where}.`,
          link: '/admin/people',
        });
      }
      return { userId: user.id, publish };
    });
    await publish();
    return userId;
  }
}
