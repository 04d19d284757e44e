import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Actor,
  ActionSourceKind,
  ActionStatus,
  MeetingAccess,
  canSeeMeeting,
  isMeetingInvitee,
} from '@lantern/shared-domain';
import { ActionSourceRecord, ActionSources } from '../../actions/action-sources';
import { ActionModel } from '../../actions/action.model';
import { ActionsService } from '../../actions/actions.service';
import { SERIES_SELECT, SeriesRow, accessOf } from '../meeting-rows';
import { longDate } from '../agenda/agenda-rows';
import { SERIES_CHAIN } from '../agenda/meeting-agenda-context';

/** A meeting occurrence as the actions module sees it, with the facts the meetings policy needs. */
export interface MeetingActionRecord extends ActionSourceRecord {
  access: MeetingAccess;
}

/**
 * The record of an occurrence row: "<series title>, <date>", linked to the occurrence. The meetings
 * policy, not case-data reach, decides who sees its actions, so school_id stays null (a guest from
 * another school still finds the action on their own list); the trust is kept for trust meetings.
 */
export function meetingRecord(series: SeriesRow, occurrenceId: string, key: string): MeetingActionRecord {
  const access = accessOf(series);
  return {
    id: occurrenceId,
    label: `${series.title}, ${longDate(key)}`,
    link: `/meetings/${series.id}/${key}`,
    schoolId: null,
    trustId: access.scope.trustId,
    caseData: false,
    access,
  };
}

/** Who sees, changes and owns a meeting's actions: those who may see the meeting and are invited to it. */
export function canUseMeetingActions(actor: Actor, r: ActionSourceRecord): boolean {
  const access = (r as Partial<MeetingActionRecord>).access;
  return !!access && canSeeMeeting(actor, access) && isMeetingInvitee(actor, access);
}

/**
 * Meetings as a source of actions (ADR 13): source MEETING, source_id the occurrence row. Also
 * lists a meeting's actions and the unfinished ones carried forward from earlier meetings of the
 * series (and of the series it was split from), each in a constant number of statements.
 */
@Injectable()
export class MeetingActionsSource implements OnModuleInit {
  constructor(
    private readonly sources: ActionSources,
    private readonly actions: ActionsService,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      kind: ActionSourceKind.Meeting,
      records: (ids, m) => this.records(ids, m),
      canUse: canUseMeetingActions,
    });
  }

  /** Occurrence rows with their series, in two statements whatever the number. */
  async records(ids: readonly string[], m: EntityManager): Promise<Map<string, ActionSourceRecord>> {
    if (!ids.length) return new Map();
    const occ: Array<{ id: string; series_id: string; key: string }> = await m.query(
      'SELECT id, series_id, key::text AS key FROM meeting_occurrences WHERE id = ANY($1::uuid[])',
      [ids],
    );
    if (!occ.length) return new Map();
    const series = (await m.query(`${SERIES_SELECT} WHERE s.id = ANY($1::uuid[])`, [
      [...new Set(occ.map((o) => o.series_id))],
    ])) as SeriesRow[];
    const byId = new Map(series.map((s) => [s.id, s]));
    return new Map(
      occ.flatMap((o) => {
        const s = byId.get(o.series_id);
        return s ? [[o.id, meetingRecord(s, o.id, o.key)] as const] : [];
      }),
    );
  }

  /** The actions raised at this occurrence (for those who may use them; none otherwise). */
  async raisedAt(m: EntityManager, actor: Actor, record: MeetingActionRecord): Promise<ActionModel[]> {
    if (!canUseMeetingActions(actor, record)) return [];
    const lists = await this.actions.forSources(
      m,
      actor,
      new Map([[record.id, record]]),
      ActionSourceKind.Meeting,
    );
    return lists.get(record.id) ?? [];
  }

  /**
   * Unfinished actions of earlier occurrences of the series and the series it was split from, until
   * done: the occurrences holding open actions in one statement, their actions in one more.
   */
  async carriedForward(
    m: EntityManager,
    actor: Actor,
    record: MeetingActionRecord,
    seriesId: string,
    key: string,
  ): Promise<ActionModel[]> {
    if (!canUseMeetingActions(actor, record)) return [];
    const earlier: Array<{ id: string }> = await m.query(
      `${SERIES_CHAIN}
       SELECT o.id FROM meeting_occurrences o JOIN chain ON chain.id = o.series_id
        WHERE o.key < $2 AND EXISTS (
          SELECT 1 FROM actions a WHERE a.source_kind = 'MEETING' AND a.source_id = o.id AND a.status = 'OPEN')`,
      [seriesId, key],
    );
    if (!earlier.length) return [];
    const records = await this.records(
      earlier.map((o) => o.id),
      m,
    );
    const lists = await this.actions.forSources(m, actor, records, ActionSourceKind.Meeting);
    return [...lists.values()]
      .flat()
      .filter((a) => a.status === ActionStatus.Open)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  }
}
