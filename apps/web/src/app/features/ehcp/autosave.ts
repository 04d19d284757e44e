import { computed, signal } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';

/**
 * saved: everything typed is stored; pending: typed, waiting for a pause; saving: on its way;
 * failed: the last save did not arrive (retry); conflict: someone else saved a newer version.
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

/**
 * Autosave for a draft's sections: each edit waits for a pause in typing (debounced), then saves;
 * one save at a time (the draft's revision moves on with each), the newest text of each section
 * wins, nothing typed is dropped on a failure. A conflict stops saving until the page reloads.
 */
export class DraftAutosave {
  private readonly pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private readonly stateSignal = signal<SaveState>('saved');
  private readonly problemSignal = signal<string | null>(null);
  private readonly savedAtSignal = signal<Date | null>(null);

  readonly state = this.stateSignal.asReadonly();
  /** The plain-English reason for `failed` or `conflict`. */
  readonly problem = this.problemSignal.asReadonly();
  readonly savedAt = this.savedAtSignal.asReadonly();
  readonly label = computed(() => SAVE_STATE_TEXT[this.stateSignal()]);
  /** Something typed is not stored yet. */
  readonly unsaved = computed(() => this.stateSignal() !== 'saved');

  constructor(
    private readonly save: SaveSection,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  /** A section's text changed (as the person types). */
  edit(key: string, text: string): void {
    this.pending.set(key, text);
    if (this.stateSignal() === 'conflict') return;
    if (this.stateSignal() !== 'saving') this.stateSignal.set('pending');
    this.schedule();
  }

  /** Save whatever is waiting now (leaving a section, exporting, leaving the page). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.stateSignal() === 'conflict') return;
    await this.run();
  }

  /** Try again after a failure. */
  retry(): Promise<void> {
    if (this.stateSignal() === 'conflict') return Promise.resolve();
    return this.flush();
  }

  /** The text not yet stored for a section (null when nothing waits). */
  unsavedText(key: string): string | null {
    return this.pending.get(key) ?? null;
  }

  dispose(): void {
    this.clearTimer();
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
    while (this.pending.size) {
      const [key, text] = this.pending.entries().next().value as [string, string];
      this.pending.delete(key);
      this.stateSignal.set('saving');
      try {
        await this.save(key, text);
      } catch (error) {
        // Keep what was typed (unless newer text arrived meanwhile).
        if (!this.pending.has(key)) this.pending.set(key, text);
        const conflict = isApiError(error) && error.code === ErrorCode.Conflict;
        this.problemSignal.set(
          conflict
            ? 'Someone else saved this draft while you were editing. Copy anything you need, then reload to see their changes.'
            : messageOf(error),
        );
        this.stateSignal.set(conflict ? 'conflict' : 'failed');
        return;
      }
    }
    this.problemSignal.set(null);
    this.savedAtSignal.set(new Date());
    // Typing during the save scheduled another round: show that it is waiting.
    this.stateSignal.set(this.timer !== null ? 'pending' : 'saved');
  }
}
