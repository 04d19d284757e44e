import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActionSourceKind, CaseAccessKind, canRunSupervision } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import type { ActionModel } from '../actions/action.model';
import { ActionsService } from '../actions/actions.service';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { caseRecord } from '../caseload/case-actions.source';
import type {
  SupervisionActionInput,
  SupervisionAgendaItemInput,
  SupervisionOutcomeInput,
} from './dto/supervision.input';
import { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';
import { replaceAgenda } from './supervision-agenda';
import { SupervisionAnnouncer } from './supervision-announcer.service';
import {
  AGENDA_ITEM_COLUMNS,
  AgendaItemRow,
  agendaOf,
  assertChangeable,
  checkTexts,
  loadSession,
  target,
  toAgendaItem,
} from './supervision-rows';
import type { SupervisionAgendaItemModel, SupervisionSessionModel } from './supervision.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a session works through: the ordered agenda of the school's open cases, each case's outcome
 * (summary and decisions) and the actions raised on it, which are the case's own actions (they stay
 * on the case until done and show in the school's later sessions). Participants who sign do these
 * (canRunSupervision); each is case data, logged in the case-access log, refused once the record is
 * signed, and announced in the live room after it commits.
 */
@Injectable()
export class SupervisionAgendaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly personalData: PersonalDataService,
    private readonly actions: ActionsService,
    private readonly accessLog: CaseAccessLogService,
    private readonly announcer: SupervisionAnnouncer,
  ) {}

  async setAgenda(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    items: SupervisionAgendaItemInput[],
    override: boolean | null,
  ): Promise<SupervisionSessionModel> {
    const agenda = agendaOf(items ?? []);
    const emit = await this.ds.transaction(async (m) => {
      const s = await this.running(m, actor, id, 'change the agenda');
      await checkTexts(
        this.personalData,
        ctx,
        m,
        agenda.map((a) => a.question),
        override,
        target(s),
      );
      const caseIds = await replaceAgenda(m, s, agenda, actor.userId);
      await this.log(m, actor, s.schoolId, caseIds);
      return this.announcer.stage(m, id, { type: 'agenda' });
    });
    emit();
    return loadSession(this.ds.manager, id, actor.userId);
  }

  async setOutcome(
    ctx: RequestContext,
    actor: Actor,
    input: SupervisionOutcomeInput,
  ): Promise<SupervisionAgendaItemModel> {
    const summary = input.summary.trim();
    const decisions = input.decisions.trim();
    const { item, emit } = await this.ds.transaction(async (m) => {
      const s = await this.running(m, actor, input.sessionId, 'record outcomes');
      await checkTexts(this.personalData, ctx, m, [summary, decisions], input.override, target(s));
      const [rows] = (await m.query(
        `UPDATE supervision_agenda_items SET summary = $3, decisions = $4, updated_at = now()
          WHERE session_id = $1 AND case_id = $2 RETURNING id`,
        [s.id, input.caseId, summary, decisions],
      )) as [Array<{ id: string }>, number];
      const updated = rows[0];
      if (!updated) throw Errors.notFound('That case on the agenda');
      await this.log(m, actor, s.schoolId, [input.caseId]);
      const [row]: AgendaItemRow[] = await m.query(
        `SELECT ${AGENDA_ITEM_COLUMNS} FROM supervision_agenda_items a
           JOIN cases c ON c.id = a.case_id JOIN schools sc ON sc.id = c.school_id
          WHERE a.id = $1`,
        [updated.id],
      );
      if (!row) throw Errors.notFound('That case on the agenda');
      const staged = await this.announcer.stage(m, s.id, { type: 'outcome', caseId: input.caseId });
      return { item: toAgendaItem(row), emit: staged };
    });
    emit();
    return item;
  }

  /**
   * An action on an agenda case, raised in this session: a case action (ActionsService) that
   * remembers the session. Its owner takes part in the session and may use the case's data.
   */
  async addAction(ctx: RequestContext, actor: Actor, input: SupervisionActionInput): Promise<ActionModel> {
    const { action, publish, emit } = await this.ds.transaction(async (m) => {
      const s = await this.running(m, actor, input.sessionId, 'add actions in this session');
      const [c]: Array<{ id: string; reference: string; school_id: string; trust_id: string }> =
        await m.query(
          `SELECT c.id, c.reference, c.school_id, sc.trust_id
           FROM supervision_agenda_items a JOIN cases c ON c.id = a.case_id JOIN schools sc ON sc.id = c.school_id
          WHERE a.session_id = $1 AND a.case_id = $2
          FOR UPDATE OF c`,
          [s.id, input.caseId],
        );
      if (!c) throw Errors.notFound('That case on the agenda');
      if (!s.participants.some((p) => p.userId === input.ownerId)) {
        const msg = 'Choose someone taking part in the session to own the action.';
        throw Errors.badInput(msg, { ownerId: msg });
      }
      // No "keep it anyway" for an action's title, as on the case page.
      await checkTexts(this.personalData, ctx, m, [input.title], null, target(s));
      const added = await this.actions.add(m, actor, ActionSourceKind.Case, caseRecord(c), input, {
        supervisionSessionId: s.id,
      });
      await m.query('UPDATE cases SET updated_at = now() WHERE id = $1', [c.id]);
      const staged = await this.announcer.stage(m, s.id, {
        type: 'action',
        actionId: added.action.id,
        caseId: input.caseId,
        from: input.fromSeq ?? null,
      });
      return { ...added, emit: staged };
    });
    await publish();
    emit();
    return action;
  }

  /** The session, locked, if the actor runs it and it may still change. */
  private async running(
    m: EntityManager,
    actor: Actor,
    id: string,
    what: string,
  ): Promise<SupervisionSessionScope> {
    if (UUID.test(id)) await m.query('SELECT 1 FROM supervision_sessions WHERE id = $1 FOR UPDATE', [id]);
    const s = await this.access.require(actor, id, canRunSupervision, what, m);
    assertChangeable(s);
    return s;
  }

  private log(m: EntityManager, actor: Actor, schoolId: string, caseIds: readonly string[]) {
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
}
