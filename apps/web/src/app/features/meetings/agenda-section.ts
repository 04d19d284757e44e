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
import { RouterLink } from '@angular/router';
import { AGENDA_PURPOSE_LABEL, AgendaItemStatus } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { formatDateTime } from '../../core/format';
import type { AgendaItem } from './agenda-data';
import { deadlineInstant, timingText } from './agenda-model';
import { AgendaStore } from './agenda-store';
import { ItemEditor } from './item-editor';
import { LiveBar } from './live-bar';
import { MinutesPanel } from './minutes-panel';
import { ProposeItem } from './propose-item';

/**
 * A meeting's agenda: the accepted items in order with their time against the meeting's length
 * (a warning when over), proposals waiting for the chair, and for the chair accept / decline, move
 * up / down (buttons, so it works by keyboard) and publish with a papers deadline. The live bar and
 * the minutes follow.
 */
@Component({
  selector: 'lan-agenda-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, ItemEditor, LiveBar, MinutesPanel, ProposeItem],
  providers: [AgendaStore],
  templateUrl: './agenda-section.html',
  styleUrl: './agenda-section.scss',
})
export class AgendaSection {
  protected readonly store = inject(AgendaStore);

  readonly seriesId = input.required<string>();
  readonly key = input.required<string>();
  readonly meetingMinutes = input.required<number>();
  readonly title = input.required<string>();

  protected readonly agenda = this.store.agenda;
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly deadline = signal('');
  /** The item being changed (its id), if any. */
  protected readonly editing = signal<string | null>(null);
  protected readonly purposeLabel = AGENDA_PURPOSE_LABEL;
  protected readonly dateTime = formatDateTime;
  protected readonly timing = computed(() => {
    const t = this.agenda()?.timing;
    return t ? { text: timingText(t.totalMinutes, t.meetingMinutes), over: t.over } : null;
  });

  constructor() {
    effect(() => {
      const seriesId = this.seriesId();
      const key = this.key();
      untracked(() => void this.store.load(seriesId, key));
    });
  }

  /** The meeting's start time has come (the note-taker may write minutes without starting the timer). */
  protected begun(startsAt: string): boolean {
    return new Date(startsAt).getTime() <= Date.now();
  }

  protected edited(message: string): void {
    this.editing.set(null);
    if (message) this.message.set(message);
  }

  protected presenter(item: AgendaItem): string {
    return item.presenter ? `Presented by ${item.presenter.displayName}` : 'No presenter named';
  }

  protected async decide(item: AgendaItem, accept: boolean): Promise<void> {
    await this.run(
      () => this.store.decide(item, accept ? AgendaItemStatus.Accepted : AgendaItemStatus.Declined),
      accept ? `${item.title} accepted: it is now on the agenda.` : `${item.title} declined.`,
    );
  }

  protected async move(item: AgendaItem, by: -1 | 1, index: number): Promise<void> {
    await this.run(() => this.store.move(item, by), `${item.title} moved to place ${index + by + 1}.`);
  }

  protected async takeUp(item: AgendaItem): Promise<void> {
    await this.run(() => this.store.takeUp(item.id), `Now: ${item.title}.`);
  }

  protected async publish(event: Event): Promise<void> {
    event.preventDefault();
    const local = this.deadline();
    const due = local ? deadlineInstant(local) : null;
    if (local && !due) {
      this.message.set('Give the papers deadline as a date and time, or leave it empty.');
      return;
    }
    const again = !!this.agenda()?.publishedAt;
    await this.run(
      () => this.store.publish(due),
      again
        ? 'The agenda was published again; everyone invited is told.'
        : 'The agenda was published; everyone invited is told.',
    );
  }

  private async run(work: () => Promise<void>, done: string): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      await work();
      this.message.set(done);
    } catch (error) {
      this.message.set(`That did not work. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
