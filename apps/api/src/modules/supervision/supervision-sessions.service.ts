import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CaseAccessKind,
  SupervisionRole,
  SupervisionStatus,
  canAccessCaseData,
  canRunSupervision,
  canScheduleSupervision,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import type { Publish } from '../notifications/notifications.service';
import type { ScheduleSupervisionInput, UpdateSupervisionInput } from './dto/supervision.input';
import { SupervisionAccess } from './supervision-access.service';
import { replaceAgenda } from './supervision-agenda';
import { changeSession } from './supervision-change';
import { SupervisionAnnouncer } from './supervision-announcer.service';
import { SupervisionNotifier } from './supervision-notifier.service';
import { agendaOf, checkTexts, loadSession, placeOf, target, titleOf } from './supervision-rows';
import type { SupervisionSessionModel } from './supervision.model';

const GRACE_MS = 5 * 60_000;
const MEMBER_ROLE: Record<string, SupervisionRole> = {
  TRUST_SEND_LEAD: SupervisionRole.SendLead,
  SENCO: SupervisionRole.Senco,
  HEADTEACHER: SupervisionRole.Headteacher,
};
/** A person holding several roles takes part in the one that signs (as supervisionRoleFor). */
const PRECEDENCE = [SupervisionRole.SendLead, SupervisionRole.Senco, SupervisionRole.Headteacher];

/**
 * A session's life: scheduled (or started at once) by the school's SENCO or its trust's SEND lead,
 * changed, cancelled, started, ended and handed over by the chair. Each change is checked against
 * the policy's supervision rules, refused once the record is signed, and announced in the live room
 * after it commits.
 */
