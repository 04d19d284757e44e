import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { AGENDA_PURPOSE_LABEL, AgendaPurpose, MEETING_LIMITS } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { AgendaData } from './agenda-data';
import { AgendaStore } from './agenda-store';
import { PaperUpload, type UploadedPaper, linkedId } from './paper-upload';

/**
 * "Propose an item": title, purpose, who presents, how long, a link to a library resource or forum
 * thread, and papers. The chair's and organiser's own items are accepted at once; others wait for
 * the chair. The personal-data check applies to the title and the papers' names.
 */
@Component({
  selector: 'lan-propose-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatRadioModule],
  template: `
    <details class="propose" [open]="open()" (toggle)="open.set($any($event.target).open)">
      <summary>Propose an agenda item</summary>
      <form (submit)="submit($event)" novalidate>
        <label for="item-title">Title</label>
        <input
          id="item-title"
          [attr.maxlength]="limits.itemTitleMax"
          [value]="title()"
          (input)="title.set(text($event))"
          [attr.aria-describedby]="problem() ? 'item-problem' : null"
        />
        <fieldset>
          <legend>Purpose</legend>
          <mat-radio-group
            class="radios"
            [value]="purpose()"
            (change)="purpose.set($event.value)"
            aria-label="Purpose of the item"
          >
            @for (p of purposes; track p.value) {
              <mat-radio-button [value]="p.value">{{ p.label }}</mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <label for="item-minutes">Minutes needed</label>
        <input
          id="item-minutes"
          type="number"
          min="1"
          [attr.max]="limits.itemMinutesMax"
          inputmode="numeric"
          [value]="minutes()"
          (input)="minutes.set(+text($event))"
        />
        <label class="check"
          ><input
            type="checkbox"
            [checked]="presentIt()"
            (change)="presentIt.set($any($event.target).checked)"
          />
          I will present it</label
        >
        <label for="item-link">Link to a library resource or forum thread (optional)</label>
        <input
          id="item-link"
          type="url"
          [value]="link()"
          (input)="link.set(text($event))"
          aria-describedby="item-link-hint"
        />
        <p class="hint" id="item-link-hint">
          Paste its address from Lantern, for example from the address bar.
        </p>
        <label for="item-papers">Papers (optional)</label>
        <input id="item-papers" type="file" multiple (change)="addPapers($event)" />
        @if (papers().length) {
          <ul class="papers">
            @for (p of papers(); track p.id) {
              <li>
                {{ p.name }}
                <button mat-button type="button" (click)="removePaper(p.id)">
                  Remove<span class="visually-hidden"> {{ p.name }}</span>
                </button>
              </li>
            }
          </ul>
        }
        @if (problem(); as message) {
          <p class="error" id="item-problem" role="alert">{{ message }}</p>
        }
        <div class="buttons">
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Sending…' : 'Propose the item' }}
          </button>
        </div>
      </form>
    </details>
    <p role="status" class="status">{{ done() }}</p>
  `,
  styles: `
    .propose {
      margin: 1rem 0;
      padding: 0.5rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 0.25rem 0;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 36rem;
    }
    label {
      font-weight: 600;
      margin-top: 0.5rem;
    }
    .check {
      font-weight: normal;
    }
    input:not([type='checkbox']) {
      padding: 0.5rem;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      min-width: 0;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0.5rem 0 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .buttons {
      margin-top: 0.75rem;
    }
    .status {
      min-height: 1.25rem;
    }
  `,
})
export class ProposeItem {
  private readonly data = inject(AgendaData);
  private readonly store = inject(AgendaStore);
  private readonly session = inject(Session);
  private readonly personalData = inject(PersonalDataCheck);
  private readonly uploads = inject(PaperUpload);

  protected readonly limits = MEETING_LIMITS;
  protected readonly purposes = Object.values(AgendaPurpose).map((p) => ({
    value: p,
    label: AGENDA_PURPOSE_LABEL[p],
  }));
  protected readonly open = signal(false);
  protected readonly title = signal('');
  protected readonly purpose = signal<AgendaPurpose>(AgendaPurpose.Discuss);
  protected readonly minutes = signal(10);
  protected readonly presentIt = signal(true);
  protected readonly link = signal('');
  protected readonly papers = signal<readonly UploadedPaper[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal('');

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async addPapers(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    this.busy.set(true);
    try {
      for (const file of files) {
        const paper = await this.uploads.upload(file);
        this.papers.update((p) => [...p, paper]);
        this.done.set(`${paper.name} uploaded.`);
      }
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      input.value = '';
      this.busy.set(false);
    }
  }

  protected removePaper(id: string): void {
    this.papers.update((p) => p.filter((x) => x.id !== id));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.done.set('');
    const title = this.title().trim();
    const link = this.link().trim();
    const resourceId = link ? linkedId(link, 'resource') : null;
    const threadId = link ? linkedId(link, 'thread') : null;
    if (!title) return this.problem.set('Give the item a title.');
    if (
      !Number.isInteger(this.minutes()) ||
      this.minutes() < 1 ||
      this.minutes() > MEETING_LIMITS.itemMinutesMax
    )
      return this.problem.set(`Give the time needed as 1 to ${MEETING_LIMITS.itemMinutesMax} minutes.`);
    if (link && !resourceId && !threadId)
      return this.problem.set(
        'That link is not a Lantern library resource or forum thread. Paste its address, or leave it empty.',
      );
    this.problem.set(null);
    this.busy.set(true);
    try {
      const result = await this.personalData.save(
        [{ text: this.title(), set: (t) => this.title.set(t) }],
        (override) =>
          this.data.propose({
            ...this.store.ids,
            title,
            purpose: this.purpose(),
            minutes: this.minutes(),
            presenterId: this.presentIt() ? (this.session.user()?.id ?? null) : null,
            resourceId,
            threadId,
            fileIds: this.papers().map((p) => p.id),
            personalDataOverride: override,
          }),
      );
      if (result === KEPT_BACK) return;
      this.store.take(result);
      this.done.set(
        result.status === 'ACCEPTED'
          ? `${result.title} is on the agenda.`
          : `${result.title} was proposed. The chair will accept or decline it.`,
      );
      this.title.set('');
      this.link.set('');
      this.papers.set([]);
      this.minutes.set(10);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
