/** The clock the typing signals use (a fake one in tests). */
export interface TypingClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_CLOCK: TypingClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Say "typing" at most this often while typing goes on. */
export const TYPING_EVERY_MS = 2_000;
/** Say "stopped" after this long without a keystroke. */
export const TYPING_IDLE_MS = 5_000;
/** Forget someone's "typing" after this long without hearing it again (their "stopped" may be lost). */
export const TYPING_FORGET_MS = 7_000;

/**
 * Our own typing, as signals to the room: `typing: true` on the first keystroke and then at most
 * every 2 s while typing goes on, `typing: false` after 5 s without a keystroke, or at once when the
 * message is sent or the composer is left.
 */
export class TypingSignaller {
  private lastSent = -Infinity;
  private typing = false;
  private idle: unknown = null;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly clock: TypingClock = REAL_CLOCK,
  ) {}

  /** A keystroke in the composer (with text in it; an emptied composer counts as stopping). */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.clock.now();
    if (!this.typing || now - this.lastSent >= TYPING_EVERY_MS) {
      this.typing = true;
      this.lastSent = now;
      this.emit(true);
    }
    if (this.idle !== null) this.clock.clearTimeout(this.idle);
    this.idle = this.clock.setTimeout(() => {
      this.idle = null;
      this.stop();
    }, TYPING_IDLE_MS);
  }

  /** Sent, left, or idle: say "stopped" once, if we had said "typing". */
  stop(): void {
    if (this.idle !== null) this.clock.clearTimeout(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.lastSent = -Infinity;
    this.emit(false);
  }
}

/**
 * Who else is typing, from their signals: each is forgotten when they say they stopped, when their
 * message arrives, or 7 s after we last heard from them.
 */
export class TypingWatch {
  private readonly timers = new Map<string, unknown>();

  constructor(
    private readonly changed: (userIds: readonly string[]) => void,
    private readonly clock: TypingClock = REAL_CLOCK,
  ) {}

  signal(userId: string, typing: boolean): void {
    const timer = this.timers.get(userId);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    if (typing) {
      this.timers.set(
        userId,
        this.clock.setTimeout(() => this.forget(userId), TYPING_FORGET_MS),
      );
      if (timer === undefined) this.report();
    } else if (timer !== undefined) {
      this.timers.delete(userId);
      this.report();
    }
  }

  /** Their message arrived: they are no longer typing it. */
  forget(userId: string): void {
    this.signal(userId, false);
  }

  clear(): void {
    for (const t of this.timers.values()) this.clock.clearTimeout(t);
    this.timers.clear();
    this.report();
  }

  private report(): void {
    this.changed([...this.timers.keys()]);
  }
}
