import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  Actor,
  ActionSourceKind,
  ActionStatus,
  CaseAccessKind,
  SupervisionRole,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { groupByKey } from '../../common/loaders/request-loaders';
import type { ActionModel } from '../actions/action.model';
import { ActionsService } from '../actions/actions.service';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { caseRecord } from '../caseload/case-actions.source';
import { AGENDA_ITEM_COLUMNS, AgendaItemRow, toAgendaItem } from './supervision-rows';
import type { SupervisionAgendaItemModel, SupervisionParticipantModel } from './supervision.model';

export interface AgendaActions {
  /** Open actions on the case, wherever raised: the carry-forward. */
  open: ActionModel[];
  /** Actions raised in this session on this case, any status. */
  here: ActionModel[];
}

/**
 * A session's parts, read in one batch per request whatever the number of sessions or agenda cases
 * (DataLoaders made once per request): participants, agenda (each agenda case read is written to
 * the case-access log, in one statement) and the actions under each agenda case.
 */
@Injectable()
export class SupervisionLoaders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly actions: ActionsService,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  participants(ctx: RequestContext): DataLoader<string, SupervisionParticipantModel[]> {
    return ctx.loaders.memo(
      'supervision.participants',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows: Array<SupervisionParticipantModel & { sessionId: string }> = await this.ds.query(
            `SELECT p.session_id AS "sessionId", p.user_id AS "userId", u.display_name AS "displayName", p.role,
                p.last_read_seq::int AS "lastReadSeq"
           FROM supervision_participants p JOIN users u ON u.id = p.user_id
          WHERE p.session_id = ANY($1::uuid[])
          ORDER BY array_position(ARRAY['SEND_LEAD', 'SENCO', 'HEADTEACHER'], p.role), u.display_name, u.id`,
            [ids],
          );
          return groupByKey(ids, rows, (r) => r.sessionId).map((list) =>
            list.map((p) => ({
              userId: p.userId,
              displayName: p.displayName,
              role: p.role as SupervisionRole,
              lastReadSeq: p.lastReadSeq,
            })),
          );
        }),
    );
  }

  agenda(ctx: RequestContext, actor: Actor): DataLoader<string, SupervisionAgendaItemModel[]> {
    return ctx.loaders.memo(
      'supervision.agenda',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows: AgendaItemRow[] = await this.ds.query(
            `SELECT ${AGENDA_ITEM_COLUMNS} FROM supervision_agenda_items a
           JOIN cases c ON c.id = a.case_id JOIN schools sc ON sc.id = c.school_id
          WHERE a.session_id = ANY($1::uuid[]) ORDER BY a.session_id, a.position, a.id`,
            [ids],
          );
          await this.accessLog.record(
            this.ds.manager,
            rows.map((r) => ({
              schoolId: r.school_id,
              caseId: r.case_id,
              actorUserId: actor.userId,
              kind: CaseAccessKind.SupervisionRead,
            })),
          );
          return groupByKey(ids, rows.map(toAgendaItem), (r) => r.sessionId);
        }),
    );
  }

  actionsOf(
    ctx: RequestContext,
    actor: Actor,
  ): DataLoader<SupervisionAgendaItemModel, AgendaActions, string> {
    return ctx.loaders.memo(
      'supervision.actions',
      () =>
        new DataLoader(
          async (items: readonly SupervisionAgendaItemModel[]) => {
            const records = new Map(
              items.map((i) => [
                i.caseId,
                caseRecord({
                  id: i.caseId,
                  reference: i.caseReference,
                  school_id: i.schoolId,
                  trust_id: i.trustId,
                }),
              ]),
            );
            const m = this.ds.manager;
            const [byCase, raised]: [Map<string, ActionModel[]>, Array<{ id: string; session_id: string }>] =
              [
                await this.actions.forSources(m, actor, records, ActionSourceKind.Case),
                await m.query(
                  `SELECT id, supervision_session_id AS session_id FROM actions
                  WHERE source_kind = 'CASE' AND source_id = ANY($1::uuid[]) AND supervision_session_id IS NOT NULL`,
                  [[...records.keys()]],
                ),
              ];
            const raisedIn = new Map(raised.map((r) => [r.id, r.session_id]));
            return items.map((i) => {
              const all = byCase.get(i.caseId) ?? [];
              return {
                open: all.filter((a) => a.status === ActionStatus.Open),
                here: all.filter((a) => raisedIn.get(a.id) === i.sessionId),
              };
            });
          },
          { cacheKeyFn: (i) => i.id },
        ),
    );
  }
}
