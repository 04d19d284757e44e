import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  MeetingAccess,
  MeetingScope,
  NotificationKind,
  RecurrenceKind,
  ScopeKind,
  canOrganiseMeeting,
  isMeetingInvitee,
  londonDateTime,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../../common/auth/actors.repository';
import type { RequestContext } from '../../../common/context/request-context';
import { Errors } from '../../../common/errors/app-error';
import { PersonalDataService } from '../../../common/personal-data/personal-data.service';
import type { Publish } from '../../notifications/notifications.service';
import { MeetingNotifier } from '../agenda/meeting-notifier.service';
import type { CreateMeetingInput } from '../dto/meeting.input';
import { meetingTarget } from '../meeting-pattern';
import { MeetingScopeKind, type MeetingSeriesModel } from '../meeting.model';
import { MeetingsWriteService } from '../meetings-write.service';
import type {
  AnswerMeetingPollInput,
  CreateMeetingPollInput,
  DecideMeetingPollInput,
} from './dto/poll.input';
import { MeetingPollReadService, PollRow, isPollInvitee } from './meeting-poll-read.service';
import { MeetingPollModel, MeetingPollStatus } from './poll.model';

function scopeOfPoll(p: Pick<PollRow, 'scope_kind' | 'trust_id' | 'school_id'>): MeetingScope {
  if (p.scope_kind === MeetingScopeKind.TRUST && p.trust_id)
    return { kind: ScopeKind.Trust, trustId: p.trust_id, schoolId: null };
  if (p.scope_kind === MeetingScopeKind.SCHOOL && p.trust_id && p.school_id)
    return { kind: ScopeKind.School, trustId: p.trust_id, schoolId: p.school_id };
  return { kind: ScopeKind.Network, trustId: null, schoolId: null };
}

/** The chosen slot's start (BAD_USER_INPUT unless it is one of the poll's). */
function slotOf(p: PollRow, slotId: string): Date {
  const slot = p.slots.find((s) => s.id === slotId);
  if (!slot) throw Errors.badInput('Choose one of the poll’s times.', { slotId: 'Not in the poll' });
  return new Date(slot.startsAt);
}

/**
 * Finding a time (issue 12): the organiser (canOrganiseMeeting for the scope) offers slots and asks
 * people (they are told); each answers yes / if need be / no per slot while the poll is open; the
 * organiser picks a slot, which creates a one-off meeting through the core's create (invitees outside
 * the scope become its guests; invitations emailed as for any meeting), and everyone asked is told.
 */
