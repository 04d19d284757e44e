import { AgendaItemStatus, meetingItemSecondsLeft } from '@lantern/shared-domain';
import {
  acceptedInOrder,
  clockText,
  deadlineInstant,
  moveItem,
  nextItemId,
  spokenTime,
  timingText,
} from './agenda-model';

describe('agenda model', () => {
  const items = [
    { id: 'b', status: AgendaItemStatus.Accepted, position: 2 },
    { id: 'x', status: AgendaItemStatus.Proposed, position: 0 },
    { id: 'a', status: AgendaItemStatus.Accepted, position: 1 },
    { id: 'd', status: AgendaItemStatus.Declined, position: 3 },
  ];

  it('keeps the accepted items in their order', () => {
    expect(acceptedInOrder(items).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('moves an item up or down, and not past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds the next item', () => {
    expect(nextItemId(['a', 'b'], null)).toBe('a');
    expect(nextItemId(['a', 'b'], 'a')).toBe('b');
    expect(nextItemId(['a', 'b'], 'b')).toBeNull();
  });

  it('shows the clock every second but says only whole minutes', () => {
    expect(clockText(245)).toBe('4:05 left');
    expect(clockText(-130)).toBe('2:10 over');
    expect(spokenTime(245)).toBe('5 minutes left');
    expect(spokenTime(50)).toBe('Less than a minute left');
    expect(spokenTime(-61)).toBe('2 minutes over time');
  });

  it('counts down from the same instant for everyone', () => {
    const state = {
      type: 'live' as const,
      startedAt: '2026-03-10T09:30:00Z',
      endedAt: null,
      currentItemId: '00000000-0000-4000-8000-000000000001',
      currentItemStartedAt: '2026-03-10T09:40:00Z',
      currentItemMinutes: 15,
    };
    expect(meetingItemSecondsLeft(state, new Date('2026-03-10T09:50:30Z'))).toBe(270);
  });

  it('says the total against the meeting length', () => {
    expect(timingText(60, 90)).toBe('Total 60 of 90 minutes');
    expect(timingText(95, 90)).toBe('Total 95 of 90 minutes: 5 minutes over');
  });

  it('reads a papers deadline as London time', () => {
    expect(deadlineInstant('2026-01-15T17:00')).toBe('2026-01-15T17:00:00.000Z');
    expect(deadlineInstant('2026-06-15T17:00')).toBe('2026-06-15T16:00:00.000Z');
    expect(deadlineInstant('')).toBeNull();
  });
});
