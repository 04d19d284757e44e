import { AgendaItemStatus, londonInstant } from '@lantern/shared-domain';

/** Pure helpers of the agenda and the live timer (tested in agenda-model.spec.ts). */

interface Ordered {
  id: string;
  status: AgendaItemStatus;
  position: number;
}

/** The accepted items in their order. */
export function acceptedInOrder<T extends Ordered>(items: readonly T[]): T[] {
  return items.filter((i) => i.status === AgendaItemStatus.Accepted).sort((a, b) => a.position - b.position);
}

/** The ids of the accepted items after moving one up (-1) or down (+1); unchanged at the ends. */
export function moveItem(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const list = [...ids];
  const from = list.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return list;
  list.splice(from, 1);
  list.splice(to, 0, id);
  return list;
}

/** The item after the current one among the accepted (null: the current is the last, or none is current and there are none). */
export function nextItemId(acceptedIds: readonly string[], currentId: string | null): string | null {
  if (!currentId) return acceptedIds[0] ?? null;
  const i = acceptedIds.indexOf(currentId);
  return i >= 0 ? (acceptedIds[i + 1] ?? null) : null;
}

/** "4:05 left", "0:30 left", "2:10 over" for a number of seconds (negative: over time). */
export function clockText(seconds: number): string {
  const over = seconds < 0;
  const s = Math.abs(seconds);
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, '0');
  return `${m}:${rest} ${over ? 'over' : 'left'}`;
}

/** What a screen reader hears about the timer: whole minutes only, so it is said once a minute at most. */
export function spokenTime(seconds: number): string {
  if (seconds < 0) {
    const m = Math.ceil(-seconds / 60);
    return `${m} minute${m === 1 ? '' : 's'} over time`;
  }
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'Less than a minute left' : `${m} minutes left`;
}

/** "Total 95 of 90 minutes: 5 minutes over" / "Total 60 of 90 minutes". */
export function timingText(total: number, meeting: number): string {
  const over = total - meeting;
  return over > 0
    ? `Total ${total} of ${meeting} minutes: ${over} minute${over === 1 ? '' : 's'} over`
    : `Total ${total} of ${meeting} minutes`;
}

/** A papers deadline (datetime-local value, London wall clock) as an instant, or null. */
export function deadlineInstant(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  return m ? londonInstant(m[1], m[2]).toISOString() : null;
}
