import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, RecurrenceKind, isIsoDate, londonDateTime } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { Errors } from '../../../common/errors/app-error';
import { MeetingAccessService } from '../meeting-access.service';
import { OCCURRENCE_SELECT, OccurrenceRow, exceptionsOf } from '../meeting-occurrences';
import { patternOf } from '../meeting-rows';
import { MeetingsReadService } from '../meetings-read.service';
import { meetingCalendar } from './meeting-ics';

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

/** "Network SENCO meeting" -> "network-senco-meeting". */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'meeting'
  );
}

/** .ics downloads (METHOD:PUBLISH) of a series or one occurrence, for those who may see the meeting. */
@Injectable()
export class MeetingDownloadsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
    private readonly read: MeetingsReadService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async series(actor: Actor, seriesId: string): Promise<{ name: string; body: string }> {
    const s = await this.access.load(null, actor, seriesId);
    const rows = (await this.ds.query(`${OCCURRENCE_SELECT} WHERE o.series_id = $1`, [s.id])) as OccurrenceRow[];
    const body = meetingCalendar('PUBLISH', [
      {
        uid: s.uid,
        sequence: s.sequence,
        title: s.title,
        description: s.description || null,
        location: s.location,
        url: `${this.config.publicUrl}/meetings/${s.id}`,
        pattern: patternOf(s),
        exceptions: exceptionsOf(rows),
        cancelled: !!s.cancelled_at,
      },
    ], s.title);
    return { name: `${fileSlug(s.title)}.ics`, body };
  }

  /** One occurrence as its own event: UID `<key>-<series UID>`, so it does not replace the series in a calendar. */
  async occurrence(actor: Actor, seriesId: string, key: string): Promise<{ name: string; body: string }> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    const s = await this.access.load(null, actor, seriesId);
    const o = await this.read.occurrenceOf(this.ds.manager, actor, s, key);
    const at = londonDateTime(o.startsAt);
    const body = meetingCalendar('PUBLISH', [
      {
        uid: `${key}-${s.uid}`,
        sequence: s.sequence,
        title: o.title,
        description: s.description || null,
        location: o.location,
        url: `${this.config.publicUrl}/meetings/${s.id}/${key}`,
        pattern: { firstDate: at.date, time: at.time, minutes: o.minutes, recurrence: { kind: RecurrenceKind.None }, until: null, count: null },
        exceptions: [],
        cancelled: o.cancelled || !!s.cancelled_at,
      },
    ], o.title);
    return { name: `${fileSlug(o.title)}-${key}.ics`, body };
  }
}
