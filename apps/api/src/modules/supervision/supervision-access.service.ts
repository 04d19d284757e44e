import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  SupervisionRole,
  SupervisionScope,
  SupervisionStatus,
  canSeeSupervision,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';

/** A session as every supervision rule needs it: the policy's scope plus its state. */
export interface SupervisionSessionScope extends SupervisionScope {
  id: string;
  status: SupervisionStatus;
  /** The record is signed by both sides: nothing in the session may change any more. */
  signed: boolean;
  currentCaseId: string | null;
}

const SCOPE = `
  SELECT s.id, s.school_id, s.trust_id, s.chair_id, s.status, s.current_case_id,
         (r.signed_at IS NOT NULL) AS signed,
         coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'role', p.role))
                     FROM supervision_participants p WHERE p.session_id = s.id), '[]'::json) AS participants
    FROM supervision_sessions s
    LEFT JOIN supervision_records r ON r.session_id = s.id
   WHERE s.id = $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a session's scope in one statement (with the caller's manager inside a transaction: the
 * embedded database has one connection) and applies the policy's supervision rules to it.
 */
@Injectable()
export class SupervisionAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async scope(sessionId: string, m?: EntityManager): Promise<SupervisionSessionScope | null> {
    if (!UUID.test(sessionId)) return null;
    const [row] = await (m ?? this.ds.manager).query(SCOPE, [sessionId]);
    if (!row) return null;
    return {
      id: row.id,
      schoolId: row.school_id,
      trustId: row.trust_id,
      chairId: row.chair_id,
      status: row.status,
      currentCaseId: row.current_case_id,
      signed: row.signed,
      participants: (row.participants as Array<{ userId: string; role: SupervisionRole }>) ?? [],
    };
  }

  /**
   * The session if `rule` allows the actor; NOT_FOUND when they may not even see it (nothing is
   * revealed to another school or trust), FORBIDDEN when they see it but the rule refuses.
   */
  async require(
    actor: Actor,
    sessionId: string,
    rule: (actor: Actor, s: SupervisionSessionScope) => boolean,
    what: string,
    m?: EntityManager,
  ): Promise<SupervisionSessionScope> {
    const s = await this.scope(sessionId, m);
    if (!s || !canSeeSupervision(actor, s)) throw Errors.notFound('That supervision session');
    if (!rule(actor, s)) throw Errors.forbidden(what);
    return s;
  }
}
