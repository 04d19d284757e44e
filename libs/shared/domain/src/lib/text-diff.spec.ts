import { describe, expect, it } from 'vitest';
import { diffHunks, diffLines, splitLines } from './text-diff';

describe('comparing versions', () => {
  it('finds the shortest set of added and removed lines', () => {
    const d = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e']);
    expect(d.map((l) => `${l.kind[0]}${l.text}`)).toEqual(['Ca', 'Rb', 'Cc', 'Cd', 'Ae']);
    expect(d.find((l) => l.text === 'e')).toEqual({
      kind: 'ADDED',
      text: 'e',
      oldNumber: null,
      newNumber: 4,
    });
    expect(d.find((l) => l.text === 'b')).toEqual({
      kind: 'REMOVED',
      text: 'b',
      oldNumber: 2,
      newNumber: null,
    });
  });

  it('handles empty texts and identical texts', () => {
    expect(diffLines([], ['x']).map((l) => l.kind)).toEqual(['ADDED']);
    expect(diffLines(['x'], []).map((l) => l.kind)).toEqual(['REMOVED']);
    expect(diffHunks('same\ntext\n', 'same\ntext')).toEqual([]);
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
  });

  it('groups changes into hunks with three lines of context', () => {
    const older = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const newer = older.replace('line 3', 'line three').replace('line 18', 'line eighteen');
    const hunks = diffHunks(older, newer);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]).toMatchObject({ oldStart: 1, oldLines: 6, newStart: 1, newLines: 6 });
    expect(hunks[0]!.lines.filter((l) => l.kind !== 'CONTEXT').map((l) => `${l.kind} ${l.text}`)).toEqual([
      'REMOVED line 3',
      'ADDED line three',
    ]);
    expect(hunks[1]).toMatchObject({ oldStart: 15, oldLines: 6, newStart: 15, newLines: 6 });
  });

  it('agrees with a longest-common-subsequence count on random texts', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: Math.floor(rand() * 30) }, () => 'abcde'[Math.floor(rand() * 5)]!);
      const b = Array.from({ length: Math.floor(rand() * 30) }, () => 'abcde'[Math.floor(rand() * 5)]!);
      const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          lcs[i]![j] =
            a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
      const d = diffLines(a, b);
      expect(d.filter((l) => l.kind === 'CONTEXT')).toHaveLength(lcs[a.length]![b.length]!);
      expect(d.filter((l) => l.kind !== 'ADDED').map((l) => l.text)).toEqual(a);
      expect(d.filter((l) => l.kind !== 'REMOVED').map((l) => l.text)).toEqual(b);
    }
  });

  it('finds one changed line in a long text, and shows wholesale rewrites as everything replaced', () => {
    const long = Array.from({ length: 5_000 }, (_, i) => `line ${i}`);
    const edited = long.map((l, i) => (i === 2_500 ? 'changed' : l));
    const d = diffLines(long, edited);
    expect(d.filter((l) => l.kind !== 'CONTEXT')).toEqual([
      { kind: 'REMOVED', text: 'line 2500', oldNumber: 2_501, newNumber: null },
      { kind: 'ADDED', text: 'changed', oldNumber: null, newNumber: 2_501 },
    ]);
    const other = long.map((l) => `${l} rewritten`);
    const rewrite = diffLines(long, other);
    expect(rewrite.filter((l) => l.kind === 'REMOVED')).toHaveLength(5_000);
    expect(rewrite.filter((l) => l.kind === 'ADDED')).toHaveLength(5_000);
    expect(rewrite.filter((l) => l.kind === 'CONTEXT')).toHaveLength(0);
  });
});
