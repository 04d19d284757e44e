import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RealtimeService } from '../core/realtime';

export const CONNECTION_MESSAGES = {
  reconnecting: 'Reconnecting…',
  offline: 'Offline – changes will be sent when you reconnect',
} as const;

/**
 * Says when the live connection is down, politely (a status region that is always there, so the
 * change is announced); says nothing while connected or connecting for the first time.
 */
@Component({
  selector: 'lan-connection-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="connection" role="status">
    @if (message(); as text) {
      <p class="banner" [class.offline]="state() === 'offline'">
        <span class="dot" aria-hidden="true"></span>{{ text }}
      </p>
    }
  </div>`,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      margin: 0;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font-weight: 600;
    }
    .banner.offline {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      border: 2px solid currentColor;
      box-sizing: border-box;
    }
  `,
})
export class ConnectionStatus {
  protected readonly state = inject(RealtimeService).connectionState;
  protected readonly message = computed(() => {
    const state = this.state();
    return state === 'reconnecting' || state === 'offline' ? CONNECTION_MESSAGES[state] : null;
  });
}
