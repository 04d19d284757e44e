import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AGENDA_PURPOSE_LABEL, AgendaPurpose, MEETING_LIMITS } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { type AgendaItem, AgendaData } from './agenda-data';
import { AgendaStore } from './agenda-store';

/** Change an agenda item's title, purpose and time (its proposer while proposed; the chair always). */
@Component({
  selector: 'lan-item-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <form class="editor" (submit)="save($event)" novalidate>
      <label [for]="'edit-item-title-' + item().id">Title</label>
      <input
        [id]="'edit-item-title-' + item().id"
        [attr.maxlength]="limits.itemTitleMax"
        [value]="title()"
        (input)="title.set(text($event))"
      />
      <label [for]="'edit-item-purpose-' + item().id">Purpose</label>
      <select
        [id]="'edit-item-purpose-' + item().id"
        [value]="purpose()"
        (change)="purpose.set($any(text($event)))"
      >
        @for (p of purposes; track p.value) {
          <option [value]="p.value">{{ p.label }}</option>
        }
      </select>
      <label [for]="'edit-item-minutes-' + item().id">Minutes needed</label>
      <input
        [id]="'edit-item-minutes-' + item().id"
        type="number"
        min="1"
        [attr.max]="limits.itemMinutesMax"
        inputmode="numeric"
        [value]="minutes()"
        (input)="minutes.set(+text($event))"
      />
      @if (problem(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      <div class="buttons">
        <button mat-stroked-button type="submit" [disabled]="busy()">Save the item</button>
        <button mat-button type="button" (click)="done.emit('')">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 32rem;
      margin-top: 0.5rem;
    }
    label {
      font-weight: 600;
    }
    input,
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
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ItemEditor implements OnInit {
  private readonly data = inject(AgendaData);
  private readonly store = inject(AgendaStore);
  private readonly personalData = inject(PersonalDataCheck);

  readonly item = input.required<AgendaItem>();
  /** '' when cancelled, else what happened (for the page's status line). */
  readonly done = output<string>();

  protected readonly limits = MEETING_LIMITS;
  protected readonly purposes = Object.values(AgendaPurpose).map((p) => ({
    value: p,
    label: AGENDA_PURPOSE_LABEL[p],
  }));
  protected readonly title = signal('');
  protected readonly purpose = signal<AgendaPurpose>(AgendaPurpose.Discuss);
  protected readonly minutes = signal(10);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    const i = this.item();
    this.title.set(i.title);
    this.purpose.set(i.purpose);
    this.minutes.set(i.minutes);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const title = this.title().trim();
    if (!title) return this.problem.set('Give the item a title.');
    if (
      !Number.isInteger(this.minutes()) ||
      this.minutes() < 1 ||
      this.minutes() > MEETING_LIMITS.itemMinutesMax
    )
      return this.problem.set(`Give the time needed as 1 to ${MEETING_LIMITS.itemMinutesMax} minutes.`);
    this.problem.set(null);
    this.busy.set(true);
    try {
      const result = await this.personalData.save(
        [{ text: this.title(), set: (t) => this.title.set(t) }],
        (override) =>
          this.data.update({
            id: this.item().id,
            title,
            purpose: this.purpose(),
            minutes: this.minutes(),
            personalDataOverride: override,
          }),
      );
      if (result === KEPT_BACK) return;
      this.store.take(result);
      await this.store.reload();
      this.done.emit(`${result.title} saved.`);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
