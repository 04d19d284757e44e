import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgendaItemStatus, canSeeMeeting } from '@lantern/shared-domain';
import type { RequestContext } from '../../../common/context/request-context';
import type { FileReadCheck, FileUsage } from '../../files/file-access';
import { SERIES_SELECT, SeriesRow, accessOf } from '../meeting-rows';
import { canSeeItem } from './agenda-rows';

/** A paper is readable by whoever may see an agenda item it is attached to. */
@Injectable()
export class MeetingPaperReadCheck implements FileReadCheck {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async mayRead(ctx: RequestContext, fileId: string): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) return false;
    const items: Array<{
      series_id: string;
      status: AgendaItemStatus;
      proposed_by: string;
      agenda_published_at: Date | null;
    }> = await this.ds.query(
      `SELECT o.series_id, i.status, i.proposed_by, o.agenda_published_at
           FROM meeting_item_papers p JOIN meeting_agenda_items i ON i.id = p.item_id
           JOIN meeting_occurrences o ON o.id = i.occurrence_id WHERE p.file_id = $1`,
      [fileId],
    );
    if (!items.length) return false;
    const series = (await this.ds.query(`${SERIES_SELECT} WHERE s.id = ANY($1::uuid[])`, [
      [...new Set(items.map((i) => i.series_id))],
    ])) as SeriesRow[];
    const byId = new Map(series.map((s) => [s.id, accessOf(s)]));
    return items.some((i) => {
      const access = byId.get(i.series_id);
      return !!access && canSeeMeeting(actor, access) && canSeeItem(actor, access, i, i);
    });
  }
}

/** Files attached to any agenda item are in use (the clean-up keeps them). */
@Injectable()
export class MeetingPaperUsage implements FileUsage {
  async inUse(fileIds: string[], m: EntityManager): Promise<Set<string>> {
    if (!fileIds.length) return new Set();
    const rows: Array<{ file_id: string }> = await m.query(
      'SELECT DISTINCT file_id FROM meeting_item_papers WHERE file_id = ANY($1::uuid[])',
      [fileIds],
    );
    return new Set(rows.map((r) => r.file_id));
  }
}
