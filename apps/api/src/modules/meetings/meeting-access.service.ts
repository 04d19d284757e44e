import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, canManageMeeting, canMinuteMeeting, canSeeMeeting, canTakePartInMeeting } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { SERIES_SELECT, SeriesRow, accessOf } from './meeting-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loading a series with the facts the meetings policy needs. A series the person may not see is
 * NOT_FOUND (never FORBIDDEN, which would confirm it exists); so is one they may see but not change.
 */
@Injectable()
export class MeetingAccessService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The series if the actor may see it (inside a transaction, pass its manager; `lock` takes the row lock). */
  async load(m: EntityManager | null, actor: Actor, seriesId: string, lock = false): Promise<SeriesRow> {
    if (!UUID.test(seriesId)) throw Errors.notFound('That meeting');
    const manager = m ?? this.ds.manager;
    const [row] = (await manager.query(`${SERIES_SELECT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [
      seriesId,
    ])) as SeriesRow[];
    if (!row || !canSeeMeeting(actor, accessOf(row))) throw Errors.notFound('That meeting');
    return row;
  }

  /** The chair or organiser (FORBIDDEN for other invitees: they can see it exists). */
  async manageable(m: EntityManager, actor: Actor, seriesId: string): Promise<SeriesRow> {
    const row = await this.load(m, actor, seriesId, true);
    if (!canManageMeeting(actor, accessOf(row))) throw Errors.forbidden('change this meeting (the chair or organiser does)');
    if (row.cancelled_at) throw Errors.conflict('This meeting has been cancelled.');
    return row;
  }

  async minutable(m: EntityManager, actor: Actor, seriesId: string): Promise<SeriesRow> {
    const row = await this.load(m, actor, seriesId);
    if (!canMinuteMeeting(actor, accessOf(row))) throw Errors.forbidden('record this meeting (the note-taker or chair does)');
    return row;
  }

  async takingPart(m: EntityManager, actor: Actor, seriesId: string): Promise<SeriesRow> {
    const row = await this.load(m, actor, seriesId);
    if (!canTakePartInMeeting(actor, accessOf(row))) throw Errors.forbidden('answer for this meeting (its invitees do)');
    if (row.cancelled_at) throw Errors.conflict('This meeting has been cancelled.');
    return row;
  }
}
