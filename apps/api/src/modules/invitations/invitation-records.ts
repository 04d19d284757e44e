import { EntityManager } from 'typeorm';
import { ErrorCode, Scope, ScopeKind } from '@lantern/shared-domain';
import { AppError } from '../../common/errors/app-error';
import { InvitationStatus } from '../../common/graphql/enums';
import { hashToken } from '../sessions/sessions.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationModel } from './invitation.model';

export const INVITATION_INVALID =
  'This invitation link has expired or has already been used. Ask the person who invited you to send a new one.';

export function statusOf(i: InvitationEntity, now = new Date()): InvitationStatus {
  if (i.revokedAt) return InvitationStatus.REVOKED;
  if (i.acceptedAt) return InvitationStatus.ACCEPTED;
  if (i.expiresAt <= now) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

export const toInvitation = (i: InvitationEntity): InvitationModel => ({
  id: i.id,
  email: i.email,
  role: i.role,
  status: statusOf(i),
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
  trustId: i.trustId,
  schoolId: i.schoolId,
  invitedById: i.invitedBy,
});

/** The pending invitation a link's token stands for; INVITATION_INVALID otherwise. */
export async function findUsableInvitation(m: EntityManager, token: string): Promise<InvitationEntity> {
  const inv =
    token && token.length <= 100
      ? await m.getRepository(InvitationEntity).findOneBy({ tokenHash: hashToken(token) })
      : null;
  if (!inv || statusOf(inv) !== InvitationStatus.PENDING)
    throw new AppError(ErrorCode.InvitationInvalid, INVITATION_INVALID);
  return inv;
}

/** Where the invited role is held (a school's trust is taken from the school). */
export async function invitationScope(inv: InvitationEntity, m: EntityManager): Promise<Scope> {
  if (inv.schoolId) {
    const rows = await m.query('SELECT trust_id FROM schools WHERE id = $1', [inv.schoolId]);
    return { kind: ScopeKind.School, trustId: rows[0].trust_id, schoolId: inv.schoolId };
  }
  if (inv.trustId) return { kind: ScopeKind.Trust, trustId: inv.trustId };
  return { kind: ScopeKind.Network };
}