@Injectable()
export class MeetingPollsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly read: MeetingPollReadService,
    private readonly meetings: MeetingsWriteService,
    private readonly actors: ActorsRepository,
    private readonly personalData: PersonalDataService,
    private readonly notifier: MeetingNotifier,
  ) {}

  private async scopeFor(m: EntityManager, input: CreateMeetingPollInput): Promise<MeetingScope> {
    if (input.scopeKind === MeetingScopeKind.NETWORK)
      return { kind: ScopeKind.Network, trustId: null, schoolId: null };
    if (input.scopeKind === MeetingScopeKind.TRUST) {
      const [t] = input.trustId ? await m.query('SELECT id FROM trusts WHERE id = $1', [input.trustId]) : [];
      if (!t) throw Errors.badInput('Choose the trust the meeting is for.', { trustId: 'Unknown trust' });
      return { kind: ScopeKind.Trust, trustId: t.id, schoolId: null };
    }
    const [s] = input.schoolId
      ? await m.query('SELECT id, trust_id FROM schools WHERE id = $1', [input.schoolId])
      : [];
    if (!s) throw Errors.badInput('Choose the school the meeting is for.', { schoolId: 'Unknown school' });
    return { kind: ScopeKind.School, trustId: s.trust_id, schoolId: s.id };
  }

  async create(ctx: RequestContext, actor: Actor, input: CreateMeetingPollInput): Promise<MeetingPollModel> {
    const title = input.title.trim();
    if (!title) throw Errors.badInput('Give the meeting a title.', { title: 'Empty' });
    const slots = [...new Set(input.slots.map((s) => s.getTime()))].sort((a, b) => a - b);
    if (slots.some((t) => t < Date.now()))
      throw Errors.badInput('Offer times in the future.', { slots: 'In the past' });
    const inviteeIds = [...new Set([actor.userId, ...input.inviteeIds])];
    const { id, publishes } = await this.ds.transaction(async (m) => {
      const scope = await this.scopeFor(m, input);
      if (!canOrganiseMeeting(actor, scope)) throw Errors.forbidden('call a meeting there');
      const found = await this.actors.actorsFor(inviteeIds, m);
      if (inviteeIds.some((i) => !found.has(i)))
        throw Errors.badInput('Choose people who have a Lantern account.', { inviteeIds: 'Unknown person' });
      await this.personalData.check(ctx, [title], input.personalDataOverride, meetingTarget(scope), m);
      const [poll] = await m.query(
        `INSERT INTO meeting_polls (organiser_id, scope_kind, trust_id, school_id, title, mode, minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.userId, scope.kind, scope.trustId, scope.schoolId, title, input.mode, input.minutes],
      );
      await m.query(
        'INSERT INTO meeting_poll_slots (poll_id, starts_at) SELECT $1, unnest($2::timestamptz[])',
        [poll.id, slots.map((t) => new Date(t).toISOString())],
      );
      await m.query('INSERT INTO meeting_poll_invitees (poll_id, user_id) SELECT $1, unnest($2::uuid[])', [
        poll.id,
        inviteeIds,
      ]);
      const publishes = await this.notifier.tell(m, inviteeIds, actor.userId, {
        kind: NotificationKind.MeetingPollInvited,
        title: `When can you meet? ${title}`,
        link: `/meetings/polls/${poll.id}`,
      });
      return { id: poll.id as string, publishes };
    });
    for (const p of publishes) await p();
    return this.read.poll(actor, id);
  }

  /** The invitee's answers (replacing earlier ones for the same slots) while the poll is open. */
  async answer(actor: Actor, input: AnswerMeetingPollInput): Promise<MeetingPollModel> {
    await this.ds.transaction(async (m) => {
      const p = await this.read.row(m, actor, input.pollId, true);
      if (!isPollInvitee(actor, p)) throw Errors.forbidden('answer this poll (the people asked do)');
      if (p.status !== MeetingPollStatus.OPEN) throw Errors.conflict('This poll is closed.');
      const slotIds = new Set(p.slots.map((s) => s.id));
      if (input.answers.some((a) => !slotIds.has(a.slotId)))
        throw Errors.badInput('Answer for the poll’s own times.', { answers: 'Not in the poll' });
      if (new Set(input.answers.map((a) => a.slotId)).size !== input.answers.length)
        throw Errors.badInput('Answer once for each time.', { answers: 'Twice' });
      if (!input.answers.length) return;
      await m.query(
        `INSERT INTO meeting_poll_answers (slot_id, user_id, answer)
         SELECT unnest($1::uuid[]), $2, unnest($3::text[])
         ON CONFLICT (slot_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = now()`,
        [input.answers.map((a) => a.slotId), actor.userId, input.answers.map((a) => a.answer)],
      );
    });
    return this.read.poll(actor, input.pollId);
  }

  async cancel(actor: Actor, id: string): Promise<MeetingPollModel> {
    await this.ds.transaction(async (m) => {
      const p = await this.read.row(m, actor, id, true);
      if (p.organiser_id !== actor.userId) throw Errors.forbidden('cancel this poll (its organiser does)');
      if (p.status !== MeetingPollStatus.OPEN) throw Errors.conflict('This poll is closed.');
      await m.query(`UPDATE meeting_polls SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [id]);
    });
    return this.read.poll(actor, id);
  }

  /**
   * Pick a slot: the poll is claimed (OPEN -> DECIDED) first so two decisions cannot both create a
   * meeting; the meeting is created by the core's create (its own transaction: invitations emailed);
   * if that fails the poll is opened again. Then the poll points at the meeting and everyone is told.
   */
  async decide(
    ctx: RequestContext,
    actor: Actor,
    input: DecideMeetingPollInput,
  ): Promise<MeetingSeriesModel> {
    const p = await this.ds.transaction(async (m) => {
      const p = await this.read.row(m, actor, input.pollId, true);
      if (p.organiser_id !== actor.userId)
        throw Errors.forbidden('choose the time (the poll’s organiser does)');
      if (p.status !== MeetingPollStatus.OPEN) throw Errors.conflict('This poll is closed.');
      slotOf(p, input.slotId);
      await m.query(
        `UPDATE meeting_polls SET status = 'DECIDED', chosen_slot_id = $2, updated_at = now() WHERE id = $1`,
        [p.id, input.slotId],
      );
      return p;
    });
    let series: MeetingSeriesModel;
    try {
      const people = await this.actors.actorsFor(p.invitees.map((i) => i.id));
      series = await this.meetings.create(ctx, actor, this.meetingInput(p, input, people));
    } catch (err) {
      await this.ds.query(
        `UPDATE meeting_polls SET status = 'OPEN', chosen_slot_id = NULL WHERE id = $1 AND series_id IS NULL`,
        [p.id],
      );
      throw err;
    }
    const publishes: Publish[] = await this.ds.transaction(async (m) => {
      await m.query('UPDATE meeting_polls SET series_id = $2, updated_at = now() WHERE id = $1', [
        p.id,
        series.id,
      ]);
      const slot = londonDateTime(slotOf(p, input.slotId));
      return this.notifier.tell(
        m,
        p.invitees.map((i) => i.id),
        actor.userId,
        {
          kind: NotificationKind.MeetingPollDecided,
          title: `${p.title}: ${slot.date} at ${slot.time} (London time)`,
          link: `/meetings/${series.id}/${slot.date}`,
        },
      );
    });
    for (const pub of publishes) await pub();
    return series;
  }

  /** A one-off at the chosen slot; those asked who are not invited by the scope come as guests. */
  private meetingInput(
    p: PollRow,
    input: DecideMeetingPollInput,
    people: ReadonlyMap<string, Actor>,
  ): CreateMeetingInput {
    const at = londonDateTime(slotOf(p, input.slotId));
    const scope = scopeOfPoll(p);
    const chairId = input.chairId ?? p.organiser_id;
    const access: MeetingAccess = {
      scope,
      chairId,
      noteTakerId: input.noteTakerId ?? null,
      organiserId: p.organiser_id,
      guestIds: [],
    };
    return {
      scopeKind: p.scope_kind,
      trustId: scope.kind === ScopeKind.Trust ? scope.trustId : null,
      schoolId: scope.kind === ScopeKind.School ? scope.schoolId : null,
      title: p.title,
      description: '',
      mode: p.mode,
      location: input.location ?? null,
      onlineLink: input.onlineLink ?? null,
      firstDate: at.date,
      startTime: at.time,
      minutes: p.minutes,
      recurrence: { kind: RecurrenceKind.None },
      until: null,
      count: null,
      chairId,
      noteTakerId: input.noteTakerId ?? null,
      guestIds: p.invitees
        .filter((i) => {
          const who = people.get(i.id);
          return !!who && !isMeetingInvitee(who, access);
        })
        .map((i) => i.id),
      personalDataOverride: input.personalDataOverride ?? null,
    };
  }
}
