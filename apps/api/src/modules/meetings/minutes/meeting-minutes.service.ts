import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AgendaItemStatus,
  NotificationKind,
  RsvpAnswer,
  canMinuteMeeting,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../../common/context/request-context';
import { Errors } from '../../../common/errors/app-error';
import type { MeetingAgendaItemModel, MeetingAgendaModel } from '../agenda/agenda.model';
import { ITEM_SELECT, ItemRow, itemModel, longDate } from '../agenda/agenda-rows';
import { AgendaChecks } from '../agenda/agenda-checks.service';
import { AgendaContext, MeetingAgendaContext } from '../agenda/meeting-agenda-context';
import { MeetingAgendaReadService } from '../agenda/meeting-agenda-read.service';
import { MeetingAnnouncer } from '../agenda/meeting-announcer.service';
import { MeetingNotifier } from '../agenda/meeting-notifier.service';
import type { SaveItemMinutesInput } from './dto/minutes.input';

/** Throws unless the actor is the note-taker or the chair (FORBIDDEN: they can see the meeting). */
export function requireMinuter(actor: Actor, c: AgendaContext): void {
  if (!canMinuteMeeting(actor, c.access))
    throw Errors.forbidden('write the minutes (the note-taker or chair does)');
}

/**
 * Minutes per accepted item (markdown notes and decisions; the personal-data check on both) by the
 * note-taker or chair, until published; publishing tells the attendees (those recorded as attending,
 * else those who said they were coming). The room hears `{ type: 'minutes' }` after each change.
 */
@Injectable()
export class MeetingMinutesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly context: MeetingAgendaContext,
    private readonly read: MeetingAgendaReadService,
    private readonly checks: AgendaChecks,
    private readonly notifier: MeetingNotifier,
    private readonly announcer: MeetingAnnouncer,
  ) {}

  async save(
    ctx: RequestContext,
    actor: Actor,
    input: SaveItemMinutesInput,
  ): Promise<MeetingAgendaItemModel> {
    const { item, occurrenceId } = await this.ds.transaction(async (m) => {
      const c = await this.context.openItem(m, actor, input.itemId);
      requireMinuter(actor, c);
      if (c.state.minutes_published_at) throw Errors.conflict('The minutes of this meeting are published.');
      const [row] = (await m.query(`${ITEM_SELECT} WHERE i.id = $1 FOR UPDATE OF i`, [
        input.itemId,
      ])) as ItemRow[];
      if (!row) throw Errors.notFound('That agenda item');
      if (row.status !== AgendaItemStatus.Accepted)
        throw Errors.badInput('Minute the items on the agenda (accepted ones).', {
          itemId: 'Not on the agenda',
        });
      await this.checks.text(ctx, m, c, [input.notes, input.decisions], input.personalDataOverride);
      await m.query(
        'UPDATE meeting_agenda_items SET notes = $2, decisions = $3, updated_at = now() WHERE id = $1',
        [row.id, input.notes.trim(), input.decisions.trim()],
      );
      const saved: ItemRow = { ...row, notes: input.notes.trim(), decisions: input.decisions.trim() };
      return { item: itemModel(saved, actor, c.access, c.state), occurrenceId: c.state.id };
    });
    await this.announcer.announce(occurrenceId, { type: 'minutes' });
    return item;
  }

  async publish(actor: Actor, seriesId: string, key: string): Promise<MeetingAgendaModel> {
    const { agenda, publishes } = await this.ds.transaction(async (m) => {
      const c = await this.context.openForChange(m, actor, seriesId, key);
      requireMinuter(actor, c);
      if (c.state.minutes_published_at)
        throw Errors.conflict('The minutes of this meeting are already published.');
      if (!c.state.started_at && c.occurrence.startsAt.getTime() > Date.now())
        throw Errors.conflict('The meeting has not taken place yet.');
      await m.query(
        'UPDATE meeting_occurrences SET minutes_published_at = now(), updated_at = now() WHERE id = $1',
        [c.state.id],
      );
      const publishes = await this.notifier.tell(m, await this.attendees(m, c), actor.userId, {
        kind: NotificationKind.MeetingMinutesPublished,
        title: `Minutes published: ${c.series.title}, ${longDate(c.state.key)}`,
        link: `/meetings/${c.series.id}/${c.state.key}`,
      });
      return {
        agenda: await this.read.build(m, actor, await this.context.open(m, actor, seriesId, key)),
        publishes,
      };
    });
    for (const p of publishes) await p();
    await this.announcer.announce(agenda.occurrenceId, { type: 'minutes' });
    return agenda;
  }

  /** Those recorded as attending; if attendance was not recorded, those who said they were coming. */
  private async attendees(m: EntityManager, c: AgendaContext): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM meeting_attendance WHERE occurrence_id = $1 AND attended
       UNION
       SELECT e.user_id FROM (
         SELECT DISTINCT ON (r.user_id) r.user_id, r.answer FROM meeting_rsvps r
          WHERE r.series_id = $2 AND (r.key IS NULL OR r.key = $3::date)
          ORDER BY r.user_id, r.key NULLS LAST) e
        WHERE e.answer <> $4 AND NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.occurrence_id = $1)`,
      [c.state.id, c.series.id, c.state.key, RsvpAnswer.Apologies],
    );
    return rows.map((r) => r.user_id);
  }
}
