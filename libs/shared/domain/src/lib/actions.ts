import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { daysBetween } from './caseload';
import { type Term, isSchoolDay } from './meetings';
import { addDays } from './recurrence';

/**
 * Actions: one module for every feature (cases now; supervision sessions and meetings next). Each has
 * an owner, a due date (a school day in England: dates are London dates) and the record it came from.
 */
export enum ActionStatus {
  Open = 'OPEN',
  Done = 'DONE',
  Cancelled = 'CANCELLED',
}

export const ACTION_STATUS_LABEL: Readonly<Record<ActionStatus, string>> = {
  [ActionStatus.Open]: 'Open',
  [ActionStatus.Done]: 'Done',
  [ActionStatus.Cancelled]: 'Cancelled',
};

/** What an action came from. Case actions are case data (the case-data rule decides who sees them). */
export enum ActionSourceKind {
  Case = 'CASE',
  Supervision = 'SUPERVISION',
  Meeting = 'MEETING',
}

export const ACTION_LIMITS = {
  titleMin: 3,
  titleMax: 300,
  pageSize: 50,
  /** A reminder goes out this many days before the due date, and again on the first overdue day. */
  remindDaysBefore: 2,
} as const;

export enum ActionDueState {
  Overdue = 'OVERDUE',
  Today = 'TODAY',
  Soon = 'SOON',
  Later = 'LATER',
  Closed = 'CLOSED',
}

const LONDON = tz('Europe/London');

/** Today's date in England as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd', { in: LONDON });
}

export function actionDueState(status: ActionStatus, dueOn: string, today: string): ActionDueState {
  if (status !== ActionStatus.Open) return ActionDueState.Closed;
  const days = daysBetween(today, dueOn);
  if (days < 0) return ActionDueState.Overdue;
  if (days === 0) return ActionDueState.Today;
  if (days <= ACTION_LIMITS.remindDaysBefore) return ActionDueState.Soon;
  return ActionDueState.Later;
}

export function actionTitleProblem(title: string): string | null {
  const t = title.trim();
  if (t.length < ACTION_LIMITS.titleMin)
    return `Describe the action in at least ${ACTION_LIMITS.titleMin} characters.`;
  if (t.length > ACTION_LIMITS.titleMax)
    return `Keep the action to ${ACTION_LIMITS.titleMax} characters or fewer.`;
  return null;
}

/** How far back a "due soon" reminder may move to reach a school day (a summer holiday and its weekends). */
export const REMINDER_LOOKBACK_DAYS = 50;

/**
 * The day the "due soon" reminder of an action goes out: ACTION_LIMITS.remindDaysBefore days before
 * it is due, or, when that day is not a school day of the owner's term dates (a holiday, half term
 * or weekend), the last school day before it. Without term dates (or none within reach) the plain day.
 */
export function soonReminderDay(dueOn: string, terms: readonly Term[]): string {
  const plain = addDays(dueOn, -ACTION_LIMITS.remindDaysBefore);
  if (!terms.length || isSchoolDay(plain, terms)) return plain;
  for (let i = 1; i <= REMINDER_LOOKBACK_DAYS; i += 1) {
    const day = addDays(plain, -i);
    if (isSchoolDay(day, terms)) return day;
  }
  return plain;
}
