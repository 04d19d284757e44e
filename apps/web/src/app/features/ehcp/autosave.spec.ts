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

  it('stops on a conflict and explains it, without saving over the other change', async () => {
    const save = vi.fn(async () => {
      throw new ApiError('CONFLICT', 'The draft changed.');
    });
    const autosave = new DraftAutosave(save, 50);
    autosave.edit('K', 'advice');
    await autosave.flush();
    expect(autosave.state()).toBe('conflict');
    expect(autosave.problem()).toMatch(/Someone else saved this draft/);
    autosave.edit('K', 'advice and more');
    vi.advanceTimersByTime(500);
    await autosave.retry();
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.unsavedText('K')).toBe('advice and more');
  });
});
