import { computed, signal } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';

/**
 * saved: everything typed is stored; pending: typed, waiting for a pause; saving: on its way;
 * failed: the last save did not arrive (retry); conflict: someone else saved a newer version of a
 * section, and the person has not yet chosen between their text and the other one.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

/** Stores one section's text; rejects with an ApiError (CONFLICT when someone saved first). */
export type SaveSection = (key: string, text: string) => Promise<void>;

export const AUTOSAVE_DELAY_MS = 800;

export const SAVE_STATE_TEXT: Readonly<Record<SaveState, string>> = {
  saved: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
  failed: 'Not saved — retry',
  conflict: 'Not saved — changed elsewhere',
};

export const CONFLICT_PROBLEM =
  'Someone else saved this draft while you were editing. Your text is kept: choose whether to use it or keep theirs.';

/** A section someone else saved first: the person's text, kept until they choose. */
export interface SectionConflict {
  /** The newest text the person typed that was not saved. */
  mine: string;
  /** Older unsaved text from an earlier conflict on the same section (newest first). */
  earlier: readonly string[];
  /**
   * The page has loaded the section's current text and revision from the server, so edits of
   * the section are saved again (against that revision). Until then they only update `mine`.
   */
  reloaded: boolean;
}

/** Pipeline state, without conflicts (those are per section). */
type RunState = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * Autosave for a draft's sections: each edit waits for a pause in typing (debounced), then saves;
 * one save at a time, the newest text of each section wins, nothing typed is dropped. A conflict
 * affects only its own section: the person's text is kept in `conflicts` (never sent over the other
 * change) while other sections go on saving; once the page has reloaded the section
 * (`reloaded`), the person chooses `useMine` or `keepTheirs`, and edits of it save again.
 */
export class DraftAutosave {
  private readonly pending = new Map<string, string>();
  /** The section whose save is on its way. */
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private readonly runSignal = signal<RunState>('saved');
  private readonly failureSignal = signal<string | null>(null);
  private readonly savedAtSignal = signal<Date | null>(null);
  private readonly conflictsSignal = signal<Readonly<Record<string, SectionConflict>>>({});

  /** Sections someone else saved first, by key. */
  readonly conflicts = this.conflictsSignal.asReadonly();
  readonly conflictKeys = computed(() => Object.keys(this.conflictsSignal()).sort());
  readonly state = computed<SaveState>(() => {
    const run = this.runSignal();
    if (run === 'failed' || run === 'pending' || run === 'saving') return run;
    return this.conflictKeys().length ? 'conflict' : 'saved';
  });
  /** The plain-English reason for `failed` or `conflict`. */
  readonly problem = computed(() =>
    this.runSignal() === 'failed'
      ? this.failureSignal()
      : this.conflictKeys().length
        ? CONFLICT_PROBLEM
        : null,
  );
  readonly savedAt = this.savedAtSignal.asReadonly();
  readonly label = computed(() => SAVE_STATE_TEXT[this.state()]);
  /** Something typed is not stored yet (waiting, failed or in conflict). */
  readonly unsaved = computed(() => this.state() !== 'saved');

  constructor(
    private readonly save: SaveSection,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    /** Told when a section's save met a newer save (so the page can load the current text). */
    private readonly onConflict: (key: string) => void = () => undefined,
  ) {}

  /** A section's text changed (as the person types). */
  edit(key: string, text: string): void {
    const conflict = this.conflictsSignal()[key];
    if (conflict && !conflict.reloaded) {
      // Its revision is stale: sending would only conflict again. Keep the newest text as theirs.
      this.setConflict(key, { ...conflict, mine: text });
      return;
    }
    this.pending.set(key, text);
    if (this.runSignal() !== 'saving') this.runSignal.set('pending');
    this.schedule();
  }

  /** Save whatever is waiting now (leaving a section, exporting, reloading, leaving the page). */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.run();
  }

  /** Try again after a failure. */
  retry(): Promise<void> {
    return this.flush();
  }

  /** The text not yet stored for a section (null when nothing waits). */
  unsavedText(key: string): string | null {
    return this.pending.get(key) ?? this.conflictsSignal()[key]?.mine ?? null;
  }

  /** The person's kept text for a section in conflict (null when none). */
  conflictText(key: string): string | null {
    return this.conflictsSignal()[key]?.mine ?? null;
  }

  /** A save of this section waits or is on its way (its local text and revision are newer). */
  busy(key: string): boolean {
    return this.pending.has(key) || this.inFlight === key;
  }

  /** The page now holds the section's current text and revision: its edits save again. */
  reloaded(key: string): void {
    const conflict = this.conflictsSignal()[key];
    if (conflict && !conflict.reloaded) this.setConflict(key, { ...conflict, reloaded: true });
  }

  /**
   * Resolve a conflict with the person's text: it is queued to save (against the revision the page
   * reloaded). Returns the text, or null when the section is not in conflict.
   */
  useMine(key: string): string | null {
    const conflict = this.conflictsSignal()[key];
    if (!conflict) return null;
    this.dropConflict(key);
    this.edit(key, conflict.mine);
    return conflict.mine;
  }

  /** Resolve a conflict by keeping the other person's text (the person's own text is discarded). */
  keepTheirs(key: string): void {
    this.dropConflict(key);
  }

  dispose(): void {
    this.clearTimer();
  }

  private setConflict(key: string, conflict: SectionConflict): void {
    this.conflictsSignal.update((all) => ({ ...all, [key]: conflict }));
  }

  private dropConflict(key: string): void {
    this.conflictsSignal.update((all) => {
      const rest = { ...all };
      delete rest[key];
      return rest;
    });
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(): Promise<void> {
    let saved = false;
    while (this.pending.size) {
      const [key, text] = this.pending.entries().next().value as [string, string];
      this.pending.delete(key);
      this.inFlight = key;
      this.runSignal.set('saving');
      try {
        await this.save(key, text);
        saved = true;
      } catch (error) {
        if (isApiError(error) && error.code === ErrorCode.Conflict) {
          // Keep the newest text typed for the section; the other sections carry on saving.
          const mine = this.pending.get(key) ?? text;
          this.pending.delete(key);
          const before = this.conflictsSignal()[key];
          const earlier = before ? [before.mine, ...before.earlier].filter((t) => t !== mine) : [];
          this.setConflict(key, { mine, earlier: [...new Set(earlier)], reloaded: false });
          this.onConflict(key);
          continue;
        }
        // Keep what was typed (unless newer text arrived meanwhile).
        if (!this.pending.has(key)) this.pending.set(key, text);
        this.failureSignal.set(messageOf(error));
        this.runSignal.set('failed');
        return;
      } finally {
        this.inFlight = null;
      }
    }
    this.failureSignal.set(null);
    if (saved) this.savedAtSignal.set(new Date());
    // Typing during the save scheduled another round: show that it is waiting.
    this.runSignal.set(this.timer !== null ? 'pending' : 'saved');
  }
}
