import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert, Loading, type PersonalDataOverride } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { MeetingForm, type MeetingFormValue } from './meeting-form';
import { scopeChoices } from './meeting-form-model';
import { createInput } from './meeting-input';
import { type MeetingPlaces, MeetingsData } from './meetings-data';

/** /meetings/new: call a meeting or a series in a scope the person may organise in. */
@Component({
  selector: 'lan-new-meeting-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, MeetingForm],
  template: `
    <p class="back"><a routerLink="/meetings">Back to my meetings</a></p>
    <h1>New meeting</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="The trusts and schools could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (places() === null) {
      <lan-loading label="Loading…" />
    } @else if (!scopes().length) {
      <lan-alert kind="info" title="You cannot call meetings">
        <p>
          Network meetings are called by the network admin and SEND leads, trust meetings by the trust's
          leaders, and school meetings by the school's SENCO or headteacher.
        </p>
        <a mat-stroked-button routerLink="/meetings">Back to my meetings</a>
      </lan-alert>
    } @else {
      <p class="lead">
        Invitations go by email with a calendar file as soon as you save. Times are UK time: a series stays at
        the same time when the clocks change.
      </p>
      <lan-meeting-form
        submitLabel="Save and send invitations"
        [scopes]="scopes()"
        [initial]="initial()"
        [save]="create"
        (cancelled)="back()"
      />
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
      max-width: 48rem;
    }
  `,
})
export class NewMeetingPage implements OnInit {
  private readonly data = inject(MeetingsData);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  protected readonly places = signal<MeetingPlaces | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly scopes = computed(() => scopeChoices(this.session.actor(), this.places()?.trusts ?? []));
  protected readonly initial = computed(() => {
    const only = this.scopes().length === 1 ? this.scopes()[0] : null;
    return only ? { scope: only } : null;
  });

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    try {
      this.places.set(await this.data.places());
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected readonly create = async (value: MeetingFormValue, override: PersonalDataOverride | null) => {
    const series = await this.data.create(createInput(value, override));
    await this.router.navigate(['/meetings', series.id, series.firstDate], {
      state: { saved: `${series.title} saved. Invitations are on their way.` },
    });
  };

  protected back(): void {
    void this.router.navigate(['/meetings']);
  }
}
