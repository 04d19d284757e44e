import { describe, expect, it } from 'vitest';
import { soonReminderDay } from './actions';
import type { Term } from './meetings';
import {
  latestMeetingLiveState,
  meetingItemSecondsLeft,
  meetingLiveBodySchema,
  meetingStream,
} from './meetings-live';
import type { StreamItem } from './realtime';

const TERMS: Term[] = [
  {
    name: 'Spring term',
    starts: '2027-01-05',
    ends: '2027-03-26',
    halfTermStarts: '2027-02-15',
    halfTermEnds: '2027-02-19',
  },
];
const item = (seq: number, body: unknown): StreamItem => ({
  stream: meetingStream('0b7c9f5e-3c1a-4e0f-9d7a-2f6a1b3c4d5e'),
  seq,
  clientId: `srv-${seq}`,
  authorId: null,
  body,
  createdAt: '2027-02-03T09:30:00.000Z',
});

describe('meeting live stream', () => {
  const live = {
    type: 'live',
    startedAt: '2027-02-03T09:30:00.000Z',
    endedAt: null,
    currentItemId: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
    currentItemStartedAt: '2027-02-03T09:40:00.000Z',
    currentItemMinutes: 15,
  };

  it('accepts the server bodies and refuses others', () => {
    expect(meetingLiveBodySchema.safeParse(live).success).toBe(true);
    expect(meetingLiveBodySchema.safeParse({ type: 'agenda' }).success).toBe(true);
    expect(meetingLiveBodySchema.safeParse({ type: 'live', currentItemId: 'x' }).success).toBe(false);
  });

  it('folds to the latest live state and counts down from its instant', () => {
    const state = latestMeetingLiveState([
      item(1, { ...live, currentItemMinutes: 5 }),
      item(2, { type: 'minutes' }),
      item(3, live),
    ]);
    expect(state?.currentItemMinutes).toBe(15);
    expect(meetingItemSecondsLeft(state, new Date('2027-02-03T09:50:00.000Z'))).toBe(300);
    expect(meetingItemSecondsLeft(state, new Date('2027-02-03T09:56:00.000Z'))).toBe(-60);
    expect(meetingItemSecondsLeft({ ...state!, endedAt: '2027-02-03T10:30:00.000Z' })).toBeNull();
    expect(latestMeetingLiveState([item(1, { type: 'agenda' })])).toBeUndefined();
  });
});

describe('soonReminderDay', () => {
  it('is two days before the due date on a school day', () => {
    expect(soonReminderDay('2027-02-04', TERMS)).toBe('2027-02-02');
  });
  it('moves to the last school day before a half term or weekend', () => {
    // Due Wednesday of half term: the plain day (Monday) is a holiday; the Friday before is the last school day.
    expect(soonReminderDay('2027-02-17', TERMS)).toBe('2027-02-12');
    // Due Monday: the plain day is a Saturday.
    expect(soonReminderDay('2027-03-08', TERMS)).toBe('2027-03-05');
  });
  it('keeps the plain day without term dates', () => {
    expect(soonReminderDay('2027-02-17', [])).toBe('2027-02-15');
  });
});
