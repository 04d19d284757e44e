import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, MEETING_STREAM_KIND, MeetingAccess, MeetingLiveState } from '@lantern/shared-domain';
import { Errors } from '../../../common/errors/app-error';
import { StreamRegistry } from '../../streams/stream-registry';
import { SERIES_SELECT, SeriesRow, accessOf } from '../meeting-rows';
import type { MeetingAgendaModel } from './agenda.model';
import { MeetingAgendaReadService } from './meeting-agenda-read.service';
import { AgendaContext, MeetingAgendaContext } from './meeting-agenda-context';
import { MeetingAnnouncer } from './meeting-announcer.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Running a meeting (the chair or organiser): start (the first accepted item becomes current), move
 * the current item, end. The occurrence row keeps the current item and the instant it was taken up;
 * the same state goes to the stream `meeting:<occurrenceId>` after commit, so every participant's
 * timer counts down from the same instant. The stream kind is read under `canSeeMeeting`; only the
 * server writes.
 */
@Injectable()
export class MeetingLiveService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: StreamRegistry,
    private readonly context: MeetingAgendaContext,
    private readonly read: MeetingAgendaReadService,
    private readonly announcer: MeetingAnnouncer,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: MEETING_STREAM_KIND,
      rule: 'canSeeMeeting',
      record: (id, m) => this.streamRecord(id, m),
      writers: 'server',
    });
  }

  /** The meeting behind an occurrence id, as the policy sees it (null: none). */
  async streamRecord(occurrenceId: string, m?: EntityManager): Promise<MeetingAccess | null> {
    if (!UUID.test(occurrenceId)) return null;
    const [row] = (await (m ?? this.ds.manager).query(
      `${SERIES_SELECT} WHERE s.id = (SELECT series_id FROM meeting_occurrences WHERE id = $1)`,
      [occurrenceId],
    )) as SeriesRow[];
    return row ? accessOf(row) : null;
  }

  start(actor: Actor, seriesId: string, key: string): Promise<MeetingAgendaModel> {
    return this.run(actor, seriesId, key, async (m, c) => {
      if (c.state.started_at && !c.state.ended_at) throw Errors.conflict('The meeting has already started.');
      const [first]: Array<{ id: string }> = await m.query(
        `SELECT id FROM meeting_agenda_items WHERE occurrence_id = $1 AND status = 'ACCEPTED' ORDER BY position, created_at LIMIT 1`,
        [c.state.id],
      );
      await m.query(
        `UPDATE meeting_occurrences SET started_at = COALESCE(started_at, now()), ended_at = NULL, current_item_id = $2,
                current_item_started_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, updated_at = now()
          WHERE id = $1`,
        [c.state.id, first?.id ?? null],
      );
    });
  }

  /** Take up an accepted item (null: none). Setting the same item again restarts its timer. */
  setCurrent(
    actor: Actor,
    seriesId: string,
    key: string,
    itemId: string | null,
  ): Promise<MeetingAgendaModel> {
    return this.run(actor, seriesId, key, async (m, c) => {
      if (!c.state.started_at || c.state.ended_at) throw Errors.conflict('The meeting is not running.');
      if (itemId) {
        const [ok] = await m.query(
          `SELECT 1 FROM meeting_agenda_items WHERE id = $1 AND occurrence_id = $2 AND status = 'ACCEPTED'`,
          [itemId, c.state.id],
        );
        if (!ok)
          throw Errors.badInput('Choose an accepted item of this meeting’s agenda.', {
            itemId: 'Not on the agenda',
          });
      }
      await m.query(
        `UPDATE meeting_occurrences SET current_item_id = $2,
                current_item_started_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, updated_at = now()
          WHERE id = $1`,
        [c.state.id, itemId],
      );
    });
  }

  end(actor: Actor, seriesId: string, key: string): Promise<MeetingAgendaModel> {
    return this.run(actor, seriesId, key, async (m, c) => {
      if (!c.state.started_at) throw Errors.conflict('The meeting has not started.');
      if (c.state.ended_at) throw Errors.conflict('The meeting has already ended.');
      await m.query(
        `UPDATE meeting_occurrences SET ended_at = now(), current_item_id = NULL, current_item_started_at = NULL,
                updated_at = now() WHERE id = $1`,
        [c.state.id],
      );
    });
  }

  private async run(
    actor: Actor,
    seriesId: string,
    key: string,
    change: (m: EntityManager, c: AgendaContext) => Promise<void>,
  ): Promise<MeetingAgendaModel> {
    const agenda = await this.ds.transaction(async (m) => {
      const c = await this.context.openForChange(m, actor, seriesId, key);
      this.context.requireManager(actor, c, 'run the meeting');
      await change(m, c);
      return this.read.build(m, actor, await this.context.open(m, actor, seriesId, key));
    });
    const current = agenda.items.find((i) => i.id === agenda.currentItemId);
    const state: MeetingLiveState = {
      type: 'live',
      startedAt: agenda.startedAt?.toISOString() ?? null,
      endedAt: agenda.endedAt?.toISOString() ?? null,
      currentItemId: agenda.currentItemId,
      currentItemStartedAt: agenda.currentItemStartedAt?.toISOString() ?? null,
      currentItemMinutes: current?.minutes ?? null,
    };
    await this.announcer.announce(agenda.occurrenceId, state);
    return agenda;
  }
}
