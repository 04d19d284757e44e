import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, RsvpAnswer } from '@lantern/shared-domain';
import { wordDocument } from '../../../common/documents/word-document';
import { Errors } from '../../../common/errors/app-error';
import { canReadMinutes } from '../agenda/agenda-rows';
import { MeetingAgendaContext } from '../agenda/meeting-agenda-context';
import { MeetingAgendaReadService } from '../agenda/meeting-agenda-read.service';
import { minutesDocument, minutesFileName } from './minutes-document';

/**
 * The minutes as .docx: for those who may see the meeting once published, for the chair and
 * note-taker before; NOT_FOUND otherwise (as for a meeting that does not exist).
 */
@Injectable()
export class MeetingMinutesExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly context: MeetingAgendaContext,
    private readonly read: MeetingAgendaReadService,
  ) {}

  async docx(actor: Actor, seriesId: string, key: string): Promise<{ name: string; bytes: Buffer }> {
    const { agenda, facts } = await this.ds.transaction(async (m) => {
      const c = await this.context.open(m, actor, seriesId, key);
      if (!canReadMinutes(actor, c.access, c.state)) throw Errors.notFound('Those minutes');
      const agenda = await this.read.build(m, actor, c);
      const people: Array<{ display_name: string; attended: boolean | null; answer: RsvpAnswer | null }> =
        await m.query(
          `SELECT u.display_name, a.attended, e.answer
           FROM users u
           LEFT JOIN meeting_attendance a ON a.occurrence_id = $1 AND a.user_id = u.id
           LEFT JOIN LATERAL (SELECT r.answer FROM meeting_rsvps r WHERE r.series_id = $2 AND r.user_id = u.id
                               AND (r.key IS NULL OR r.key = $3::date) ORDER BY r.key NULLS LAST LIMIT 1) e ON true
          WHERE a.user_id IS NOT NULL OR e.answer IS NOT NULL
          ORDER BY u.display_name`,
          [c.state.id, c.series.id, c.state.key],
        );
      const recorded = people.some((p) => p.attended !== null);
      const s = c.series;
      return {
        agenda,
        facts: {
          scope:
            s.scope_kind === 'NETWORK'
              ? 'Network meeting'
              : s.scope_kind === 'TRUST'
                ? `${s.trust_name} (trust)`
                : `${s.school_name}`,
          chair: s.chair_name,
          noteTaker: s.note_taker_name,
          attended: people
            .filter((p) => (recorded ? p.attended === true : !!p.answer && p.answer !== RsvpAnswer.Apologies))
            .map((p) => p.display_name),
          apologies: people
            .filter((p) => p.answer === RsvpAnswer.Apologies && p.attended !== true)
            .map((p) => p.display_name),
        },
      };
    });
    return { name: minutesFileName(agenda), bytes: await wordDocument(minutesDocument(agenda, facts)) };
  }
}
