import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  agendaTiming,
  canManageMeeting,
  canMinuteMeeting,
  canTakePartInMeeting,
} from '@lantern/shared-domain';
import { MeetingActionsSource, meetingRecord } from '../minutes/meeting-actions.source';
import type { MeetingAgendaModel } from './agenda.model';
import { canReadMinutes, canSeeItem, itemModel, itemsOf } from './agenda-rows';
import { AgendaContext, MeetingAgendaContext } from './meeting-agenda-context';

/**
 * One occurrence's agenda, live state and minutes as the viewer may see them: the published agenda
 * for everyone who sees the meeting, unpublished proposals for the chair, the organiser and their
 * proposers; minutes once published (the chair and note-taker always); the actions raised here and
 * those carried forward. Read in a transaction: the first look makes the occurrence row (its id
 * names the live stream) and the item approving the last meeting's minutes.
 */
@Injectable()
export class MeetingAgendaReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly context: MeetingAgendaContext,
    private readonly actions: MeetingActionsSource,
  ) {}

  agenda(actor: Actor, seriesId: string, key: string): Promise<MeetingAgendaModel> {
    return this.ds.transaction(async (m) =>
      this.build(m, actor, await this.context.open(m, actor, seriesId, key)),
    );
  }

  async build(m: EntityManager, actor: Actor, c: AgendaContext): Promise<MeetingAgendaModel> {
    const rows = (await itemsOf(m, c.state.id)).filter((r) => canSeeItem(actor, c.access, c.state, r));
    const items = rows.map((r) => itemModel(r, actor, c.access, c.state));
    const meetingMinutes = c.occurrence.minutes;
    const timing = agendaTiming(items, meetingMinutes);
    const record = meetingRecord(c.series, c.state.id, c.state.key);
    return {
      seriesId: c.series.id,
      key: c.state.key,
      occurrenceId: c.state.id,
      title: c.series.title,
      startsAt: c.occurrence.startsAt,
      meetingMinutes,
      publishedAt: c.state.agenda_published_at,
      papersDueAt: c.state.papers_due_at,
      items,
      timing: { totalMinutes: timing.total, meetingMinutes, overMinutes: timing.over, over: timing.over > 0 },
      startedAt: c.state.started_at,
      endedAt: c.state.ended_at,
      currentItemId: c.state.current_item_id,
      currentItemStartedAt: c.state.current_item_started_at,
      minutesPublishedAt: c.state.minutes_published_at,
      actions: await this.actions.raisedAt(m, actor, record),
      carriedForward: await this.actions.carriedForward(m, actor, record, c.series.id, c.state.key),
      canPropose:
        canTakePartInMeeting(actor, c.access) &&
        !c.series.cancelled_at &&
        !c.state.cancelled &&
        !c.state.ended_at,
      canManage: canManageMeeting(actor, c.access),
      canMinute: canMinuteMeeting(actor, c.access),
      canExportMinutes: canReadMinutes(actor, c.access, c.state),
    };
  }
}
