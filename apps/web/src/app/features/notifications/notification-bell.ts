import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { NotificationCenter } from './notification-center';

/** "Notifications", or "Notifications, 3 unread". */
export function bellLabel(unread: number | null): string {
  return unread ? `Notifications, ${unread} unread` : 'Notifications';
}

/** The bell in the top bar: the unread count, and the notification panel when pressed. */
@Component({
  selector: 'lan-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, Icon],
  template: `<button
    mat-icon-button
    type="button"
    class="bell"
    [attr.aria-label]="label()"
    aria-haspopup="dialog"
    [attr.aria-expanded]="open()"
    (click)="show()"
  >
    <lan-icon name="notifications" />
    @if (badge(); as text) {
      <span class="badge" aria-hidden="true">{{ text }}</span>
    }
  </button>`,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 1.25rem;
      height: 1.25rem;
      padding: 0 0.3rem;
      box-sizing: border-box;
      border-radius: 0.625rem;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
      pointer-events: none;
    }
  `,
})
export class NotificationBell {
  private readonly center = inject(NotificationCenter);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly session = inject(Session);
  private readonly userId = computed(() => this.session.user()?.id ?? null);

  protected readonly open = signal(false);
  protected readonly label = computed(() => bellLabel(this.center.unread()));
  protected readonly badge = computed(() => {
    const n = this.center.unread() ?? 0;
    return n <= 0 ? null : n > 99 ? '99+' : String(n);
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.userId();
      if (!id) return;
      const stop = untracked(() => this.center.connect(id));
      onCleanup(stop);
    });
  }

  protected async show(): Promise<void> {
    if (this.open()) return;
    this.open.set(true);
    try {
      const { NotificationPanel } = await import('./notification-panel');
      const ref = this.dialog.open(NotificationPanel, {
        injector: this.injector,
        position: { top: '4.25rem', right: '1rem' },
        width: '28rem',
        maxWidth: 'calc(100vw - 2rem)',
        maxHeight: 'calc(100vh - 5.5rem)',
        autoFocus: 'first-heading',
        restoreFocus: true,
        backdropClass: 'cdk-overlay-transparent-backdrop',
        panelClass: 'lan-notification-panel',
      });
      ref.afterClosed().subscribe(() => this.open.set(false));
    } catch {
      this.open.set(false);
    }
  }
}
