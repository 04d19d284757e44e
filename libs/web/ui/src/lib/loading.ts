import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** A loading indicator that says what is loading (role="status" so it is announced politely). */
@Component({
  selector: 'lan-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressSpinnerModule],
  template: `<mat-spinner diameter="24" aria-hidden="true" /><span>{{ label() }}</span>`,
  host: { role: 'status' },
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 1rem 0;
    }
  `,
})
export class Loading {
  readonly label = input('Loading…');
}
