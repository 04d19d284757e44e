import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { MEETING_LIMITS, MEETING_MODE_LABEL, MeetingMode } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, KEPT_BACK, Loading, PersonalDataCheck } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { scopeChoices, scopeInput } from './meeting-form-model';
import { type MeetingPlaces, MeetingsData } from './meetings-data';
import { type PickedPerson, PeoplePicker } from './people-picker';
import { type SlotDraft, slotInstants } from './poll-model';
import { PollsData } from './polls-data';

/** /meetings/polls/new: offer candidate times and ask people when they can meet (as Doodle or Cal.com). */
@Component({
  selector: 'lan-new-poll-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, PeoplePicker],
  template: `
    <p class="back"><a routerLink="/meetings">Back to my meetings</a></p>
    <h1>Find a time</h1>
    @if (loadError(); as message) {
      <lan-alert kind="error" title="The trusts and schools could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (places() === null) {
      <lan-loading label="Loading…" />
    } @else if (!scopes().length) {
      <lan-alert kind="info" title="You cannot call meetings">
        <p>Ask the network admin, a SEND lead, or your school's SENCO or headteacher to find a time.</p>
      </lan-alert>
    } @else {
      <p class="lead">
        Offer a few times (UK time). The people you ask answer yes, if need be or no for each, and Lantern
        marks times that clash with their other meetings. You then pick one and the meeting is made.
      </p>
      <form (submit)="submit($event)" novalidate>
        <label for="poll-scope">Who it is for</label>
        <select id="poll-scope" [value]="scope()" (change)="scope.set(text($event))">
          <option value="">Choose the network, a trust or a school</option>
          @for (s of scopes(); track s.value) {
            <option [value]="s.value">{{ s.label }}</option>
          }
        </select>
        <label for="poll-title">Title</label>
        <input
          id="poll-title"
          [attr.maxlength]="limits.titleMax"
          [value]="title()"
          (input)="title.set(text($event))"
        />
        <fieldset>
          <legend>How</legend>
          @for (m of modes; track m.value) {
            <label class="inline"
              ><input
                type="radio"
                name="poll-mode"
                [value]="m.value"
                [checked]="mode() === m.value"
                (change)="mode.set(m.value)"
              />
              {{ m.label }}</label
            >
          }
        </fieldset>
        <label for="poll-length">Length in minutes</label>
        <input
          id="poll-length"
          type="number"
          min="5"
          max="600"
          inputmode="numeric"
          [value]="minutes()"
          (input)="minutes.set(+text($event))"
        />
        <fieldset>
          <legend>Times to offer (UK time)</legend>
          @for (s of slots(); track $index; let i = $index) {
            <div class="slot">
              <label [for]="'slot-date-' + i">Date {{ i + 1 }}</label>
              <input
                [id]="'slot-date-' + i"
                type="date"
                [value]="s.date"
                (change)="setSlot(i, 'date', text($event))"
              />
              <label [for]="'slot-time-' + i">Start {{ i + 1 }}</label>
              <input
                [id]="'slot-time-' + i"
                type="time"
                step="300"
                [value]="s.time"
                (input)="setSlot(i, 'time', text($event))"
              />
              @if (slots().length > 2) {
                <button mat-button type="button" (click)="removeSlot(i)">
                  Remove<span class="visually-hidden"> time {{ i + 1 }}</span>
                </button>
              }
            </div>
          }
          @if (slots().length < limits.pollSlotsMax) {
            <button mat-stroked-button type="button" (click)="addSlot()">Add a time</button>
          }
        </fieldset>
        <lan-people-picker
          id="poll-invitees"
          label="People to ask"
          [multiple]="true"
          hint="You answer too."
          [(picked)]="invitees"
        />
        @if (problem(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <div class="buttons">
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Sending…' : 'Ask them' }}
          </button>
          <a mat-button routerLink="/meetings">Cancel</a>
        </div>
      </form>
    }
  `,
  styles: `
    .lead,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      max-width: 48rem;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 40rem;
    }
    label {
      font-weight: 600;
      margin-top: 0.5rem;
    }
    label.inline {
      font-weight: normal;
      margin-right: 1rem;
    }
    input:not([type='radio']),
    select {
      padding: 0.5rem;
      font: inherit;
      min-width: 0;
      max-width: 100%;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0.75rem 0 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .slot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin-bottom: 0.5rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class NewPollPage implements OnInit {
  private readonly data = inject(MeetingsData);
  private readonly polls = inject(PollsData);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly personalData = inject(PersonalDataCheck);

  protected readonly limits = MEETING_LIMITS;
  protected readonly modes = Object.values(MeetingMode).map((m) => ({
    value: m,
    label: MEETING_MODE_LABEL[m],
  }));
  protected readonly places = signal<MeetingPlaces | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly scopes = computed(() => scopeChoices(this.session.actor(), this.places()?.trusts ?? []));

  protected readonly scope = signal('');
  protected readonly title = signal('');
  protected readonly mode = signal<MeetingMode>(MeetingMode.Online);
  protected readonly minutes = signal(60);
  protected readonly slots = signal<readonly SlotDraft[]>([
    { date: '', time: '' },
    { date: '', time: '' },
  ]);
  protected readonly invitees = signal<readonly PickedPerson[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const places = await this.data.places();
      this.places.set(places);
      if (this.scopes().length === 1) this.scope.set(this.scopes()[0].value);
    } catch (error) {
      this.loadError.set(messageOf(error));
    }
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setSlot(index: number, field: keyof SlotDraft, value: string): void {
    this.slots.update((s) => s.map((x, i) => (i === index ? { ...x, [field]: value } : x)));
  }

  protected addSlot(): void {
    const last = this.slots()[this.slots().length - 1];
    this.slots.update((s) => [...s, { date: last?.date ?? '', time: last?.time ?? '' }]);
  }

  protected removeSlot(index: number): void {
    this.slots.update((s) => s.filter((_, i) => i !== index));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const choice = this.scopes().find((s) => s.value === this.scope());
    const slots = slotInstants(this.slots());
    let problem: string | null = null;
    if (!choice) problem = 'Choose who the meeting is for.';
    else if (!this.title().trim()) problem = 'Give the meeting a title.';
    else if (!Number.isInteger(this.minutes()) || this.minutes() < 5 || this.minutes() > 600)
      problem = 'A meeting lasts between 5 minutes and 10 hours.';
    else if ('problem' in slots) problem = slots.problem;
    else if (!this.invitees().length) problem = 'Choose at least one person to ask.';
    this.problem.set(problem);
    if (problem || !choice || 'problem' in slots) return;
    this.busy.set(true);
    try {
      const result = await this.personalData.save(
        [{ text: this.title(), set: (t) => this.title.set(t) }],
        (override) =>
          this.polls.create({
            ...scopeInput(choice.scope),
            title: this.title().trim(),
            mode: this.mode(),
            minutes: this.minutes(),
            slots: slots.instants,
            inviteeIds: this.invitees().map((p) => p.id),
            personalDataOverride: override,
          }),
      );
      if (result === KEPT_BACK) return;
      await this.router.navigate(['/meetings/polls', result.id], {
        state: { saved: 'The people you chose were asked.' },
      });
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
