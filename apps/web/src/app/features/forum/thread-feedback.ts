import { type AriaLivePoliteness, LiveAnnouncer } from '@angular/cdk/a11y';
import { Injectable, Injector, afterNextRender, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { messageOf } from '@lantern/web-graphql';

/**
 * How the thread page tells the person what happened: a screen-reader announcement, a toast for a
 * refusal, and focus moved once the change is on screen. Provided by the page (one per page).
 */
@Injectable()
export class ThreadFeedback {
  private readonly announcer = inject(LiveAnnouncer);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);

  announce(message: string, politeness?: AriaLivePoliteness): void {
    void (politeness ? this.announcer.announce(message, politeness) : this.announcer.announce(message));
  }

  /** Something the person asked for did not work: say why, until they dismiss it. */
  fail(error: unknown): void {
    this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
  }

  toast(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 6000 });
  }

  /** Run `fn` once the page has rendered the current state (unless the page is gone by then). */
  afterRender(fn: () => void): void {
    afterNextRender(fn, { injector: this.injector });
  }

  /** Focus what `selector` finds once it is on screen (made focusable when it is not). */
  focusLater(selector: string): void {
    this.afterRender(() => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return;
      if (!el.matches('a, button, input, textarea, select, [tabindex]')) el.setAttribute('tabindex', '-1');
      el.focus();
    });
  }
}
