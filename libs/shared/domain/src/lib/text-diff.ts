import { diffArrays } from 'diff';

/**
 * Line diffs (jsdiff's Myers implementation): library version comparisons group them into hunks,
 * forum edit histories show them whole.
 */

export type DiffLineKind = 'CONTEXT' | 'ADDED' | 'REMOVED';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** 1-based line number in the older text (null for added lines). */
  oldNumber: number | null;
  /** 1-based line number in the newer text (null for removed lines). */
  newNumber: number | null;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

/** Lines of a text: CRLF and CR count as LF, a final newline adds no empty line, '' has none. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Edit distance beyond which a comparison shows "everything replaced" (bounds time and memory). */
const MAX_EDITS = 2_000;

/**
 * Every line of `b` against `a` in order, each kept, added or removed (a shortest edit script;
 * within a change, removed lines come before added ones).
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const changes = diffArrays([...a], [...b], { maxEditLength: MAX_EDITS });
  if (!changes) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: 'REMOVED', text, oldNumber: i + 1, newNumber: null })),
      ...b.map((text, i): DiffLine => ({ kind: 'ADDED', text, oldNumber: null, newNumber: i + 1 })),
    ];
  }
  const out: DiffLine[] = [];
  let oldNumber = 0;
  let newNumber = 0;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.added) out.push({ kind: 'ADDED', text, oldNumber: null, newNumber: ++newNumber });
      else if (change.removed) out.push({ kind: 'REMOVED', text, oldNumber: ++oldNumber, newNumber: null });
      else out.push({ kind: 'CONTEXT', text, oldNumber: ++oldNumber, newNumber: ++newNumber });
    }
  }
  return out;
}

/** Changes grouped into hunks with `context` unchanged lines around them (none when equal). */
export function diffHunks(older: string, newer: string, context = 3): DiffHunk[] {
  const lines = diffLines(splitLines(older), splitLines(newer));
  const changed = lines.map((l, i) => (l.kind === 'CONTEXT' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const i of changed) {
    const start = Math.max(0, i - context);
    const end = Math.min(lines.length - 1, i + context);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges.map(([s, e]) => {
    const slice = lines.slice(s, e + 1);
    const olds = slice.filter((l) => l.oldNumber !== null);
    const news = slice.filter((l) => l.newNumber !== null);
    const before = lines.slice(0, s);
    const oldBefore = before.filter((l) => l.oldNumber !== null).length;
    const newBefore = before.filter((l) => l.newNumber !== null).length;
    return {
      oldStart: olds[0]?.oldNumber ?? oldBefore,
      oldLines: olds.length,
      newStart: news[0]?.newNumber ?? newBefore,
      newLines: news.length,
      lines: slice,
    };
  });
}
