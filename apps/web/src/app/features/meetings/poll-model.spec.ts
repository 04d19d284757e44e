import { PollAnswer } from '@lantern/shared-domain';
import { bestSlotIds, nextAnswer, slotInstants } from './poll-model';

describe('poll model', () => {
  it('cycles an answer', () => {
    expect(nextAnswer(null)).toBe(PollAnswer.Yes);
    expect(nextAnswer(PollAnswer.Yes)).toBe(PollAnswer.IfNeedBe);
    expect(nextAnswer(PollAnswer.IfNeedBe)).toBe(PollAnswer.No);
    expect(nextAnswer(PollAnswer.No)).toBe(PollAnswer.Yes);
  });

  it('finds the best slots', () => {
    expect(
      bestSlotIds([
        { id: 'a', yes: 2, ifNeedBe: 1, no: 0 },
        { id: 'b', yes: 3, ifNeedBe: 0, no: 0 },
        { id: 'c', yes: 1, ifNeedBe: 1, no: 1 },
      ]),
    ).toEqual(['b']);
    expect(bestSlotIds([{ id: 'a', yes: 0, ifNeedBe: 0, no: 2 }])).toEqual([]);
    expect(
      bestSlotIds([
        { id: 'a', yes: 1, ifNeedBe: 0, no: 0 },
        { id: 'b', yes: 1, ifNeedBe: 0, no: 0 },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('turns London times into instants across the clock change', () => {
    const r = slotInstants(
      [
        { date: '2026-03-30', time: '09:30' },
        { date: '2026-03-27', time: '09:30' },
        { date: '', time: '' },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(r).toEqual({ instants: ['2026-03-27T09:30:00.000Z', '2026-03-30T08:30:00.000Z'] });
    expect(slotInstants([{ date: '2026-03-30', time: '09:30' }], new Date('2026-01-01T00:00:00Z'))).toEqual({
      problem: 'Offer at least two times to choose from.',
    });
    expect(
      slotInstants(
        [
          { date: '2025-03-30', time: '09:30' },
          { date: '2026-03-30', time: '09:30' },
        ],
        new Date('2026-01-01T00:00:00Z'),
      ),
    ).toEqual({ problem: 'Every time offered must be in the future.' });
  });
});
