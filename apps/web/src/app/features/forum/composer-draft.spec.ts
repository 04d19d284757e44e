import type { Draft, DraftStore } from './drafts';
import { ComposerDraft } from './composer-draft';

/** A draft store in memory (the real one keeps drafts per person in localStorage). */
function memoryStore(saved: Record<string, Draft> = {}) {
  const drafts = new Map(Object.entries(saved));
  const store = {
    load: (key: string) => drafts.get(key) ?? null,
    save: (key: string, draft: Omit<Draft, 'savedAt'>) => drafts.set(key, { ...draft, savedAt: 'now' }),
    clear: (key: string) => drafts.delete(key),
  } as unknown as DraftStore;
  return { store, drafts };
}

describe('ComposerDraft', () => {
  it('puts a saved draft back and says so', () => {
    const { store } = memoryStore({
      'reply:th-1': { body: 'Half a reply', anonymous: true, savedAt: 'then' },
    });
    const draft = new ComposerDraft(store, () => 'reply:th-1');
    expect(draft.restore('')).toEqual({
      title: '',
      body: 'Half a reply',
      tags: '',
      kind: 'QUESTION',
      anonymous: true,
      categoryId: '',
    });
    expect(draft.restored()).toBe(true);
  });

  it('keeps the category already chosen over the one in the draft', () => {
    const { store } = memoryStore({ thread: { body: 'x', categoryId: 'cat-draft', savedAt: 'then' } });
    expect(new ComposerDraft(store, () => 'thread').restore('cat-chosen')?.categoryId).toBe('cat-chosen');
    expect(new ComposerDraft(store, () => 'thread').restore('')?.categoryId).toBe('cat-draft');
  });

  it('saves nothing over a saved draft before it is restored, then saves what is typed', () => {
    const { store, drafts } = memoryStore({ 'reply:th-1': { body: 'Saved', savedAt: 'then' } });
    const draft = new ComposerDraft(store, () => 'reply:th-1');
    draft.save({ body: '' });
    expect(drafts.get('reply:th-1')?.body).toBe('Saved');
    draft.restore('');
    draft.save({ body: 'Saved and more', categoryId: '' });
    expect(drafts.get('reply:th-1')).toMatchObject({ body: 'Saved and more', categoryId: null });
  });

  it('removes the draft once posted or discarded', () => {
    const { store, drafts } = memoryStore({ 'reply:th-1': { body: 'Saved', savedAt: 'then' } });
    const draft = new ComposerDraft(store, () => 'reply:th-1');
    draft.restore('');
    draft.clear();
    expect(drafts.has('reply:th-1')).toBe(false);
    expect(draft.restored()).toBe(false);
  });

  it('keeps nothing without a key (edits)', () => {
    const { store, drafts } = memoryStore();
    const draft = new ComposerDraft(store, () => null);
    expect(draft.restore('')).toBeNull();
    draft.save({ body: 'An edit' });
    expect(drafts.size).toBe(0);
  });
});
