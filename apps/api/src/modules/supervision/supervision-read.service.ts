import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Role,
  SupervisionStatus,
  canAccessCaseData,
  canSeeSupervision,
  caseDataReach,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { SupervisionAccess } from './supervision-access.service';
import { SessionRow, loadSession, sessionColumns, toSession } from './supervision-rows';
import { SupervisionSessionModel, SupervisionSessionPageModel, SupervisionWhen } from './supervision.model';

const STATUSES: Record<SupervisionWhen, SupervisionStatus[]> = {
  [SupervisionWhen.Upcoming]: [SupervisionStatus.Scheduled, SupervisionStatus.Live],
  [SupervisionWhen.Past]: [SupervisionStatus.Ended, SupervisionStatus.Cancelled],
};

/**
 * Finding sessions: the ones the viewer may see (canSeeSupervision, in SQL: the case-data reach,
 * then participants, the school's SENCOs and the trust's SEND leads), coming up or past, one page in
 * one statement; and one session. Its participants, agenda and actions are read per request in one
 * batch (SupervisionLoaders), and reading the agenda is logged per case.
 */
@Injectable()
export class SupervisionReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
  ) {}

  async list(
    actor: Actor,
    schoolId: string | null,
    when: SupervisionWhen,
    first: number,
    offset: number,
  ): Promise<SupervisionSessionPageModel> {
    if (schoolId) {
      const [school] = await this.ds.query('SELECT trust_id FROM schools WHERE id = $1', [schoolId]);
      if (!school || !canAccessCaseData(actor, { schoolId, trustId: school.trust_id }))
        throw Errors.notFound("That school's supervision sessions");
    }
    const reach = caseDataReach(actor);
    const sencoOf = actor.grants.flatMap((g) => (g.role === Role.Senco && g.schoolId ? [g.schoolId] : []));
    const leadOf = actor.grants.flatMap((g) =>
      g.role === Role.TrustSendLead && g.trustId ? [g.trustId] : [],
    );
    const params: unknown[] = [
      actor.userId,
      reach.schoolIds,
      reach.trustIds,
      sencoOf,
      leadOf,
      STATUSES[when],
    ];
    let bySchool = '';
    if (schoolId) {
      params.push(schoolId);
      bySchool = `AND s.school_id = $${params.length}`;
    }
    const order = when === SupervisionWhen.Upcoming ? 's.starts_at ASC, s.id' : 's.starts_at DESC, s.id';
    const rows: Array<SessionRow & { total: number }> = await this.ds.query(
      `SELECT ${sessionColumns('$1')}, count(*) OVER ()::int AS total
         FROM supervision_sessions s JOIN schools sc ON sc.id = s.school_id
        WHERE (s.school_id = ANY($2::uuid[]) OR s.trust_id = ANY($3::uuid[]))
          AND (s.school_id = ANY($4::uuid[]) OR s.trust_id = ANY($5::uuid[])
               OR EXISTS (SELECT 1 FROM supervision_participants p WHERE p.session_id = s.id AND p.user_id = $1))
          AND s.status = ANY($6::text[]) ${bySchool}
        ORDER BY ${order}
        LIMIT ${first + 1} OFFSET ${offset}`,
      params,
    );
    return {
      nodes: rows.slice(0, first).map(toSession),
      totalCount: rows[0]?.total ?? 0,
      hasMore: rows.length > first,
    };
  }

  async get(actor: Actor, id: string): Promise<SupervisionSessionModel> {
    await this.access.require(actor, id, canSeeSupervision, 'see this session');
    return loadSession(this.ds.manager, id, actor.userId);
  }
}
