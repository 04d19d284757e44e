import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MeetingMode, RsvpAnswer } from '@lantern/shared-domain';
import { RSVP_BUTTON, rsvpChoices } from './meetings-model';

/**
 * Quick answers for a meeting: toggle buttons (aria-pressed) for the answers its mode allows;
 * pressing the chosen one again clears it. The group is named after the meeting.
 */
@Component({
  selector: 'lan-rsvp-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div role="group" class="buttons" [attr.aria-label]="groupLabel()">
      @for (a of choices(); track a) {
        <button
          mat-stroked-button
          type="button"
          [class.chosen]="current() === a"
          [attr.aria-pressed]="current() === a"
          [disabled]="busy()"
          (click)="answer.emit(a)"
        >
          {{ words[a] }}
        </button>
      }
    </div>
  `,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    button.chosen {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-color: var(--mat-sys-secondary);
      font-weight: 600;
    }
  `,
})
export class RsvpButtons {
  readonly mode = input.required<MeetingMode>();
  readonly current = input<RsvpAnswer | null>(null);
  readonly label = input.required<string>();
  readonly busy = input(false);
  readonly answer = output<RsvpAnswer>();

  protected readonly words = RSVP_BUTTON;
  protected readonly choices = computed(() => rsvpChoices(this.mode()));
  protected readonly groupLabel = computed(() => `Your answer for ${this.label()}`);
}