@Injectable()
export class SupervisionSessionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly personalData: PersonalDataService,
    private readonly notifier: SupervisionNotifier,
    private readonly announcer: SupervisionAnnouncer,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  async schedule(
    ctx: RequestContext,
    actor: Actor,
    input: ScheduleSupervisionInput,
  ): Promise<SupervisionSessionModel> {
    const agenda = agendaOf(input.agenda ?? []);
    const place = placeOf(input);
    const title = titleOf(input.title);
    let startsAt = new Date();
    if (!input.startNow) {
      if (!input.startsAt) throw Errors.badInput('Choose when the session starts.', { startsAt: 'Missing' });
      if (input.startsAt.getTime() < Date.now() - GRACE_MS)
        throw Errors.badInput('Choose a time from now on, or start the session now.', {
          startsAt: 'In the past',
        });
      startsAt = input.startsAt;
    }
    const done = await this.ds.transaction(async (m) => {
      const [school]: Array<{ trust_id: string; name: string }> = await m.query(
        'SELECT trust_id, name FROM schools WHERE id = $1',
        [input.schoolId],
      );
      const s = school ? { schoolId: input.schoolId, trustId: school.trust_id } : null;
      if (!s || !canAccessCaseData(actor, s)) throw Errors.notFound("That school's caseload");
      if (!canScheduleSupervision(actor, s)) throw Errors.forbidden('schedule supervision for this school');
      await checkTexts(
        this.personalData,
        ctx,
        m,
        [title, place.location, ...agenda.map((a) => a.question)],
        input.override,
        target(s),
      );
      const participants = await this.participantsFor(m, s, input.inviteHeadteacher);
      const mine = participants.get(actor.userId);
      if (!mine) throw Errors.forbidden('schedule supervision for this school');
      const leads = [...participants]
        .filter(([, role]) => role === SupervisionRole.SendLead)
        .map(([id]) => id);
      const chairId = mine === SupervisionRole.SendLead ? actor.userId : (leads[0] ?? actor.userId);
      const status = input.startNow ? SupervisionStatus.Live : SupervisionStatus.Scheduled;
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO supervision_sessions (school_id, trust_id, title, status, starts_at, minutes, location, online_link,
                                           chair_id, started_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $4::text = 'LIVE' THEN now() END, $10) RETURNING id`,
        [
          s.schoolId,
          s.trustId,
          title,
          status,
          startsAt,
          input.minutes,
          place.location,
          place.onlineLink,
          chairId,
          actor.userId,
        ],
      );
      if (!row) throw new Error('The new session was not stored');
      const id = row.id;
      await m.query(
        `INSERT INTO supervision_participants (session_id, user_id, role)
         SELECT $1, x.user_id, x.role FROM unnest($2::uuid[], $3::text[]) AS x(user_id, role)`,
        [id, [...participants.keys()], [...participants.values()]],
      );
      const caseIds = await replaceAgenda(m, { id, schoolId: s.schoolId }, agenda, actor.userId);
      await this.logChanged(m, actor, s.schoolId, caseIds);
      const publishes = await this.notifier.invited(
        m,
        { id, schoolName: school.name, startsAt, live: input.startNow },
        [...participants.keys()].filter((u) => u !== actor.userId),
      );
      const emits = [await this.announcer.stage(m, id, { type: 'state', status, chairId })];
      if (caseIds.length) emits.push(await this.announcer.stage(m, id, { type: 'agenda' }));
      return { id, publishes, emits };
    });
    await this.after(done.publishes);
    for (const emit of done.emits) emit();
    return loadSession(this.ds.manager, done.id, actor.userId);
  }

  async update(
    ctx: RequestContext,
    actor: Actor,
    input: UpdateSupervisionInput,
  ): Promise<SupervisionSessionModel> {
    const place = placeOf(input);
    const title = titleOf(input.title);
    return changeSession(
      this.deps,
      actor,
      input.id,
      canRunSupervision,
      'change this session',
      async (m, s) => {
        if (s.status === SupervisionStatus.Ended)
          throw Errors.conflict('This session has ended, so its details can no longer change.');
        const [cur]: Array<{ revision: number; starts_at: Date }> = await m.query(
          'SELECT revision, starts_at FROM supervision_sessions WHERE id = $1',
          [s.id],
        );
        if (!cur || cur.revision !== input.revision)
          throw Errors.conflict(
            'Someone changed this session while you were editing it. Reload it to see their change, then make yours again.',
          );
        if (
          s.status === SupervisionStatus.Scheduled &&
          input.startsAt.getTime() !== new Date(cur.starts_at).getTime() &&
          input.startsAt.getTime() < Date.now() - GRACE_MS
        )
          throw Errors.badInput('Choose a time from now on.', { startsAt: 'In the past' });
        await checkTexts(this.personalData, ctx, m, [title, place.location], input.override, target(s));
        await m.query(
          `UPDATE supervision_sessions
            SET title = $2, starts_at = $3, minutes = $4, location = $5, online_link = $6, revision = revision + 1,
                reminded_at = CASE WHEN starts_at = $3 THEN reminded_at END, updated_at = now()
          WHERE id = $1`,
          [s.id, title, input.startsAt, input.minutes, place.location, place.onlineLink],
        );
        return true;
      },
    );
  }

  /** The school's SENCOs, the trust's SEND leads and (if invited) the school's headteachers: active accounts. */
  private async participantsFor(
    m: EntityManager,
    s: { schoolId: string; trustId: string },
    headteachers: boolean,
  ): Promise<Map<string, SupervisionRole>> {
    const rows: Array<{ user_id: string; role: string }> = await m.query(
      `SELECT ms.user_id, ms.role FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE u.deactivated_at IS NULL
          AND ((ms.role = 'SENCO' AND ms.school_id = $1) OR (ms.role = 'TRUST_SEND_LEAD' AND ms.trust_id = $2)
               OR ($3::boolean AND ms.role = 'HEADTEACHER' AND ms.school_id = $1))
        ORDER BY u.display_name, u.id`,
      [s.schoolId, s.trustId, headteachers],
    );
    const out = new Map<string, SupervisionRole>();
    for (const r of rows) {
      const role = MEMBER_ROLE[r.role];
      if (!role) continue;
      const had = out.get(r.user_id);
      if (!had || PRECEDENCE.indexOf(role) < PRECEDENCE.indexOf(had)) out.set(r.user_id, role);
    }
    return out;
  }

  private logChanged(m: EntityManager, actor: Actor, schoolId: string, caseIds: string[]) {
    return this.accessLog.record(
      m,
      caseIds.map((caseId) => ({
        schoolId,
        caseId,
        actorUserId: actor.userId,
        kind: CaseAccessKind.SupervisionChanged,
      })),
    );
  }

  private get deps() {
    return { ds: this.ds, access: this.access, announcer: this.announcer };
  }

  private async after(publishes: Publish[]) {
    for (const p of publishes) await p();
  }
}
