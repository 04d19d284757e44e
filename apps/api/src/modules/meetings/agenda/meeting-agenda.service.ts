import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AgendaItemStatus,
  MEETING_LIMITS,
  NotificationKind,
  canManageMeeting,
  canTakePartInMeeting,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../../common/context/request-context';
import { Errors } from '../../../common/errors/app-error';
import type { Publish } from '../../notifications/notifications.service';
import type { MeetingAgendaItemModel, MeetingAgendaModel } from './agenda.model';
import { ITEM_SELECT, ItemRow, canEditItem, canSeeItem, itemModel, longDate } from './agenda-rows';
import { AgendaChecks } from './agenda-checks.service';
import type { ProposeAgendaItemInput, UpdateAgendaItemInput } from './dto/agenda.input';
import { MeetingAgendaReadService } from './meeting-agenda-read.service';
import { AgendaContext, MeetingAgendaContext } from './meeting-agenda-context';
import { MeetingAnnouncer } from './meeting-announcer.service';
import { MeetingNotifier } from './meeting-notifier.service';

/**
 * The agenda (issue 12): invitees propose items; the chair or organiser accepts or declines, orders
 * and publishes (with the papers deadline; everyone invited is told). Every text is checked for
 * personal data. The room hears `{ type: 'agenda' }` after each change commits.
 */
