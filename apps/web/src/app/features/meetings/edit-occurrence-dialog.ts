import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { MEETING_LIMITS, MEETING_MODE_LABEL, MeetingMode } from '@lantern/shared-domain';
import { placeProblem } from './meeting-form-model';
import type { EditScope, OccurrenceChanges } from './occurrence-store';

export interface EditOccurrenceData {
  title: string;
  date: string;
  startTime: string;
  minutes: number;
  mode: MeetingMode;
  location: string | null;
  onlineLink: string | null;
  /** Which choices to offer: a one-off has only "This meeting". */
  isSeries: boolean;
}

/** What the dialog closes with: a change of this/following, "all" (open the series form), or nothing. */
export type EditOccurrenceResult =
  | { scope: EditScope; changes: OccurrenceChanges }
  | { scope: 'ALL' }
  | undefined;

/**
 * "Edit": first Outlook's choice — this meeting, this and following, or all meetings in the series —
 * then the fields that choice may change (a date only for this one; the title for this and following).
 */
@Component({
  selector: 'lan-edit-occurrence-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatRadioModule],
  template: `
    <h2 mat-dialog-title>Change the meeting</h2>
    <mat-dialog-content>
      @if (data.isSeries) {
        <fieldset>
          <legend>Which meetings?</legend>
          <mat-radio-group
            class="radios"
            [value]="scope()"
            (change)="scope.set($event.value)"
            aria-label="Which meetings to change"
          >
            <mat-radio-button value="THIS">This meeting</mat-radio-button>
            <mat-radio-button value="THIS_AND_FOLLOWING">This and following</mat-radio-button>
            <mat-radio-button value="ALL">All meetings in the series</mat-radio-button>
          </mat-radio-group>
        </fieldset>
      }
      @if (scope() === 'ALL') {
        <p>
          You will change the series' pattern, people and details. Meetings changed on their own keep their
          changes.
        </p>
      } @else {
        @if (scope() === 'THIS_AND_FOLLOWING') {
          <p class="hint">
            From this meeting on, the series continues with these changes; earlier meetings stay as they were.
          </p>
          <label for="edit-title">Title</label>
          <input
            id="edit-title"
            [attr.maxlength]="limits.titleMax"
            [value]="title()"
            (input)="title.set(text($event))"
          />
        }
        @if (scope() === 'THIS') {
          <label for="edit-date">Date</label>
          <input id="edit-date" type="date" [value]="date()" (change)="date.set(text($event))" />
        }
        <label for="edit-time">Start time (UK time)</label>
        <input id="edit-time" type="time" step="300" [value]="time()" (input)="time.set(text($event))" />
        <label for="edit-length">Length in minutes</label>
        <input
          id="edit-length"
          type="number"
          min="5"
          max="600"
          inputmode="numeric"
          [value]="minutes()"
          (input)="minutes.set(+text($event))"
        />
        <fieldset>
          <legend>Where</legend>
          <mat-radio-group
            class="radios"
            [value]="mode()"
            (change)="mode.set($event.value)"
            aria-label="How people join"
          >
            @for (m of modes; track m.value) {
              <mat-radio-button [value]="m.value">{{ m.label }}</mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        @if (mode() !== 'ONLINE') {
          <label for="edit-location">Place</label>
          <input
            id="edit-location"
            [attr.maxlength]="limits.locationMax"
            [value]="location()"
            (input)="location.set(text($event))"
          />
        }
        @if (mode() !== 'IN_PERSON') {
          <label for="edit-link">Joining link</label>
          <input
            id="edit-link"
            type="url"
            [attr.maxlength]="limits.linkMax"
            [value]="link()"
            (input)="link.set(text($event))"
          />
        }
        @if (problem(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="done()">
        {{ scope() === 'ALL' ? 'Change the series' : 'Save the change' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    fieldset {
      border: none;
      margin: 0.5rem 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
    }
    .radios {
      display: flex;
      flex-direction: column;
    }
    label {
      margin-top: 0.5rem;
      font-weight: 600;
    }
    input {
      padding: 0.5rem;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      min-width: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class EditOccurrenceDialog {
  protected readonly data = inject<EditOccurrenceData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EditOccurrenceDialog, EditOccurrenceResult>>(MatDialogRef);

  protected readonly limits = MEETING_LIMITS;
  protected readonly modes = Object.values(MeetingMode).map((m) => ({
    value: m,
    label: MEETING_MODE_LABEL[m],
  }));
  protected readonly scope = signal<EditScope | 'ALL'>('THIS');
  protected readonly title = signal(this.data.title);
  protected readonly date = signal(this.data.date);
  protected readonly time = signal(this.data.startTime);
  protected readonly minutes = signal(this.data.minutes);
  protected readonly mode = signal<MeetingMode>(this.data.mode);
  protected readonly location = signal(this.data.location ?? '');
  protected readonly link = signal(this.data.onlineLink ?? '');
  private readonly tried = signal(false);

  private readonly firstProblem = computed(() => {
    if (this.scope() === 'THIS' && !/^\d{4}-\d{2}-\d{2}$/.test(this.date()))
      return 'Give the date as a date.';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(this.time())) return 'Give the start time as HH:MM (24-hour).';
    if (!Number.isInteger(this.minutes()) || this.minutes() < 5 || this.minutes() > 600)
      return 'A meeting lasts between 5 minutes and 10 hours.';
    if (this.scope() === 'THIS_AND_FOLLOWING' && !this.title().trim()) return 'Give the meeting a title.';
    return (
      placeProblem({ mode: this.mode(), location: this.location(), onlineLink: this.link() })?.message ?? null
    );
  });
  protected readonly problem = computed(() => (this.tried() ? this.firstProblem() : null));

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected done(): void {
    const scope = this.scope();
    if (scope === 'ALL') {
      this.ref.close({ scope: 'ALL' });
      return;
    }
    this.tried.set(true);
    if (this.firstProblem()) return;
    const changes: OccurrenceChanges = {
      startTime: this.time(),
      minutes: this.minutes(),
      mode: this.mode(),
      location: this.mode() !== MeetingMode.Online ? this.location().trim() || null : null,
      onlineLink: this.mode() !== MeetingMode.InPerson ? this.link().trim() || null : null,
    };
    if (scope === 'THIS') changes.date = this.date();
    if (scope === 'THIS_AND_FOLLOWING') changes.title = this.title().trim();
    this.ref.close({ scope, changes });
  }
}
