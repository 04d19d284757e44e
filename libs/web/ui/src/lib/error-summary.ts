import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';

/** One problem with a form: the message and the id of the field it is about. */
export interface FormProblem {
  /** The id of the control to move focus to (the first radio of a group, a checkbox's input). */
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK-style error summary at the top of a form: "There is a problem", then each problem as a
 * link that moves focus to its field. It takes focus when it appears after a submit (`focusKey`
 * changes with each attempt), so keyboard and screen reader users hear what went wrong first.
 */
@Component({
  selector: 'lan-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'lan-error-summary',
    tabindex: '-1',
    role: 'alert',
    '[attr.aria-labelledby]': "problems().length ? 'lan-error-summary-title' : null",
    '[hidden]': '!problems().length',
  },
  template: `
    @if (problems().length) {
      <h2 id="lan-error-summary-title">There is a problem</h2>
      <ul>
        @for (p of problems(); track p.fieldId + p.message) {
          <li>
            <a [attr.href]="'#' + p.fieldId" (click)="go($event, p.fieldId)">{{ p.message }}</a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 1.5rem;
      padding: 1rem 1.25rem;
      border: 4px solid var(--mat-sys-error);
      border-radius: 4px;
    }
    :host([hidden]) {
      display: none;
    }
    :host:focus {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    a {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class ErrorSummary {
  readonly problems = input.required<readonly FormProblem[]>();
  /** Changes with each submit attempt that found problems: the summary then takes focus. */
  readonly focusKey = input(0);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (!this.focusKey()) return;
      untracked(() => {
        if (!this.problems().length) return;
        afterNextRender(() => this.host.nativeElement.focus(), { injector: this.injector });
      });
    });
  }

  protected go(event: Event, fieldId: string): void {
    event.preventDefault();
    const field = document.getElementById(fieldId);
    if (!field) return;
    field.focus();
    field.scrollIntoView?.({ block: 'center' });
  }
}
