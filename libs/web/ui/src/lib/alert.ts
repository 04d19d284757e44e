import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input } from '@angular/core';
import { Icon } from './icon';

/**
 * A message box. `error` uses role="alert" (read out at once); `info` and `success` use role="status".
 * With `focusOnShow`, it takes focus when it appears, so a keyboard user lands on what went wrong.
 */
@Component({
  selector: 'lan-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: {
    '[attr.role]': "kind() === 'error' ? 'alert' : 'status'",
    '[class]': "'lan-alert lan-alert-' + kind()",
    '[attr.tabindex]': 'focusOnShow() ? -1 : null',
  },
  template: `
    <lan-icon [name]="kind() === 'error' ? 'error' : kind() === 'success' ? 'check' : 'info'" />
    <div class="lan-alert-text">
      @if (title()) {
        <p class="lan-alert-title">{{ title() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      border: 1px solid currentColor;
      margin: 0 0 1rem;
    }
    :host(.lan-alert-error) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.lan-alert-info) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.lan-alert-success) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .lan-alert-title {
      margin: 0 0 0.25rem;
      font-weight: 700;
    }
    .lan-alert-text ::ng-deep p:last-child {
      margin-bottom: 0;
    }
    .lan-alert-text ::ng-deep p:first-child {
      margin-top: 0;
    }
  `,
})
export class Alert {
  readonly kind = input<'error' | 'info' | 'success'>('error');
  readonly title = input<string>('');
  readonly focusOnShow = input(false);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    effect(() => {
      if (this.focusOnShow()) queueMicrotask(() => this.host.nativeElement.focus());
    });
  }
}
