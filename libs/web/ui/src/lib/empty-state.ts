import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon, IconName } from './icon';

/** What a list says when it has nothing in it, and what to do about it. */
@Component({
  selector: 'lan-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  template: `
    <lan-icon [name]="icon()" [size]="40" />
    <p class="lan-empty-title">{{ title() }}</p>
    <div class="lan-empty-body"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.25rem;
      padding: 2rem 1rem;
      text-align: center;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .lan-empty-title {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .lan-empty-body:empty {
      display: none;
    }
  `,
})
export class EmptyState {
  readonly title = input.required<string>();
  readonly icon = input<IconName>('inbox');
}
