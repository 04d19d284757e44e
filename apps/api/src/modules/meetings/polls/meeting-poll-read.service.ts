import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, MeetingMode, PollAnswer, addDays, londonDateTime } from '@lantern/shared-domain';
import { ActorsRepository } from '../../../common/auth/actors.repository';
import { Errors } from '../../../common/errors/app-error';
import { MeetingScopeKind } from '../meeting.model';
import { MY_MEETINGS_MAX_DAYS, MeetingsReadService } from '../meetings-read.service';
import { MeetingPollModel, MeetingPollStatus } from './poll.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PollRow {
  id: string;
  organiser_id: string;
  organiser_name: string;
  scope_kind: MeetingScopeKind;
  trust_id: string | null;
  school_id: string | null;
  title: string;
  mode: MeetingMode;
  minutes: number;
  status: MeetingPollStatus;
  chosen_slot_id: string | null;
  series_id: string | null;
  created_at: Date;
  slots: Array<{ id: string; startsAt: string }>;
  invitees: Array<{ id: string; displayName: string }>;
  answers: Array<{ slotId: string; userId: string; answer: PollAnswer }>;
}

/** A poll with its slots, invitees and answers, in one statement. */
export const POLL_SELECT = `
  SELECT p.id, p.organiser_id, ou.display_name AS organiser_name, p.scope_kind, p.trust_id, p.school_id, p.title, p.mode,
         p.minutes, p.status, p.chosen_slot_id, p.series_id, p.created_at,
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at) ORDER BY s.starts_at)
                     FROM meeting_poll_slots s WHERE s.poll_id = p.id), '[]'::json) AS slots,
         COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id)
                     FROM meeting_poll_invitees i JOIN users u ON u.id = i.user_id WHERE i.poll_id = p.id), '[]'::json) AS invitees,
         COALESCE((SELECT json_agg(json_build_object('slotId', a.slot_id, 'userId', a.user_id, 'answer', a.answer))
                     FROM meeting_poll_answers a JOIN meeting_poll_slots s ON s.id = a.slot_id WHERE s.poll_id = p.id), '[]'::json) AS answers
    FROM meeting_polls p JOIN users ou ON ou.id = p.organiser_id`;

export function isPollInvitee(actor: Actor, p: PollRow): boolean {
  return p.invitees.some((i) => i.id === actor.userId);
}

/**
 * Reading polls: the organiser and the invitees see a poll (NOT_FOUND for anyone else) with every
 * invitee's answers; an open poll also marks, per invitee, the slots that overlap another Lantern
 * meeting they take part in (their meetings expanded by the core's reading service over the slots'
 * days).
 */
@Injectable()
export class MeetingPollReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly meetings: MeetingsReadService,
    private readonly actors: ActorsRepository,
  ) {}

  async row(m: EntityManager, actor: Actor, id: string, lock = false): Promise<PollRow> {
    if (!UUID.test(id)) throw Errors.notFound('That poll');
    if (lock) await m.query('SELECT id FROM meeting_polls WHERE id = $1 FOR UPDATE', [id]);
    const [p] = (await m.query(`${POLL_SELECT} WHERE p.id = $1`, [id])) as PollRow[];
    if (!p || (p.organiser_id !== actor.userId && !isPollInvitee(actor, p)))
      throw Errors.notFound('That poll');
    return p;
  }

  async poll(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<MeetingPollModel> {
    const p = await this.row(m, actor, id);
    const clashes = p.status === MeetingPollStatus.OPEN ? await this.clashes(p) : new Map<string, string[]>();
    return pollModel(p, actor, clashes);
  }

  async mine(actor: Actor, open: boolean): Promise<MeetingPollModel[]> {
    const rows = (await this.ds.query(
      `${POLL_SELECT}
        WHERE (p.organiser_id = $1 OR EXISTS (SELECT 1 FROM meeting_poll_invitees i WHERE i.poll_id = p.id AND i.user_id = $1))
          AND ${open ? "p.status = 'OPEN'" : "p.status <> 'OPEN'"}
        ORDER BY p.created_at DESC LIMIT 100`,
      [actor.userId],
    )) as PollRow[];
    return rows.map((p) => pollModel(p, actor, new Map()));
  }

  /** Per invitee, the slots overlapping another meeting they take part in (cancelled ones and this poll's own excepted). */
  private async clashes(p: PollRow): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!p.slots.length) return out;
    const slots = p.slots.map((s) => ({
      id: s.id,
      from: new Date(s.startsAt).getTime(),
      to: new Date(s.startsAt).getTime() + p.minutes * 60_000,
    }));
    const from = londonDateTime(new Date(Math.min(...slots.map((s) => s.from)))).date;
    const last = londonDateTime(new Date(Math.max(...slots.map((s) => s.to)))).date;
    const to = addDays(from, MY_MEETINGS_MAX_DAYS) < last ? addDays(from, MY_MEETINGS_MAX_DAYS) : last;
    const actors = await this.actors.actorsFor(p.invitees.map((i) => i.id));
    for (const invitee of p.invitees) {
      const who = actors.get(invitee.id);
      if (!who) continue;
      const hit = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await this.meetings.myMeetings(who, from, to, 100, offset);
        for (const o of page.nodes) {
          if (o.cancelled || !o.canTakePart || o.seriesId === p.series_id) continue;
          for (const s of slots)
            if (o.startsAt.getTime() < s.to && o.endsAt.getTime() > s.from) hit.add(s.id);
        }
        if (!page.hasNextPage) break;
      }
      out.set(
        invitee.id,
        p.slots.filter((s) => hit.has(s.id)).map((s) => s.id),
      );
    }
    return out;
  }
}

export function pollModel(
  p: PollRow,
  actor: Actor,
  clashes: ReadonlyMap<string, string[]>,
): MeetingPollModel {
  const count = (slotId: string, a: PollAnswer) =>
    p.answers.filter((x) => x.slotId === slotId && x.answer === a).length;
  return {
    id: p.id,
    title: p.title,
    scopeKind: p.scope_kind,
    trustId: p.trust_id,
    schoolId: p.school_id,
    mode: p.mode,
    minutes: p.minutes,
    status: p.status,
    organiser: { id: p.organiser_id, displayName: p.organiser_name },
    slots: p.slots.map((s) => {
      const startsAt = new Date(s.startsAt);
      return {
        id: s.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + p.minutes * 60_000),
        yes: count(s.id, PollAnswer.Yes),
        ifNeedBe: count(s.id, PollAnswer.IfNeedBe),
        no: count(s.id, PollAnswer.No),
        myAnswer: p.answers.find((a) => a.slotId === s.id && a.userId === actor.userId)?.answer ?? null,
      };
    }),
    invitees: p.invitees.map((i) => ({
      person: i,
      answers: p.answers
        .filter((a) => a.userId === i.id)
        .map((a) => ({ slotId: a.slotId, answer: a.answer })),
      clashes: clashes.get(i.id) ?? [],
    })),
    chosenSlotId: p.chosen_slot_id,
    seriesId: p.series_id,
    createdAt: p.created_at,
    canDecide: p.organiser_id === actor.userId && p.status === MeetingPollStatus.OPEN,
    canAnswer: isPollInvitee(actor, p) && p.status === MeetingPollStatus.OPEN,
  };
}
