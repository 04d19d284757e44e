import { z } from 'zod';
import type { StreamItem, StreamKey } from './realtime';

/**
 * A meeting occurrence's live stream (issue 12, ADR 13): `meeting:<occurrenceId>`, read by everyone
 * who may see the meeting (the policy rule `canSeeMeeting`), written only by the server. It carries
 * the running state — started, the current agenda item and the instant it started, ended — so every
 * participant's timer counts down from the same instant, and a nudge when the agenda or the minutes
 * changed (clients then read them again).
 */
export const MEETING_STREAM_KIND = 'meeting';

export function meetingStream(occurrenceId: string): StreamKey {
  return `${MEETING_STREAM_KIND}:${occurrenceId}`;
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const instant = z.iso.datetime({ offset: true });

export const meetingLiveBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('live'),
    startedAt: instant.nullable(),
    endedAt: instant.nullable(),
    /** The agenda item being taken now (null: none). */
    currentItemId: uuid.nullable(),
    /** When it was taken up: the timer runs from here for `currentItemMinutes`. */
    currentItemStartedAt: instant.nullable(),
    currentItemMinutes: z.number().int().min(1).max(600).nullable(),
  }),
  /** The agenda changed (proposed, decided, ordered, published): read it again. */
  z.object({ type: z.literal('agenda') }),
  /** The minutes changed (notes, decisions, actions, published): read them again. */
  z.object({ type: z.literal('minutes') }),
]);
export type MeetingLiveBody = z.infer<typeof meetingLiveBodySchema>;
export type MeetingLiveState = Extract<MeetingLiveBody, { type: 'live' }>;

/** The latest live state in a stream's items (undefined when the meeting has not started). */
export function latestMeetingLiveState(items: readonly StreamItem[]): MeetingLiveState | undefined {
  let found: MeetingLiveState | undefined;
  for (const item of items) {
    const parsed = meetingLiveBodySchema.safeParse(item.body);
    if (parsed.success && parsed.data.type === 'live') found = parsed.data;
  }
  return found;
}

/** Seconds left on the current item at `now` (negative: over time), or null when none is running. */
export function meetingItemSecondsLeft(
  state: MeetingLiveState | undefined,
  now: Date = new Date(),
): number | null {
  if (!state || state.endedAt || !state.currentItemStartedAt || state.currentItemMinutes === null)
    return null;
  const ends = new Date(state.currentItemStartedAt).getTime() + state.currentItemMinutes * 60_000;
  return Math.round((ends - now.getTime()) / 1000);
}
