import type { CreateMeetingInput, UpdateMeetingSeriesInput } from '@lantern/web-graphql';
import type { PersonalDataOverride } from '@lantern/web-ui';
import type { MeetingFormValue } from './meeting-form';
import { patternOf, recurrenceInput, scopeInput } from './meeting-form-model';

/** The fields a new meeting and a changed series share. */
function fields(v: MeetingFormValue, override: PersonalDataOverride | null) {
  const p = patternOf(v.when);
  return {
    title: v.title,
    description: v.description,
    mode: v.mode,
    location: v.location || null,
    onlineLink: v.onlineLink || null,
    firstDate: p.firstDate,
    startTime: p.time,
    minutes: p.minutes,
    recurrence: recurrenceInput(p.recurrence),
    until: p.until,
    count: p.count,
    chairId: v.chair?.id ?? null,
    noteTakerId: v.noteTaker?.id ?? null,
    guestIds: v.guests.map((g) => g.id),
    personalDataOverride: override,
  };
}

export function createInput(v: MeetingFormValue, override: PersonalDataOverride | null): CreateMeetingInput {
  if (!v.scope) throw new Error('A new meeting needs a scope');
  return { ...scopeInput(v.scope.scope), ...fields(v, override) };
}

export function updateInput(
  id: string,
  revision: number,
  v: MeetingFormValue,
  override: PersonalDataOverride | null,
): UpdateMeetingSeriesInput {
  return { id, revision, ...fields(v, override) };
}
