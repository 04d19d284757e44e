import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ACTION_LIMITS,
  Actor,
  ActionSourceKind,
  ActionStatus,
  NotificationKind,
  actionDueState,
  actionTitleProblem,
  caseDataReach,
  isIsoDate,
  londonToday,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { Errors } from '../../common/errors/app-error';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { ActionSourceRecord, ActionSources } from './action-sources';
import { ActionModel, MyActionsModel } from './action.model';
import type { NewActionFields, UpdateActionInput } from './dto/action.input';

interface ActionRow {
  id: string;
  source_kind: ActionSourceKind;
  source_id: string;
  title: string;
  owner_id: string;
  owner_name: string;
  due_on: string;
  status: ActionStatus;
  created_at: Date;
  closed_at: Date | null;
}

const COLUMNS = `a.id, a.source_kind, a.source_id, a.title, a.owner_id, u.display_name AS owner_name,
  to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status, a.created_at, a.closed_at`;

/** Open first (soonest due first), then closed ones, most recently closed first. */
const ORDER = `ORDER BY (a.status = 'OPEN') DESC, CASE WHEN a.status = 'OPEN' THEN a.due_on END ASC,
  a.closed_at DESC NULLS LAST, a.created_at, a.id`;

/**
 * Actions for every feature. A feature registers its records as an ActionSource (ActionSources);
 * this service stores, lists and changes actions and asks the source's policy rule who may see them,
 * change them and own them. Case-data actions are listed only to an elevated session.
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sources: ActionSources,
    private readonly actors: ActorsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Add an action to a record the actor may use; inside the caller's transaction `m`. `origin`: where
   * it was raised, when that is not the record itself (a case action raised in a supervision session).
   */
  async add(
    m: EntityManager,
    actor: Actor,
    kind: ActionSourceKind,
    record: ActionSourceRecord,
    fields: NewActionFields,
    origin: { supervisionSessionId?: string | null } = {},
  ): Promise<{ action: ActionModel; publish: Publish }> {
    const source = this.sources.get(kind);
    const problem = actionTitleProblem(fields.title);
    if (problem) throw Errors.badInput(problem, { title: problem });
    this.checkDue(fields.dueOn);
    await this.checkOwner(m, kind, record, fields.ownerId);
    const [row] = await m.query(
      `INSERT INTO actions (source_kind, source_id, school_id, trust_id, title, owner_id, due_on, created_by,
                            supervision_session_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        kind,
        record.id,
        record.schoolId,
        record.trustId,
        fields.title.trim(),
        fields.ownerId,
        fields.dueOn,
        actor.userId,
        origin.supervisionSessionId ?? null,
      ],
    );
    await source.changed?.(m, actor.userId, record, true);
    const action = (await this.byIds(m, [row.id], actor, new Map([[record.id, record]])))[0]!;
    const publish =
      fields.ownerId === actor.userId ? async () => undefined : await this.assigned(m, action, record);
    return { action, publish };
  }

  /**
   * Change an action on a record the actor may use (NOT_FOUND otherwise). `demandElevation` is asked
   * when the record is case data (it throws SECOND_FACTOR_REQUIRED for a session that is not elevated).
   */
  async update(
    actor: Actor,
    input: UpdateActionInput,
    demandElevation: () => Promise<void>,
    checkText: (m: EntityManager, texts: string[], record: ActionSourceRecord) => Promise<void>,
  ): Promise<ActionModel> {
    // Before the transaction: asking for elevation may read and elevate the session (a remembered
    // device) with its own statements, which must not wait on this transaction's one connection.
    const [found]: Array<{ source_kind: ActionSourceKind; source_id: string }> = await this.ds.query(
      'SELECT source_kind, source_id FROM actions WHERE id = $1',
      [input.id],
    );
    if (found) {
      const rec = (await this.sources.get(found.source_kind).records([found.source_id], this.ds.manager)).get(
        found.source_id,
      );
      if (rec?.caseData && this.sources.get(found.source_kind).canUse(actor, rec)) await demandElevation();
    }
    const { action, publish } = await this.ds.transaction(async (m) => {
      const [current]: Array<{
        source_kind: ActionSourceKind;
        source_id: string;
        owner_id: string;
        due_on: string;
        status: ActionStatus;
      }> = await m.query(
        `SELECT source_kind, source_id, owner_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, status
             FROM actions WHERE id = $1 FOR UPDATE`,
        [input.id],
      );
      const notFound = Errors.notFound('That action');
      if (!current) throw notFound;
      const source = this.sources.get(current.source_kind);
      const record = (await source.records([current.source_id], m)).get(current.source_id);
      if (!record || !source.canUse(actor, record)) throw notFound;
      const sets: string[] = ['updated_at = now()'];
      const params: unknown[] = [input.id];
      const set = (sql: string, value: unknown) => {
        params.push(value);
        sets.push(sql.replace('?', `$${params.length}`));
      };
      if (input.title !== undefined && input.title !== null) {
        const problem = actionTitleProblem(input.title);
        if (problem) throw Errors.badInput(problem, { title: problem });
        await checkText(m, [input.title], record);
        set('title = ?', input.title.trim());
      }
      if (input.dueOn && input.dueOn !== current.due_on) {
        this.checkDue(input.dueOn);
        set('due_on = ?', input.dueOn);
        sets.push('reminded_soon_at = NULL', 'reminded_overdue_at = NULL');
      }
      const newOwner = input.ownerId && input.ownerId !== current.owner_id ? input.ownerId : null;
      if (newOwner) {
        await this.checkOwner(m, current.source_kind, record, newOwner);
        set('owner_id = ?', newOwner);
      }
      if (input.status && input.status !== current.status) {
        set('status = ?', input.status);
        sets.push(input.status === ActionStatus.Open ? 'closed_at = NULL' : 'closed_at = now()');
      }
      await m.query(`UPDATE actions SET ${sets.join(', ')} WHERE id = $1`, params);
      await source.changed?.(m, actor.userId, record, false);
      const action = (await this.byIds(m, [input.id], actor, new Map([[record.id, record]])))[0]!;
      const publish = newOwner && newOwner !== actor.userId ? await this.assigned(m, action, record) : null;
      return { action, publish };
    });
    await publish?.();
    return action;
  }

  /** The actions of these records, each record's list open first; read with `m`. One statement. */
  async forSources(
    m: EntityManager,
    actor: Actor,
    records: ReadonlyMap<string, ActionSourceRecord>,
    kind: ActionSourceKind,
  ): Promise<Map<string, ActionModel[]>> {
    const out = new Map<string, ActionModel[]>([...records.keys()].map((id) => [id, []]));
    if (!records.size) return out;
    const rows: ActionRow[] = await m.query(
      `SELECT ${COLUMNS} FROM actions a JOIN users u ON u.id = a.owner_id
        WHERE a.source_kind = $1 AND a.source_id = ANY($2::uuid[]) ${ORDER}`,
      [kind, [...records.keys()]],
    );
    const today = londonToday();
    for (const r of rows) out.get(r.source_id)?.push(this.model(r, records.get(r.source_id)!, actor, today));
    return out;
  }

  /**
   * "My actions": the ones the actor owns, open first. Case-data actions only where the actor still
   * reaches the case (the case-data rule, in SQL) and only when the session is elevated; otherwise
   * they are counted in `hiddenCaseActions`.
   */
  async mine(
    actor: Actor,
    elevated: boolean,
    open: boolean,
    first: number,
    offset: number,
  ): Promise<MyActionsModel> {
    const reach = caseDataReach(actor);
    const where = `a.owner_id = $1 AND ${open ? "a.status = 'OPEN'" : "a.status <> 'OPEN'"}`;
    const reaches = `(a.school_id IS NULL OR a.school_id = ANY($2::uuid[]) OR a.trust_id = ANY($3::uuid[]))`;
    const caseData = `a.source_kind = 'CASE'`;
    const shown = elevated ? reaches : `${reaches} AND NOT ${caseData}`;
    const params = [actor.userId, reach.schoolIds, reach.trustIds];
    const [rows, [counts]]: [ActionRow[], Array<{ total: number; hidden: number }>] = await Promise.all([
      this.ds.query(
        `SELECT ${COLUMNS} FROM actions a JOIN users u ON u.id = a.owner_id
          WHERE ${where} AND ${shown} ${ORDER} LIMIT ${first + 1} OFFSET ${offset}`,
        params,
      ),
      this.ds.query(
        `SELECT count(*) FILTER (WHERE ${shown})::int AS total,
                count(*) FILTER (WHERE ${reaches} AND ${caseData} AND NOT $4::boolean)::int AS hidden
           FROM actions a WHERE ${where}`,
        [...params, elevated],
      ),
    ]);
    const page = rows.slice(0, first);
    const records = await this.sources.recordsOf(
      page.map((r) => ({ sourceKind: r.source_kind, sourceId: r.source_id })),
      this.ds.manager,
    );
    const today = londonToday();
    return {
      nodes: page.flatMap((r) => {
        const rec = records.get(r.source_id);
        return rec ? [this.model(r, rec, actor, today)] : [];
      }),
      totalCount: counts?.total ?? 0,
      hasNextPage: rows.length > first,
      hiddenCaseActions: counts?.hidden ?? 0,
    };
  }

  private async byIds(
    m: EntityManager,
    ids: string[],
    actor: Actor,
    records: ReadonlyMap<string, ActionSourceRecord>,
  ): Promise<ActionModel[]> {
    const rows: ActionRow[] = await m.query(
      `SELECT ${COLUMNS} FROM actions a JOIN users u ON u.id = a.owner_id WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const today = londonToday();
    return rows.map((r) => this.model(r, records.get(r.source_id)!, actor, today));
  }

  private model(r: ActionRow, record: ActionSourceRecord, actor: Actor, today: string): ActionModel {
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      dueOn: r.due_on,
      dueState: actionDueState(r.status, r.due_on, today),
      owner: { id: r.owner_id, displayName: r.owner_name },
      sourceKind: r.source_kind,
      sourceId: r.source_id,
      sourceLabel: record.label,
      sourceLink: record.link,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      canChange: this.sources.get(r.source_kind).canUse(actor, record),
    };
  }

  private checkDue(dueOn: string): void {
    if (!isIsoDate(dueOn))
      throw Errors.badInput('Enter the due date as a real date.', { dueOn: 'Not a date' });
    if (dueOn < londonToday())
      throw Errors.badInput('Choose a due date from today onwards.', { dueOn: 'In the past' });
  }

  /** The owner must be an active person who may use the record (see its case, attend its meeting). */
  private async checkOwner(
    m: EntityManager,
    kind: ActionSourceKind,
    record: ActionSourceRecord,
    ownerId: string,
  ) {
    const owner = (await this.actors.actorsFor([ownerId], m)).get(ownerId);
    if (!owner || !this.sources.get(kind).canUse(owner, record)) {
      const msg = 'Choose someone who can see this record to own the action.';
      throw Errors.badInput(msg, { ownerId: msg });
    }
  }

  private assigned(m: EntityManager, a: ActionModel, record: ActionSourceRecord): Promise<Publish> {
    return this.notifications.notify(m, {
      recipientId: a.owner.id,
      kind: NotificationKind.ActionAssigned,
      title: `New action for you (${record.label}), due ${a.dueOn}`,
      body: null,
      link: '/actions',
    });
  }
}
