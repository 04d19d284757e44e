import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isIsoDate, londonToday, modeBalance, termOf } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { MeetingAccessService } from './meeting-access.service';
import { OCCURRENCE_SELECT, OccurrenceRow, ensureOccurrence, occurrencesOf } from './meeting-occurrences';
import type { MeetingModeBalanceModel, MeetingOccurrenceModel, MeetingSeriesModel } from './meeting.model';
import { MeetingTermsService } from './meeting-terms.service';
import { MeetingsReadService } from './meetings-read.service';

/** Host rotation (in turn through chosen schools, skippable per occurrence) and the term's mode balance. */
@Injectable()
export class MeetingHostsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
    private readonly read: MeetingsReadService,
    private readonly terms: MeetingTermsService,
  ) {}

  async setHostRotation(actor: Actor, seriesId: string, schoolIds: string[]): Promise<MeetingSeriesModel> {
    const ids = [...new Set(schoolIds)];
    if (ids.length > 20) throw Errors.badInput('Rotate through at most 20 schools.', { schoolIds: 'Too many' });
    return this.ds.transaction(async (m) => {
      const series = await this.access.manageable(m, actor, seriesId);
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM schools WHERE id = ANY($1::uuid[])', [ids]);
      if (n !== ids.length) throw Errors.badInput('Choose schools from the directory.', { schoolIds: 'Unknown school' });
      await m.query(
        'UPDATE meeting_series SET host_school_ids = $2::uuid[], revision = revision + 1, updated_at = now() WHERE id = $1',
        [series.id, ids],
      );
      return this.read.series(actor, series.id, m);
    });
  }

  async skipHost(actor: Actor, seriesId: string, key: string, skipped: boolean): Promise<MeetingOccurrenceModel> {
    if (!isIsoDate(key)) throw Errors.notFound('That meeting');
    return this.ds.transaction(async (m) => {
      const series = await this.access.manageable(m, actor, seriesId);
      const row = await ensureOccurrence(m, series, key);
      await m.query('UPDATE meeting_occurrences SET host_skipped = $2, updated_at = now() WHERE id = $1', [row.id, skipped]);
      await m.query('UPDATE meeting_series SET updated_at = now() WHERE id = $1', [series.id]);
      return this.read.occurrenceOf(m, actor, series, key);
    });
  }

  /**
   * In person / online / hybrid meetings of the series in the term containing `on` (the school's
   * terms for a school meeting, else the first host school's), or its school year without terms.
   */
  async modeBalance(actor: Actor, seriesId: string, on: string | null): Promise<MeetingModeBalanceModel> {
    const date = on ?? londonToday();
    if (!isIsoDate(date)) throw Errors.badInput('Give the date as a date.', { on: 'Not a date' });
    const m = this.ds.manager;
    const series = await this.access.load(m, actor, seriesId);
    const schoolId = series.school_id ?? series.host_schools[0]?.id ?? null;
    const term = schoolId ? termOf(date, (await this.terms.termDates(null, schoolId, m)).terms) : null;
    const year = Number(date.slice(0, 4)) - (date.slice(5) < '09-01' ? 1 : 0);
    const period = term
      ? { period: term.name, from: term.starts, to: term.ends }
      : { period: `School year ${year}–${String(year + 1).slice(2)}`, from: `${year}-09-01`, to: `${year + 1}-08-31` };
    const rows = (await m.query(`${OCCURRENCE_SELECT} WHERE o.series_id = $1`, [series.id])) as OccurrenceRow[];
    const modes = occurrencesOf(actor, series, rows, period.from, period.to)
      .filter((o) => !o.cancelled)
      .map((o) => o.mode);
    return { ...period, ...modeBalance(modes) };
  }
}
