import { signal } from '@angular/core';
import type { ThreadKind } from '@lantern/web-graphql';
import type { DraftStore } from './drafts';

/** The composer's fields as the form holds them (tags as typed). */
export interface ComposerFields {
  categoryId: string;
  kind: ThreadKind;
  title: string;
  body: string;
  tags: string;
  anonymous: boolean;
}

/**
 * A composer's draft: restored when the person comes back to the same composer, saved as they type,
 * and removed once posted or discarded. No key (e.g. an edit): no draft.
 */
export class ComposerDraft {
  /** A saved draft was put back into the form (the composer says so, with "Discard draft"). */
  readonly restored = signal(false);
  /** Set once a saved draft has been restored (nothing is saved over it before). */
  private ready = false;

  constructor(
    private readonly drafts: DraftStore,
    private readonly key: () => string | null,
  ) {}

  /** The saved draft as form values (the category already chosen wins), or null. Saving starts now. */
  restore(categoryId: string): ComposerFields | null {
    const key = this.key();
    const draft = key ? this.drafts.load(key) : null;
    this.ready = true;
    if (!draft) return null;
    this.restored.set(true);
    return {
      title: draft.title ?? '',
      body: draft.body,
      tags: draft.tags ?? '',
      kind: draft.kind ?? 'QUESTION',
      anonymous: !!draft.anonymous,
      categoryId: categoryId || draft.categoryId || '',
    };
  }

  /** Keep what is typed (an empty composer removes its draft). */
  save(v: Partial<ComposerFields>): void {
    const key = this.key();
    if (!key || !this.ready) return;
    this.drafts.save(key, {
      title: v.title,
      body: v.body ?? '',
      tags: v.tags,
      kind: v.kind,
      anonymous: v.anonymous,
      categoryId: v.categoryId || null,
    });
  }

  /** Posted or discarded. */
  clear(): void {
    const key = this.key();
    if (key) this.drafts.clear(key);
    this.restored.set(false);
  }
}
