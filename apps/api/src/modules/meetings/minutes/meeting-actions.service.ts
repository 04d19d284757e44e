import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, ActionSourceKind } from '@lantern/shared-domain';
import type { RequestContext } from '../../../common/context/request-context';
import type { ActionModel } from '../../actions/action.model';
import { ActionsService } from '../../actions/actions.service';
import { AgendaChecks } from '../agenda/agenda-checks.service';
import { MeetingAgendaContext } from '../agenda/meeting-agenda-context';
import { MeetingAnnouncer } from '../agenda/meeting-announcer.service';
import type { AddMeetingActionInput } from './dto/minutes.input';
import { meetingRecord } from './meeting-actions.source';
import { requireMinuter } from './meeting-minutes.service';

/**
 * Actions raised in a meeting (the note-taker or chair): actions of source MEETING on the
 * occurrence row, through the actions module (owner: someone invited who may see the meeting; the
 * owner is told). Unfinished ones show on the next occurrences of the series until done.
 */
@Injectable()
export class MeetingActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly context: MeetingAgendaContext,
    private readonly actions: ActionsService,
    private readonly checks: AgendaChecks,
    private readonly announcer: MeetingAnnouncer,
  ) {}

  async add(ctx: RequestContext, actor: Actor, input: AddMeetingActionInput): Promise<ActionModel> {
    const { action, publish, occurrenceId } = await this.ds.transaction(async (m) => {
      const c = await this.context.openForChange(m, actor, input.seriesId, input.key);
      requireMinuter(actor, c);
      await this.checks.text(ctx, m, c, [input.title], input.personalDataOverride);
      const record = meetingRecord(c.series, c.state.id, c.state.key);
      const added = await this.actions.add(m, actor, ActionSourceKind.Meeting, record, {
        title: input.title,
        ownerId: input.ownerId,
        dueOn: input.dueOn,
      });
      return { ...added, occurrenceId: c.state.id };
    });
    await publish();
    await this.announcer.announce(occurrenceId, { type: 'minutes' });
    return action;
  }
}