@Injectable()
export class MeetingAgendaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly context: MeetingAgendaContext,
    private readonly read: MeetingAgendaReadService,
    private readonly checks: AgendaChecks,
    private readonly notifier: MeetingNotifier,
    private readonly announcer: MeetingAnnouncer,
  ) {}

  async propose(
    ctx: RequestContext,
    actor: Actor,
    input: ProposeAgendaItemInput,
  ): Promise<MeetingAgendaItemModel> {
    const title = input.title.trim();
    if (!title) throw Errors.badInput('Give the item a title.', { title: 'Empty' });
    const fileIds = input.fileIds ?? [];
    const { item, occurrenceId } = await this.ds.transaction(async (m) => {
      const c = await this.context.openForChange(m, actor, input.seriesId, input.key);
      if (!canTakePartInMeeting(actor, c.access))
        throw Errors.forbidden('propose agenda items (the meeting’s invitees do)');
      if (c.state.ended_at) throw Errors.conflict('This meeting has ended.');
      const [{ n }] = await m.query(
        'SELECT count(*)::int AS n FROM meeting_agenda_items WHERE occurrence_id = $1',
        [c.state.id],
      );
      if (n >= MEETING_LIMITS.agendaItemsMax)
        throw Errors.conflict(`An agenda has at most ${MEETING_LIMITS.agendaItemsMax} items.`);
      await this.checks.presenter(m, c, input.presenterId);
      await this.checks.links(m, actor, input.resourceId, input.threadId);
      const names = await this.checks.papers(m, actor, c, null, fileIds);
      await this.checks.text(ctx, m, c, [title, ...names], input.personalDataOverride);
      // The chair's and organiser's own items need nobody's acceptance.
      const status = canManageMeeting(actor, c.access)
        ? AgendaItemStatus.Accepted
        : AgendaItemStatus.Proposed;
      const [row] = await m.query(
        `INSERT INTO meeting_agenda_items (occurrence_id, title, purpose, presenter_id, minutes, resource_id, thread_id,
                                           status, position, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 (SELECT COALESCE(max(position) + 1, 0) FROM meeting_agenda_items WHERE occurrence_id = $1), $9)
         RETURNING id`,
        [
          c.state.id,
          title,
          input.purpose,
          input.presenterId ?? null,
          input.minutes,
          input.resourceId ?? null,
          input.threadId ?? null,
          status,
          actor.userId,
        ],
      );
      await this.setPapers(m, actor, row.id, fileIds);
      return { item: await this.item(m, actor, c, row.id), occurrenceId: c.state.id };
    });
    await this.announcer.announce(occurrenceId, { type: 'agenda' });
    return item;
  }

  async update(
    ctx: RequestContext,
    actor: Actor,
    input: UpdateAgendaItemInput,
  ): Promise<MeetingAgendaItemModel> {
    const { item, occurrenceId } = await this.ds.transaction(async (m) => {
      const c = await this.context.openItem(m, actor, input.id);
      const current = await this.lockItem(m, actor, c, input.id);
      if (!canEditItem(actor, c.access, current))
        throw Errors.forbidden('change this item (its proposer while it is proposed, or the chair)');
      const title = input.title?.trim() ?? current.title;
      if (!title) throw Errors.badInput('Give the item a title.', { title: 'Empty' });
      if (input.presenterId !== undefined) await this.checks.presenter(m, c, input.presenterId);
      await this.checks.links(
        m,
        actor,
        input.resourceId !== undefined && input.resourceId !== current.resource_id ? input.resourceId : null,
        input.threadId !== undefined && input.threadId !== current.thread_id ? input.threadId : null,
      );
      const names = input.fileIds ? await this.checks.papers(m, actor, c, current.id, input.fileIds) : [];
      await this.checks.text(
        ctx,
        m,
        c,
        [input.title !== undefined ? title : null, ...names],
        input.personalDataOverride,
      );
      await m.query(
        `UPDATE meeting_agenda_items SET title = $2, purpose = $3, presenter_id = $4, minutes = $5, resource_id = $6,
                thread_id = $7, updated_at = now() WHERE id = $1`,
        [
          current.id,
          title,
          input.purpose ?? current.purpose,
          input.presenterId !== undefined ? input.presenterId : current.presenter_id,
          input.minutes ?? current.minutes,
          input.resourceId !== undefined ? input.resourceId : current.resource_id,
          input.threadId !== undefined ? input.threadId : current.thread_id,
        ],
      );
      if (input.fileIds) {
        await m.query(
          'DELETE FROM meeting_item_papers WHERE item_id = $1 AND NOT (file_id = ANY($2::uuid[]))',
          [current.id, input.fileIds],
        );
        await this.setPapers(m, actor, current.id, input.fileIds);
      }
      return { item: await this.item(m, actor, c, current.id), occurrenceId: c.state.id };
    });
    await this.announcer.announce(occurrenceId, { type: 'agenda' });
    return item;
  }

  async decide(actor: Actor, id: string, status: AgendaItemStatus): Promise<MeetingAgendaItemModel> {
    if (status !== AgendaItemStatus.Accepted && status !== AgendaItemStatus.Declined)
      throw Errors.badInput('Accept or decline the item.', { status: 'Accept or decline' });
    const { item, occurrenceId } = await this.ds.transaction(async (m) => {
      const c = await this.context.openItem(m, actor, id);
      const current = await this.lockItem(m, actor, c, id);
      this.context.requireManager(actor, c, 'accept or decline agenda items');
      if (current.status !== status)
        await m.query(
          `UPDATE meeting_agenda_items SET status = $2, updated_at = now(),
                  position = CASE WHEN $2 = 'ACCEPTED'
                    THEN (SELECT COALESCE(max(position) + 1, 0) FROM meeting_agenda_items
                           WHERE occurrence_id = $3 AND status = 'ACCEPTED') ELSE position END
            WHERE id = $1`,
          [id, status, c.state.id],
        );
      return { item: await this.item(m, actor, c, id), occurrenceId: c.state.id };
    });
    await this.announcer.announce(occurrenceId, { type: 'agenda' });
    return item;
  }

  /** The accepted items in a new order (exactly those, each once). */
  async order(actor: Actor, seriesId: string, key: string, itemIds: string[]): Promise<MeetingAgendaModel> {
    return this.change(actor, seriesId, key, async (m, c) => {
      this.context.requireManager(actor, c, 'order the agenda');
      const accepted: Array<{ id: string }> = await m.query(
        `SELECT id FROM meeting_agenda_items WHERE occurrence_id = $1 AND status = 'ACCEPTED'`,
        [c.state.id],
      );
      const ids = new Set(accepted.map((a) => a.id));
      if (
        itemIds.length !== ids.size ||
        new Set(itemIds).size !== itemIds.length ||
        itemIds.some((i) => !ids.has(i))
      )
        throw Errors.badInput('Order every accepted item, each once.', { itemIds: 'Not the accepted items' });
      await m.query(
        `UPDATE meeting_agenda_items i SET position = o.n - 1, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE i.id = o.id`,
        [itemIds],
      );
      return [];
    });
  }

  /** Publish (or publish again) with the papers deadline; everyone invited is told. */
  async publish(
    actor: Actor,
    seriesId: string,
    key: string,
    papersDueAt: Date | null,
  ): Promise<MeetingAgendaModel> {
    return this.change(actor, seriesId, key, async (m, c) => {
      this.context.requireManager(actor, c, 'publish the agenda');
      if (papersDueAt && papersDueAt.getTime() > c.occurrence.startsAt.getTime())
        throw Errors.badInput('Papers must be due before the meeting starts.', {
          papersDueAt: 'After the start',
        });
      const again = !!c.state.agenda_published_at;
      await m.query(
        `UPDATE meeting_occurrences SET agenda_published_at = now(), papers_due_at = $2, updated_at = now() WHERE id = $1`,
        [c.state.id, papersDueAt],
      );
      return this.notifier.tell(m, await this.notifier.invitees(m, c.series), actor.userId, {
        kind: NotificationKind.MeetingAgendaPublished,
        title: `${again ? 'Agenda updated' : 'Agenda published'}: ${c.series.title}, ${longDate(c.state.key)}`,
        link: `/meetings/${c.series.id}/${c.state.key}`,
      });
    });
  }

  /** A change to the occurrence in a transaction; notifications pushed and the room told after commit. */
  private async change(
    actor: Actor,
    seriesId: string,
    key: string,
    run: (m: EntityManager, c: AgendaContext) => Promise<Publish[]>,
  ): Promise<MeetingAgendaModel> {
    const { agenda, publishes } = await this.ds.transaction(async (m) => {
      const c = await this.context.openForChange(m, actor, seriesId, key);
      const publishes = await run(m, c);
      const again = await this.context.open(m, actor, seriesId, key);
      return { agenda: await this.read.build(m, actor, again), publishes };
    });
    for (const p of publishes) await p();
    await this.announcer.announce(agenda.occurrenceId, { type: 'agenda' });
    return agenda;
  }

  private async lockItem(m: EntityManager, actor: Actor, c: AgendaContext, id: string): Promise<ItemRow> {
    const [row] = (await m.query(`${ITEM_SELECT} WHERE i.id = $1 FOR UPDATE OF i`, [id])) as ItemRow[];
    if (!row || !canSeeItem(actor, c.access, c.state, row)) throw Errors.notFound('That agenda item');
    return row;
  }

  private async item(
    m: EntityManager,
    actor: Actor,
    c: AgendaContext,
    id: string,
  ): Promise<MeetingAgendaItemModel> {
    const [row] = (await m.query(`${ITEM_SELECT} WHERE i.id = $1`, [id])) as ItemRow[];
    if (!row) throw Errors.notFound('That agenda item');
    return itemModel(row, actor, c.access, c.state);
  }

  private async setPapers(
    m: EntityManager,
    actor: Actor,
    itemId: string,
    fileIds: readonly string[],
  ): Promise<void> {
    if (!fileIds.length) return;
    await m.query(
      `INSERT INTO meeting_item_papers (item_id, file_id, added_by) SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (item_id, file_id) DO NOTHING`,
      [itemId, fileIds, actor.userId],
    );
  }
}
