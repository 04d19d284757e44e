import { ApiError } from '@lantern/web-graphql';
import { DraftAutosave } from './autosave';

async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('DraftAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then saves only the newest text', async () => {
    const saved: [string, string][] = [];
    const autosave = new DraftAutosave(async (k, t) => void saved.push([k, t]), 800);
    autosave.edit('B', 'L');
    autosave.edit('B', 'Lan');
    expect(autosave.state()).toBe('pending');
    expect(autosave.label()).toBe('Saving…');
    vi.advanceTimersByTime(799);
    expect(saved).toEqual([]);
    autosave.edit('B', 'Language');
    vi.advanceTimersByTime(799);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(saved).toEqual([['B', 'Language']]);
    expect(autosave.state()).toBe('saved');
    expect(autosave.label()).toBe('Saved');
    expect(autosave.savedAt()).toBeInstanceOf(Date);
  });

  it('saves one at a time, and what is typed during a save follows it', async () => {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const autosave = new DraftAutosave(
      (k, t) =>
        new Promise<void>((resolve) => {
          calls.push(`${k}:${t}`);
          release = resolve;
        }),
      100,
    );
    autosave.edit('A', 'one');
    vi.advanceTimersByTime(100);
    await flushPromises();
    expect(autosave.state()).toBe('saving');
    autosave.edit('A', 'one two');
    autosave.edit('E', 'outcome');
    vi.advanceTimersByTime(100);
    await flushPromises();
    expect(calls).toEqual(['A:one']);
    release();
    await flushPromises();
    expect(calls).toEqual(['A:one', 'A:one two']);
    release();
    await flushPromises();
    release();
    await flushPromises();
    expect(calls).toEqual(['A:one', 'A:one two', 'E:outcome']);
    expect(autosave.state()).toBe('saved');
  });

  it('keeps the text after a failure, says so, and saves it on retry', async () => {
    let fail = true;
    const saved: string[] = [];
    const autosave = new DraftAutosave(async (_k, t) => {
      if (fail) throw new ApiError('NETWORK_ERROR', 'Lantern could not be reached.');
      saved.push(t);
    }, 50);
    autosave.edit('F', 'speech and language therapy');
    await autosave.flush();
    expect(autosave.state()).toBe('failed');
    expect(autosave.label()).toBe('Not saved — retry');
    expect(autosave.problem()).toBe('Lantern could not be reached.');
    expect(autosave.unsavedText('F')).toBe('speech and language therapy');
    fail = false;
    await autosave.retry();
    expect(saved).toEqual(['speech and language therapy']);
    expect(autosave.state()).toBe('saved');
    expect(autosave.problem()).toBeNull();
  });

  it('keeps the text of a conflicting section, explains it, and never sends it over the other change', async () => {
    const save = vi.fn(async () => {
      throw new ApiError('CONFLICT', 'The draft changed.');
    });
    const onConflict = vi.fn();
    const autosave = new DraftAutosave(save, 50, onConflict);
    autosave.edit('K', 'advice');
    await autosave.flush();
    expect(autosave.state()).toBe('conflict');
    expect(autosave.label()).toBe('Not saved — changed elsewhere');
    expect(autosave.problem()).toMatch(/Someone else saved this draft/);
    expect(onConflict).toHaveBeenCalledWith('K');
    expect(autosave.conflictText('K')).toBe('advice');
    // Until the page has the current revision, typing only updates the kept text.
    autosave.edit('K', 'advice and more');
    vi.advanceTimersByTime(500);
    await autosave.retry();
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.unsavedText('K')).toBe('advice and more');
    expect(autosave.conflicts()['K']).toEqual({ mine: 'advice and more', earlier: [], reloaded: false });
    expect(autosave.unsaved()).toBe(true);
  });

  it('goes on saving other sections after a conflict in one', async () => {
    const saved: string[] = [];
    const autosave = new DraftAutosave(async (k, t) => {
      if (k === 'A') throw new ApiError('CONFLICT', 'The draft changed.');
      saved.push(`${k}:${t}`);
    }, 50);
    autosave.edit('A', 'mine');
    autosave.edit('B', 'needs');
    await autosave.flush();
    expect(saved).toEqual(['B:needs']);
    expect(autosave.conflictText('A')).toBe('mine');
    expect(autosave.state()).toBe('conflict');
    autosave.edit('B', 'needs and more');
    expect(autosave.state()).toBe('pending');
    vi.advanceTimersByTime(50);
    await flushPromises();
    expect(saved).toEqual(['B:needs', 'B:needs and more']);
    expect(autosave.state()).toBe('conflict');
    expect(autosave.conflictText('A')).toBe('mine');
  });

  it('saves a conflicting section again once reloaded, and resolves with "use mine" or "keep theirs"', async () => {
    let conflict = true;
    const saved: string[] = [];
    const autosave = new DraftAutosave(async (k, t) => {
      if (conflict) throw new ApiError('CONFLICT', 'The draft changed.');
      saved.push(`${k}:${t}`);
    }, 50);
    autosave.edit('A', 'mine');
    await autosave.flush();
    conflict = false;
    autosave.reloaded('A');
    // Typing on top of their text (the page shows it) saves again; my text is still kept.
    autosave.edit('A', 'theirs, edited');
    vi.advanceTimersByTime(50);
    await flushPromises();
    expect(saved).toEqual(['A:theirs, edited']);
    expect(autosave.conflictText('A')).toBe('mine');
    expect(autosave.state()).toBe('conflict');
    expect(autosave.useMine('A')).toBe('mine');
    await autosave.flush();
    expect(saved).toEqual(['A:theirs, edited', 'A:mine']);
    expect(autosave.conflicts()).toEqual({});
    expect(autosave.state()).toBe('saved');

    conflict = true;
    autosave.edit('B', 'second');
    await autosave.flush();
    autosave.reloaded('B');
    autosave.keepTheirs('B');
    expect(autosave.conflictText('B')).toBeNull();
    expect(autosave.state()).toBe('saved');
  });

  it('keeps earlier unsaved text when the same section conflicts again', async () => {
    const autosave = new DraftAutosave(async () => {
      throw new ApiError('CONFLICT', 'The draft changed.');
    }, 50);
    autosave.edit('A', 'first');
    await autosave.flush();
    autosave.reloaded('A');
    autosave.edit('A', 'second');
    await autosave.flush();
    expect(autosave.conflicts()['A']).toEqual({ mine: 'second', earlier: ['first'], reloaded: false });
  });
});
