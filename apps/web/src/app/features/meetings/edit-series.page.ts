import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert, Loading, type PersonalDataOverride } from '@lantern/web-ui';
import { MeetingForm, type MeetingFormValue } from './meeting-form';
import { whenFromSeries } from './meeting-form-model';
import { updateInput } from './meeting-input';
import { type MeetingSeries, MeetingsData } from './meetings-data';

/**
 * /meetings/:seriesId/edit ("All meetings in the series"): the series' pattern, place and people.
 * Meetings changed on their own keep their changes; someone else's change in the meantime is said
 * (CONFLICT) and the form reloads.
 */
@Component({
  selector: 'lan-edit-series-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, MeetingForm],
  template: `
    <p class="back"><a [routerLink]="backLink()">Back to the meeting</a></p>
    <h1>Change all meetings in the series</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="The series could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load(seriesId())">Try again</button>
      </lan-alert>
    } @else if (series(); as s) {
      @if (!s.canManage) {
        <lan-alert kind="info" title="Only the chair and the organiser can change the series">
          <a mat-stroked-button [routerLink]="backLink()">Back to the meeting</a>
        </lan-alert>
      } @else {
        <p class="lead">
          Meetings changed on their own keep their own time and place. Everyone invited is told by email.
        </p>
        @if (conflict()) {
          <lan-alert kind="info" title="Someone else changed the series meanwhile">
            <p>The form now shows their changes. Make yours again and save.</p>
          </lan-alert>
        }
        <lan-meeting-form
          submitLabel="Save the series"
          [initial]="initial()"
          [save]="update"
          (cancelled)="back()"
        />
      }
    } @else {
      <lan-loading label="Loading the series…" />
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
      max-width: 48rem;
    }
  `,
})
export class EditSeriesPage {
  private readonly data = inject(MeetingsData);
  private readonly router = inject(Router);

  readonly seriesId = input.required<string>();
  /** ?from=<key>: the meeting to go back to. */
  readonly from = input<string | undefined>();

  protected readonly series = signal<MeetingSeries | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly backLink = computed(() => [
    '/meetings',
    this.seriesId(),
    this.from() ?? this.series()?.firstDate ?? '',
  ]);
  protected readonly initial = computed<Partial<MeetingFormValue> | null>(() => {
    const s = this.series();
    if (!s) return null;
    return {
      title: s.title,
      description: s.description,
      mode: s.mode,
      location: s.location ?? '',
      onlineLink: s.onlineLink ?? '',
      when: whenFromSeries(s),
      chair: s.chair,
      noteTaker: s.noteTaker,
      guests: s.guests,
    };
  });

  constructor() {
    effect(() => {
      const id = this.seriesId();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    this.error.set(null);
    try {
      this.series.set(await this.data.series(id));
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected readonly update = async (value: MeetingFormValue, override: PersonalDataOverride | null) => {
    const s = this.series();
    if (!s) return;
    try {
      const saved = await this.data.updateSeries(updateInput(s.id, s.revision, value, override));
      await this.router.navigate(['/meetings', saved.id, this.from() ?? saved.firstDate], {
        state: { saved: 'The series was changed. Everyone invited is told by email.' },
      });
    } catch (error) {
      if (isApiError(error) && error.is(ErrorCode.Conflict)) {
        this.conflict.set(true);
        this.series.set(null);
        await this.load(s.id);
        return;
      }
      throw error;
    }
  };

  protected back(): void {
    void this.router.navigate(this.backLink());
  }
}
