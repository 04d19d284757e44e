import {
  Actor,
  AuditAction,
  MeetingAccess,
  MeetingMode,
  MeetingScope,
  Recurrence,
  RecurrenceKind,
  SeriesPattern,
  canSeeMeeting,
  seriesPatternProblem,
  toRRule,
  weekOfMonth,
} from '@lantern/shared-domain';
import { EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { PersonalDataTarget } from '../../common/personal-data/personal-data.service';
import type { ActorsRepository } from '../../common/auth/actors.repository';
import type { MeetingRecurrenceInput } from './dto/meeting.input';

/** The fields of a pattern as the create and update inputs give them. */
export interface PatternFields {
  firstDate: string;
  startTime: string;
  minutes: number;
  recurrence: MeetingRecurrenceInput;
  until?: string | null;
  count?: number | null;
}

function recurrenceOf(r: MeetingRecurrenceInput, firstDate: string): Recurrence {
  switch (r.kind) {
    case RecurrenceKind.Weekly:
      return { kind: RecurrenceKind.Weekly, interval: (r.interval ?? 1) as 1 | 2 };
    case RecurrenceKind.MonthlyWeekday: {
      const own = weekOfMonth(firstDate);
      const week = r.week ?? (own.last && own.nth > 4 ? -1 : own.nth);
      if (![1, 2, 3, 4, -1].includes(week))
        throw Errors.badInput('Choose the 1st, 2nd, 3rd, 4th or last week of the month.', { recurrence: 'Week' });
      return { kind: RecurrenceKind.MonthlyWeekday, week: week as 1 | 2 | 3 | 4 | -1 };
    }
    case RecurrenceKind.Dates:
      return { kind: RecurrenceKind.Dates, dates: [...new Set(r.dates ?? [])].sort() };
    default:
      return { kind: RecurrenceKind.None };
  }
}

/** The pattern an input describes, checked with seriesPatternProblem (BAD_USER_INPUT in plain English). */
export function patternFrom(f: PatternFields): SeriesPattern {
  const recurrence = recurrenceOf(f.recurrence, f.firstDate);
  const p: SeriesPattern = {
    firstDate: f.firstDate,
    time: f.startTime,
    minutes: f.minutes,
    recurrence,
    until: recurrence.kind === RecurrenceKind.None ? null : (f.until ?? null),
    count: recurrence.kind === RecurrenceKind.None ? null : (f.count ?? null),
  };
  const problem = seriesPatternProblem(p);
  if (problem) throw Errors.badInput(problem, { recurrence: problem });
  return p;
}

/** The stored columns of a pattern: the RRULE calendars need, and the explicit dates. */
export function storedPattern(p: SeriesPattern): { rrule: string | null; rdates: string[] } {
  return {
    rrule: toRRule(p),
    rdates: p.recurrence.kind === RecurrenceKind.Dates ? [...p.recurrence.dates] : [],
  };
}

export function checkLink(onlineLink: string): void {
  if (!/^https:\/\/\S+$/i.test(onlineLink.trim()))
    throw Errors.badInput('Give the online link as a full https:// address.', { onlineLink: 'Not a link' });
}

export function checkPlace(mode: MeetingMode, onlineLink: string | null | undefined): void {
  if (onlineLink) checkLink(onlineLink);
  if (mode === MeetingMode.Online && !onlineLink?.trim())
    throw Errors.badInput('Give the link for an online meeting.', { onlineLink: 'Missing' });
}

/**
 * Chair, note-taker and guests: active people; the chair and note-taker must be able to see a
 * meeting of this scope (by their roles, or as guests).
 */
export async function checkPeople(
  m: EntityManager,
  actors: ActorsRepository,
  scope: MeetingScope,
  chairId: string,
  noteTakerId: string | null,
  guestIds: readonly string[],
): Promise<void> {
  const found = await actors.actorsFor([chairId, ...(noteTakerId ? [noteTakerId] : []), ...guestIds], m);
  const missing = [chairId, noteTakerId, ...guestIds].filter((id): id is string => !!id && !found.has(id));
  if (missing.length) throw Errors.badInput('Choose people who have a Lantern account.', { guestIds: 'Unknown person' });
  const asInvitee: MeetingAccess = { scope, chairId: '', noteTakerId: null, organiserId: '', guestIds };
  const sees = (id: string) => canSeeMeeting(found.get(id) as Actor, asInvitee);
  if (!sees(chairId))
    throw Errors.badInput('The chair must belong to the meeting’s trust or school, or be invited as a guest.', {
      chairId: 'Outside the meeting',
    });
  if (noteTakerId && !sees(noteTakerId))
    throw Errors.badInput('The note-taker must belong to the meeting’s trust or school, or be invited as a guest.', {
      noteTakerId: 'Outside the meeting',
    });
}

export function meetingTarget(scope: MeetingScope, seriesId?: string): PersonalDataTarget {
  return {
    action: AuditAction.MeetingPersonalDataOverride,
    verb: 'Saved to a meeting',
    trustId: scope.trustId,
    schoolId: scope.schoolId,
    targetType: 'meeting',
    targetId: seriesId,
  };
}
