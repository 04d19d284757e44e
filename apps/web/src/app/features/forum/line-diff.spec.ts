import { historyChanges } from './history-dialog';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('marks removed and added lines and keeps the unchanged ones', () => {
    expect(lineDiff('one\ntwo\nthree', 'one\n2\nthree\nfour')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
      { kind: 'added', text: 'four' },
    ]);
  });

  it('handles an empty side', () => {
    expect(lineDiff('', 'new')).toEqual([
      { kind: 'removed', text: '' },
      { kind: 'added', text: 'new' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});

describe('historyChanges', () => {
  const editor = { label: 'SENCO, Holy Family Primary', anonymous: false, isViewer: true };
  it('diffs each earlier version against the one that replaced it, newest first', () => {
    const changes = historyChanges({
      current: { title: 'New title', body: 'a\nc' },
      revisions: [
        { id: 'r2', title: 'Old title', body: 'a\nb', createdAt: '2026-11-02T10:00:00Z', editor },
        { id: 'r1', title: 'Old title', body: 'a', createdAt: '2026-11-01T10:00:00Z', editor },
      ],
    });
    expect(changes.map((c) => c.id)).toEqual(['r2', 'r1']);
    expect(changes[0].titleChange).toEqual({ before: 'Old title', after: 'New title' });
    expect(changes[0].lines).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'c' },
    ]);
    expect(changes[1].titleChange).toBeNull();
    expect(changes[1].lines).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
  });
});
