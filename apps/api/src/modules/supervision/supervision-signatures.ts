import type { EntityManager } from 'typeorm';
import {
  Actor,
  SupervisionRole,
  SupervisionSignSide,
  canSignSupervision,
  supervisionRoleOf,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import type { SupervisionSessionScope } from './supervision-access.service';

/** The side of a record the actor signs for (FORBIDDEN when they sign for neither). */
export function signingSide(actor: Actor, s: SupervisionSessionScope): SupervisionSignSide {
  const role = supervisionRoleOf(actor, s);
  if (
    (role === SupervisionRole.Senco || role === SupervisionRole.SendLead) &&
    canSignSupervision(actor, s, role)
  )
    return role;
  throw Errors.forbidden('sign this record (only the SENCO and the SEND lead taking part sign it)');
}

/** Lock the session's row for the change (a draft and a signature never cross). */
export async function lockSession(m: EntityManager, sessionId: string): Promise<void> {
  await m.query('SELECT id FROM supervision_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
}

/** What a signable row (a record or an addendum) says of its two signatures. */
export interface Signatures {
  senco_signed_at: Date | null;
  lead_signed_at: Date | null;
}

/**
 * One side's signature on a record or an addendum, with the caller's manager: refused when that side
 * has signed already; `final` when it completes both (then `signed_at` is set and the row is final).
 */
export async function signSide(
  m: EntityManager,
  table: 'supervision_records' | 'supervision_record_addenda',
  row: { id: string } & Signatures,
  side: SupervisionSignSide,
  actorId: string,
  alreadySigned: string,
): Promise<{ final: boolean; other: SupervisionSignSide }> {
  const other: SupervisionSignSide = side === SupervisionRole.Senco ? SupervisionRole.SendLead : SupervisionRole.Senco;
  if (side === SupervisionRole.Senco ? row.senco_signed_at : row.lead_signed_at) throw Errors.conflict(alreadySigned);
  const final = !!(other === SupervisionRole.Senco ? row.senco_signed_at : row.lead_signed_at);
  const col = side === SupervisionRole.Senco ? 'senco' : 'lead';
  await m.query(
    `UPDATE ${table} SET ${col}_signed_by = $2, ${col}_signed_at = now(),
            signed_at = CASE WHEN $3::boolean THEN now() ELSE NULL END
      WHERE id = $1`,
    [row.id, actorId, final],
  );
  return { final, other };
}
