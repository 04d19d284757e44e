import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  MEETING_INVITED_ROLES,
  MEETING_MODE_LABEL,
  RecurrenceKind,
  SeriesPattern,
  isMeetingInvitee,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { CalendarMethod, meetingCalendar } from './calendar/meeting-ics';
import { OCCURRENCE_SELECT, OccurrenceRow, exceptionsOf } from './meeting-occurrences';
import { SERIES_SELECT, SeriesRow, accessOf, patternOf } from './meeting-rows';

export type MeetingNews = 'invitation' | 'update' | 'cancellation';

const WEEKDAY = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const NTH: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** "Every other Wednesday at 09:30 (London time) from 2026-03-04", for the email's text. */
export function describePattern(p: SeriesPattern): string {
  const day = WEEKDAY[new Date(`${p.firstDate}T00:00:00Z`).getUTCDay()]!;
  const r = p.recurrence;
  const when =
    r.kind === RecurrenceKind.Weekly
      ? `${r.interval === 2 ? 'Every other' : 'Every'} ${day.slice(0, -1)} from ${p.firstDate}`
      : r.kind === RecurrenceKind.MonthlyWeekday
        ? `The ${NTH[r.week]} ${day.slice(0, -1)} of each month from ${p.firstDate}`
        : r.kind === RecurrenceKind.Dates
          ? `On ${r.dates.join(', ')}`
          : `On ${p.firstDate}`;
  const end = p.until ? ` until ${p.until}` : p.count ? ` (${p.count} meetings)` : '';
  return `${when}${end}, at ${p.time} (London time) for ${p.minutes} minutes`;
}

/**
 * Invitations, updates and cancellations by email with the .ics attached (METHOD:REQUEST or CANCEL,
 * the series' UID, its raised SEQUENCE, RSVP=FALSE: answers are given in Lantern). Sent through the
 * mailer inside the caller's transaction, so nothing is told that did not happen.
 */
@Injectable()
export class MeetingMailer {
  constructor(
    private readonly mail: MailService,
    private readonly actors: ActorsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everyone a series invites: the scope's invited roles, the chair, the note-taker and the guests. */
  async invitees(m: EntityManager, s: SeriesRow): Promise<Array<{ id: string; email: string; name: string }>> {
    const rows: Array<{ id: string; email: string; display_name: string }> = await m.query(
      `SELECT u.id, u.email, u.display_name FROM users u
        WHERE u.deactivated_at IS NULL AND (
          u.id = ANY($1::uuid[]) OR EXISTS (
            SELECT 1 FROM memberships ms LEFT JOIN schools sc ON sc.id = ms.school_id
             WHERE ms.user_id = u.id AND ms.role = ANY($2::text[]) AND (
               $3 = 'NETWORK'
               OR ($3 = 'TRUST' AND COALESCE(ms.trust_id, sc.trust_id) = $4::uuid)
               OR ($3 = 'SCHOOL' AND (ms.school_id = $5::uuid OR ms.trust_id = $4::uuid)))))`,
      [
        [s.chair_id, ...(s.note_taker_id ? [s.note_taker_id] : []), ...s.guests.map((g) => g.id)],
        MEETING_INVITED_ROLES,
        s.scope_kind,
        s.trust_id,
        s.school_id,
      ],
    );
    const actors = await this.actors.actorsFor(rows.map((r) => r.id), m);
    const access = accessOf(s);
    return rows
      .filter((r) => actors.has(r.id) && isMeetingInvitee(actors.get(r.id)!, access))
      .map((r) => ({ id: r.id, email: r.email, name: r.display_name }));
  }

  /** Tell every invitee of the series (read again inside `m`, with its new SEQUENCE). */
  async tell(m: EntityManager, seriesId: string, news: MeetingNews, what?: string): Promise<number> {
    const [s] = (await m.query(`${SERIES_SELECT} WHERE s.id = $1`, [seriesId])) as SeriesRow[];
    if (!s) return 0;
    const rows = (await m.query(`${OCCURRENCE_SELECT} WHERE o.series_id = $1`, [seriesId])) as OccurrenceRow[];
    const method: CalendarMethod = news === 'cancellation' ? 'CANCEL' : 'REQUEST';
    const p = patternOf(s);
    const from = /<([^>]+)>/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom;
    const link = `${this.config.publicUrl}/meetings/${s.id}`;
    const people = await this.invitees(m, s);
    const subject =
      news === 'invitation' ? `Invitation: ${s.title}` : news === 'update' ? `Updated: ${s.title}` : `Cancelled: ${s.title}`;
    for (const person of people) {
      const ics = meetingCalendar(method, [
        {
          uid: s.uid,
          sequence: s.sequence,
          title: s.title,
          description: s.description || null,
          location: s.location,
          url: link,
          pattern: p,
          exceptions: exceptionsOf(rows),
          cancelled: news === 'cancellation',
          organizer: { name: s.chair_name, email: from },
          attendees: [{ name: person.name, email: person.email }],
        },
      ]);
      const lines = [
        news === 'invitation'
          ? `${s.organiser_name} has invited you to ${s.title}.`
          : news === 'update'
            ? `${s.title} has changed${what ? `: ${what}` : ''}.`
            : `${s.title} has been cancelled.`,
        '',
        `When: ${describePattern(p)}`,
        `How: ${MEETING_MODE_LABEL[s.mode]}${s.location ? `, ${s.location}` : ''}${s.online_link ? `, ${s.online_link}` : ''}`,
        `Chair: ${s.chair_name}`,
        '',
        `Say whether you are coming in Lantern (replies to this email are not read):\n${link}`,
        '',
        'The attached calendar file adds it to your calendar or updates it there.',
      ];
      await this.mail.send(
        {
          to: person.email,
          subject,
          text: lines.join('\n'),
          attachments: [
            { filename: 'meeting.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics },
          ],
        },
        m,
      );
    }
    return people.length;
  }
}
