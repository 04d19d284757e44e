import { type DiffLineKind, diffLines } from '@lantern/shared-domain';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffKind;
  text: string;
}

const KIND: Record<DiffLineKind, DiffKind> = { CONTEXT: 'same', ADDED: 'added', REMOVED: 'removed' };

/**
 * A line diff from `before` to `after` (the shared diffLines, as library comparisons use): within a
 * change, removed lines come before added ones.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(before.split('\n'), after.split('\n')).map((l) => ({ kind: KIND[l.kind], text: l.text }));
}

/** How each kind of line is marked in words (not only by colour). */
export const DIFF_MARK: Record<DiffKind, { sign: string; label: string }> = {
  same: { sign: ' ', label: 'Unchanged' },
  added: { sign: '+', label: 'Added' },
  removed: { sign: '−', label: 'Removed' },
};
