import { PollAnswer, londonInstant } from '@lantern/shared-domain';

/** Pure helpers of the poll pages (tested in poll-model.spec.ts). */

export const POLL_ANSWER_LABEL: Readonly<Record<PollAnswer, string>> = {
  [PollAnswer.Yes]: 'Yes',
  [PollAnswer.IfNeedBe]: 'If need be',
  [PollAnswer.No]: 'No',
};

/** The next answer when a cell is pressed: none → yes → if need be → no → yes … */
export function nextAnswer(current: PollAnswer | null): PollAnswer {
  if (current === PollAnswer.Yes) return PollAnswer.IfNeedBe;
  if (current === PollAnswer.IfNeedBe) return PollAnswer.No;
  return PollAnswer.Yes;
}

interface SlotCounts {
  id: string;
  yes: number;
  ifNeedBe: number;
  no: number;
}

/** The best slots: most yes + if need be, then most yes, then fewest no (ties all returned). */
export function bestSlotIds(slots: readonly SlotCounts[]): string[] {
  const score = (s: SlotCounts) => [s.yes + s.ifNeedBe, s.yes, -s.no] as const;
  let best: readonly number[] | null = null;
  let ids: string[] = [];
  for (const s of slots) {
    const sc = score(s);
    if (sc[0] === 0) continue;
    const cmp = best ? sc[0] - best[0] || sc[1] - best[1] || sc[2] - best[2] : 1;
    if (cmp > 0) {
      best = sc;
      ids = [s.id];
    } else if (cmp === 0) ids.push(s.id);
  }
  return ids;
}

export interface SlotDraft {
  date: string;
  time: string;
}

/** Candidate slots as instants (London wall clock), sorted, without duplicates; or a plain-English problem. */
export function slotInstants(
  slots: readonly SlotDraft[],
  now: Date = new Date(),
): { instants: string[] } | { problem: string } {
  const filled = slots.filter((s) => s.date || s.time);
  if (filled.length < 2) return { problem: 'Offer at least two times to choose from.' };
  const out = new Set<string>();
  for (const s of filled) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time))
      return { problem: 'Give each time as a date and a start time.' };
    const at = londonInstant(s.date, s.time);
    if (at.getTime() <= now.getTime()) return { problem: 'Every time offered must be in the future.' };
    out.add(at.toISOString());
  }
  if (out.size < 2) return { problem: 'Offer at least two different times.' };
  return { instants: [...out].sort() };
}
