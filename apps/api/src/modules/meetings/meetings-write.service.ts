import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, MeetingScope, ScopeKind, canOrganiseMeeting } from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import type { CreateMeetingInput, UpdateMeetingSeriesInput } from './dto/meeting.input';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingMailer } from './meeting-mailer.service';
import { checkPeople, checkPlace, meetingTarget, patternFrom, storedPattern } from './meeting-pattern';
import { scopeOf } from './meeting-rows';
import type { MeetingSeriesModel } from './meeting.model';
import { MeetingScopeKind } from './meeting.model';
import { MeetingsReadService } from './meetings-read.service';

const trimmed = (s: string | null | undefined) => s?.trim() || null;

/**
 * Creating, changing and cancelling series. Each change raises the calendar SEQUENCE and tells the
 * invitees by email (.ics attached) in the same transaction; exceptions survive series edits.
 */
@Injectable()
export class MeetingsWriteService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MeetingAccessService,
    private readonly read: MeetingsReadService,
    private readonly personalData: PersonalDataService,
    private readonly actors: ActorsRepository,
    private readonly mailer: MeetingMailer,
  ) {}

  private async scopeFor(m: EntityManager, input: CreateMeetingInput): Promise<MeetingScope> {
    if (input.scopeKind === MeetingScopeKind.NETWORK) return { kind: ScopeKind.Network, trustId: null, schoolId: null };
    if (input.scopeKind === MeetingScopeKind.TRUST) {
      const [t] = input.trustId ? await m.query('SELECT id FROM trusts WHERE id = $1', [input.trustId]) : [];
      if (!t) throw Errors.badInput('Choose the trust the meeting is for.', { trustId: 'Unknown trust' });
      return { kind: ScopeKind.Trust, trustId: t.id, schoolId: null };
    }
    // The trust is always the school's, never the caller's.
    const [s] = input.schoolId ? await m.query('SELECT id, trust_id FROM schools WHERE id = $1', [input.schoolId]) : [];
    if (!s) throw Errors.badInput('Choose the school the meeting is for.', { schoolId: 'Unknown school' });
    return { kind: ScopeKind.School, trustId: s.trust_id, schoolId: s.id };
  }

  async create(ctx: RequestContext, actor: Actor, input: CreateMeetingInput): Promise<MeetingSeriesModel> {
    const title = input.title.trim();
    if (!title) throw Errors.badInput('Give the meeting a title.', { title: 'Empty' });
    const pattern = patternFrom(input);
    checkPlace(input.mode, input.onlineLink);
    const guestIds = [...new Set(input.guestIds ?? [])];
    return this.ds.transaction(async (m) => {
      const scope = await this.scopeFor(m, input);
      if (!canOrganiseMeeting(actor, scope)) throw Errors.forbidden('call a meeting there');
      const chairId = input.chairId ?? actor.userId;
      await checkPeople(m, this.actors, scope, chairId, input.noteTakerId ?? null, guestIds);
      await this.personalData.check(
        ctx,
        [title, input.description, input.location],
        input.personalDataOverride,
        meetingTarget(scope),
        m,
      );
      const stored = storedPattern(pattern);
      const [row] = await m.query(
        `INSERT INTO meeting_series (scope_kind, trust_id, school_id, title, description, mode, location, online_link,
                first_date, start_time, minutes, rrule, rdates, until, count, chair_id, note_taker_id, organiser_id, uid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::date[], $14, $15, $16, $17, $18, $19) RETURNING id`,
        [
          scope.kind, scope.trustId, scope.schoolId, title, input.description?.trim() ?? '', input.mode,
          trimmed(input.location), trimmed(input.onlineLink), pattern.firstDate, pattern.time, pattern.minutes,
          stored.rrule, stored.rdates, pattern.until, pattern.count, chairId, input.noteTakerId ?? null,
          actor.userId, `${randomUUID()}@lantern`,
        ],
      );
      if (guestIds.length)
        await m.query(
          'INSERT INTO meeting_guests (series_id, user_id) SELECT $1, unnest($2::uuid[])',
          [row.id, guestIds],
        );
      await this.mailer.tell(m, row.id, 'invitation');
      return this.read.series(actor, row.id, m);
    });
  }

  async update(ctx: RequestContext, actor: Actor, input: UpdateMeetingSeriesInput): Promise<MeetingSeriesModel> {
    const title = input.title.trim();
    if (!title) throw Errors.badInput('Give the meeting a title.', { title: 'Empty' });
    const pattern = patternFrom(input);
    checkPlace(input.mode, input.onlineLink);
    const guestIds = [...new Set(input.guestIds ?? [])];
    return this.ds.transaction(async (m) => {
      const current = await this.access.manageable(m, actor, input.id);
      if (current.revision !== input.revision)
        throw Errors.conflict(
          'Someone changed this meeting while you were editing it. Reload it to see their change, then make yours again.',
        );
      const scope = scopeOf(current);
      const chairId = input.chairId ?? current.chair_id;
      await checkPeople(m, this.actors, scope, chairId, input.noteTakerId ?? null, guestIds);
      await this.personalData.check(
        ctx,
        [title, input.description, input.location],
        input.personalDataOverride,
        meetingTarget(scope, current.id),
        m,
      );
      const stored = storedPattern(pattern);
      // Occurrence rows (exceptions, agendas) are kept: a moved one keeps its own time.
      await m.query(
        `UPDATE meeting_series SET title = $2, description = $3, mode = $4, location = $5, online_link = $6,
                first_date = $7, start_time = $8, minutes = $9, rrule = $10, rdates = $11::date[], until = $12, count = $13,
                chair_id = $14, note_taker_id = $15, sequence = sequence + 1, revision = revision + 1, updated_at = now()
          WHERE id = $1`,
        [
          current.id, title, input.description?.trim() ?? '', input.mode, trimmed(input.location),
          trimmed(input.onlineLink), pattern.firstDate, pattern.time, pattern.minutes, stored.rrule, stored.rdates,
          pattern.until, pattern.count, chairId, input.noteTakerId ?? null,
        ],
      );
      await m.query('DELETE FROM meeting_guests WHERE series_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [current.id, guestIds]);
      if (guestIds.length)
        await m.query(
          'INSERT INTO meeting_guests (series_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
          [current.id, guestIds],
        );
      await this.mailer.tell(m, current.id, 'update');
      return this.read.series(actor, current.id, m);
    });
  }

  async cancelSeries(actor: Actor, id: string): Promise<MeetingSeriesModel> {
    return this.ds.transaction(async (m) => {
      const current = await this.access.manageable(m, actor, id);
      await m.query(
        `UPDATE meeting_series SET cancelled_at = now(), sequence = sequence + 1, revision = revision + 1, updated_at = now()
          WHERE id = $1`,
        [current.id],
      );
      await this.mailer.tell(m, current.id, 'cancellation');
      return this.read.series(actor, current.id, m);
    });
  }
}
