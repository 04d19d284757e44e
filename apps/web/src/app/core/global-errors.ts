import { DestroyRef, Injectable, Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ErrorCode } from '@lantern/shared-domain';
import { type ApiError, GraphqlClient } from '@lantern/web-graphql';
import { Session } from './session';

/**
 * Failures that are nobody's typing mistake (network down, server error) are shown once, as a toast
 * that stays until dismissed. A session that ends while in use sends the person to sign in again.
 */
@Injectable({ providedIn: 'root' })
export class GlobalErrors {
  private readonly injector = inject(Injector);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly client = inject(GraphqlClient);
  private lastMessage = '';
  private lastAt = 0;

  start(destroyRef: DestroyRef): void {
    const sub = this.client.errors$.subscribe((error) => this.handle(error));
    destroyRef.onDestroy(() => sub.unsubscribe());
  }

  handle(error: ApiError): void {
    if (error.code === ErrorCode.Unauthenticated) {
      this.sessionEnded();
      return;
    }
    if (!error.isGlobal) return;
    this.show(error.message);
  }

  /** The session ended while in use: back to sign in, with a note and where the person was. */
  sessionEnded(): void {
    // Not when this tab is signing out itself: that goes to sign in with its own note.
    if (!this.session.signedIn() || this.session.ending()) return;
    this.session.clear();
    const returnUrl = this.router.url;
    void this.router.navigate(['/sign-in'], { queryParams: { returnUrl, reason: 'ended' } });
  }

  /** A message for everyone to see until dismissed (the same message twice in a row shows once). */
  show(message: string): void {
    const now = Date.now();
    // Several requests failing together say the same thing once.
    if (message === this.lastMessage && now - this.lastAt < 3000) return;
    this.lastMessage = message;
    this.lastAt = now;
    void this.toast(message);
  }

  /** The snack bar is loaded on first use: it stays out of the first download. */
  private async toast(message: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector.get(MatSnackBar).open(message, 'Dismiss', {
      politeness: 'assertive',
      panelClass: 'lan-error-toast',
      duration: 0,
    });
  }
}
