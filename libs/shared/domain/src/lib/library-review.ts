import { tz } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { LIBRARY_LIMITS } from './library';

/** Review dates are counted on the UTC calendar (the same answer on the server and in any browser). */
const UTC = tz('UTC');

/** The next review date: `months` after `from` (same day of month, clamped to the month's end). */
export function nextReviewDue(from: Date, months: number = LIBRARY_LIMITS.reviewIntervalMonths): Date {
  return new Date(addMonths(from, months, { in: UTC }).getTime());
}
