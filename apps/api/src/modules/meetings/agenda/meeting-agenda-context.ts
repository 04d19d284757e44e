import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  AgendaItemStatus,
  AgendaPurpose,
  MeetingAccess,
  canManageMeeting,
  isIsoDate,
} from '@lantern/shared-domain';
import { Errors } from '../../../common/errors/app-error';
import { MeetingAccessService } from '../meeting-access.service';
import { MeetingOccurrences } from '../meeting-occurrences';
import { SeriesRow, accessOf } from '../meeting-rows';
import type { MeetingOccurrenceModel } from '../meeting.model';
import { MeetingsReadService } from '../meetings-read.service';
import { OccurrenceState, STATE_SELECT } from './agenda-rows';

/** An occurrence as the agenda, live and minutes work sees it. */
export interface AgendaContext {
  series: SeriesRow;
  access: MeetingAccess;
  state: OccurrenceState;
  /** When and how long (after its exceptions). */
  occurrence: MeetingOccurrenceModel;
}

/** The series and the ones it was split from ("this and following"), newest first. */
export const SERIES_CHAIN = `
  WITH RECURSIVE chain(id, split_from, depth) AS (
    SELECT id, split_from, 0 FROM meeting_series WHERE id = $1
    UNION ALL
    SELECT s.id, s.split_from, c.depth + 1 FROM meeting_series s JOIN chain c ON s.id = c.split_from WHERE c.depth < 50
  )`;

export const APPROVAL_TITLE = 'Minutes of the last meeting';

/**
 * Opens an occurrence for the agenda, live and minutes work inside the caller's transaction (its
 * manager only): the series if the actor may see it (NOT_FOUND otherwise, through the core's
 * MeetingAccessService), the occurrence row (made when first needed) with its agenda state, and —
 * the first time the agenda of a series meeting is touched — the item approving the last
 * meeting's minutes.
 */
@Injectable()
export class MeetingAgendaContext {
  constructor(
    private readonly access: MeetingAccessService,
    private readonly occurrences: MeetingOccurrences,
    private readonly read: MeetingsReadService,
  ) {}

  async open(
    m: EntityManager,
    actor: Actor,
    seriesId: string,
    key: string,
    lock = false,
  ): Promise<AgendaContext> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    const series = await this.access.load(m, actor, seriesId);
    const row = await this.occurrences.ensure(m, seriesId, key);
    const occurrence = await this.read.occurrenceOf(m, actor, series, key);
    await this.ensureApprovalItem(m, series, row.id, key);
    const [state] = (await m.query(`${STATE_SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      row.id,
    ])) as OccurrenceState[];
    if (!state) throw Errors.notFound('That meeting');
    return { series, access: accessOf(series), state, occurrence };
  }

  /** open() for a change: NOT_FOUND if unseen, CONFLICT when the series or the occurrence is cancelled. */
  async openForChange(m: EntityManager, actor: Actor, seriesId: string, key: string): Promise<AgendaContext> {
    const c = await this.open(m, actor, seriesId, key, true);
    if (c.series.cancelled_at || c.state.cancelled) throw Errors.conflict('This meeting has been cancelled.');
    return c;
  }

  /** The occurrence of an agenda item (NOT_FOUND when the actor may not see the meeting). */
  async openItem(m: EntityManager, actor: Actor, itemId: string): Promise<AgendaContext> {
    const [found]: Array<{ series_id: string; key: string }> = await m.query(
      `SELECT o.series_id, o.key::text AS key FROM meeting_agenda_items i JOIN meeting_occurrences o ON o.id = i.occurrence_id
        WHERE i.id = $1`,
      [itemId],
    );
    if (!found) throw Errors.notFound('That agenda item');
    return this.openForChange(m, actor, found.series_id, found.key);
  }

  requireManager(actor: Actor, c: AgendaContext, what: string): void {
    if (!canManageMeeting(actor, c.access)) throw Errors.forbidden(`${what} (the chair or organiser does)`);
  }

  /**
   * The first item of a series meeting approves the last meeting's minutes: made once per
   * occurrence, when an earlier occurrence of the series (or of the series it was split from) has
   * published minutes not yet approved elsewhere — the latest such. Checked without a lock first,
   * then again under the occurrence row's lock before inserting, so two first touches make one.
   */
  private async ensureApprovalItem(
    m: EntityManager,
    series: SeriesRow,
    occurrenceId: string,
    key: string,
  ): Promise<void> {
    const find = async (): Promise<{ id: string; has: boolean } | null> => {
      const [r]: Array<{ prev: string | null; has: boolean }> = await m.query(
        `${SERIES_CHAIN}
         SELECT (SELECT o.id FROM meeting_occurrences o JOIN chain ON chain.id = o.series_id
                  WHERE o.key < $2 AND NOT o.cancelled AND o.minutes_published_at IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM meeting_agenda_items a WHERE a.approves_minutes_of = o.id)
                  ORDER BY o.key DESC LIMIT 1) AS prev,
                EXISTS (SELECT 1 FROM meeting_agenda_items a WHERE a.occurrence_id = $3 AND a.approves_minutes_of IS NOT NULL) AS has`,
        [series.id, key, occurrenceId],
      );
      return r?.prev ? { id: r.prev, has: r.has } : null;
    };
    const first = await find();
    if (!first || first.has) return;
    await m.query('SELECT id FROM meeting_occurrences WHERE id = $1 FOR UPDATE', [occurrenceId]);
    const again = await find();
    if (!again || again.has) return;
    const [started]: Array<{ started: boolean }> = await m.query(
      'SELECT started_at IS NOT NULL AS started FROM meeting_occurrences WHERE id = $1',
      [occurrenceId],
    );
    if (started?.started) return;
    // First in order: every other item's position moves down by one.
    await m.query('UPDATE meeting_agenda_items SET position = position + 1 WHERE occurrence_id = $1', [
      occurrenceId,
    ]);
    await m.query(
      `INSERT INTO meeting_agenda_items (occurrence_id, title, purpose, presenter_id, minutes, status, position,
                                         approves_minutes_of, proposed_by)
       VALUES ($1, $2, $3, $4, 5, $5, 0, $6, $4)`,
      [
        occurrenceId,
        APPROVAL_TITLE,
        AgendaPurpose.Decide,
        series.chair_id,
        AgendaItemStatus.Accepted,
        again.id,
      ],
    );
  }
}
