import { Injectable, InjectionToken, inject } from '@angular/core';
import { Session } from '../../core/session';

/** What a composer keeps between visits. */
export interface Draft {
  title?: string;
  body: string;
  tags?: string;
  kind?: 'QUESTION' | 'DISCUSSION';
  anonymous?: boolean;
  categoryId?: string | null;
  savedAt: string;
}

/** Where drafts live: localStorage in the browser (a test can give another Storage). */
export const DRAFT_STORAGE = new InjectionToken<Storage | null>('DRAFT_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      // Storage can be switched off (private mode, policy): drafts then simply are not kept.
      return null;
    }
  },
});

const PREFIX = 'lantern.forum.draft';

/**
 * Drafts of forum posts, saved as the person types and restored when they come back to the same
 * composer (one key per composer: a new thread, a reply to a thread, a reply to a reply). Keys carry
 * the person's id, so someone else signing in on the same browser never sees them.
 */
@Injectable({ providedIn: 'root' })
export class DraftStore {
  private readonly storage = inject(DRAFT_STORAGE);
  private readonly session = inject(Session);

  private key(composerKey: string): string | null {
    const userId = this.session.user()?.id;
    return userId ? `${PREFIX}:${userId}:${composerKey}` : null;
  }

  load(composerKey: string): Draft | null {
    const key = this.key(composerKey);
    if (!key || !this.storage) return null;
    try {
      const raw = this.storage.getItem(key);
      if (!raw) return null;
      const draft = JSON.parse(raw) as Draft;
      return typeof draft?.body === 'string' ? draft : null;
    } catch {
      return null;
    }
  }

  /** Save what is typed; an empty composer removes its draft. */
  save(composerKey: string, draft: Omit<Draft, 'savedAt'>): void {
    const key = this.key(composerKey);
    if (!key || !this.storage) return;
    const empty = !draft.body.trim() && !draft.title?.trim() && !draft.tags?.trim();
    try {
      if (empty) this.storage.removeItem(key);
      else this.storage.setItem(key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    } catch {
      // Full or switched off: the post itself is unaffected.
    }
  }

  clear(composerKey: string): void {
    const key = this.key(composerKey);
    if (!key || !this.storage) return;
    try {
      this.storage.removeItem(key);
    } catch {
      // Nothing to do.
    }
  }
}
