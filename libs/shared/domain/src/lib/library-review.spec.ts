import { describe, expect, it } from 'vitest';
import { nextReviewDue } from './library-review';

describe('next review date', () => {
  it('sets the next review a number of months on, clamped to the end of a short month', () => {
    expect(nextReviewDue(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(nextReviewDue(new Date('2026-03-15T00:00:00Z')).toISOString()).toBe('2027-03-15T00:00:00.000Z');
    expect(nextReviewDue(new Date('2027-11-30T00:00:00Z'), 3).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('keeps the time of day, crosses years and counts on the UTC calendar whatever the local zone', () => {
    expect(nextReviewDue(new Date('2026-12-31T23:30:00Z'), 2).toISOString()).toBe('2027-02-28T23:30:00.000Z');
    expect(nextReviewDue(new Date('2028-02-29T12:00:00Z'), 12).toISOString()).toBe(
      '2029-02-28T12:00:00.000Z',
    );
    expect(nextReviewDue(new Date('2026-03-29T00:30:00Z'), 36).toISOString()).toBe(
      '2029-03-29T00:30:00.000Z',
    );
    // 00:30 UTC on 31 October is still 30 October in New York: the UTC day (31) is kept.
    expect(nextReviewDue(new Date('2026-10-31T00:30:00Z'), 1).toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(nextReviewDue(new Date('2026-01-31T10:00:00Z'), 1)).toBeInstanceOf(Date);
  });
});
