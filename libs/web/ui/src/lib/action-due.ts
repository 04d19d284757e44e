import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ActionDueState, ActionStatus } from '@lantern/shared-domain';
import { Icon } from './icon';

const DUE_WORDS: Readonly<Record<ActionDueState, string | null>> = {
  [ActionDueState.Overdue]: 'Overdue',
  [ActionDueState.Today]: 'Due today',
  [ActionDueState.Soon]: 'Due soon',
  [ActionDueState.Later]: null,
  [ActionDueState.Closed]: null,
};

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "12 March 2026" for a YYYY-MM-DD date (a date in England). */
export function actionDateText(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : LONG_DATE.format(d);
}

/** "Overdue", "Due today", "Due soon", or null: the words for an action's due state. */
export function actionDueWords(state: ActionDueState): string | null {
  return DUE_WORDS[state];
}

/**
 * When an action is due, in words and not colour alone: "Overdue, was due 3 March 2026", "Due today",
 * "Due soon, due 14 March 2026", "Due 20 March 2026", "Done (was due 3 March 2026)".
 */
@Component({
  selector: 'lan-action-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  template: `
    @if (words(); as w) {
      <span
        class="lan-badge due"
        [class.overdue]="state() === 'OVERDUE'"
        [class.soon]="state() !== 'OVERDUE'"
      >
        <lan-icon [name]="state() === 'OVERDUE' ? 'error' : 'info'" [size]="16" />{{ w }}
      </span>
      @if (dateText()) {
        <span class="visually-hidden">, </span>
      }
    }
    @if (dateText()) {
      <span class="date">{{ dateText() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .due.overdue {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-color: var(--mat-sys-error);
    }
    .due.soon {
      background: #fff4e0;
      color: #3d2800;
      border-color: #8a5a00;
    }
  `,
})
export class ActionDue {
  readonly dueOn = input.required<string>();
  readonly state = input.required<ActionDueState>();
  readonly status = input<ActionStatus>(ActionStatus.Open);
  protected readonly words = computed(() => actionDueWords(this.state()));
  protected readonly dateText = computed(() => {
    const date = actionDateText(this.dueOn());
    if (this.status() === ActionStatus.Done) return `Done (was due ${date})`;
    if (this.status() === ActionStatus.Cancelled) return `Cancelled (was due ${date})`;
    switch (this.state()) {
      case ActionDueState.Today:
        return '';
      case ActionDueState.Overdue:
        return `was due ${date}`;
      case ActionDueState.Soon:
        return `due ${date}`;
      default:
        return `Due ${date}`;
    }
  });
}
