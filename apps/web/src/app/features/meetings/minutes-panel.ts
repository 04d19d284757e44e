import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RsvpAnswer } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { ActionDue, ConfirmService, KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { formatDate, formatDateTime } from '../../core/format';
import { type AgendaItem, AgendaData, type MeetingAction } from './agenda-data';
import { AgendaStore } from './agenda-store';
import { londonDate } from './meetings-model';
import { OccurrenceStore } from './occurrence-store';

/**
 * Minutes: per item what was said and decided (markdown), actions with owner and due date, and the
 * unfinished actions carried forward from earlier meetings of the series. The note-taker and chair
 * write and publish them; everyone sees them once published; the .docx export for those allowed.
 */
@Component({
  selector: 'lan-minutes-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ActionDue],
  templateUrl: './minutes-panel.html',
  styleUrl: './minutes-panel.scss',
})
export class MinutesPanel {
  protected readonly store = inject(AgendaStore);
  private readonly occurrence = inject(OccurrenceStore);
  private readonly data = inject(AgendaData);
  private readonly personalData = inject(PersonalDataCheck);
  private readonly confirm = inject(ConfirmService);

  protected readonly agenda = this.store.agenda;
  /** Drafts per item id: notes and decisions being written. */
  protected readonly drafts = signal<Readonly<Record<string, { notes: string; decisions: string }>>>({});
  protected readonly savingItem = signal<string | null>(null);
  protected readonly message = signal('');
  protected readonly actionTitle = signal('');
  protected readonly actionOwner = signal('');
  protected readonly actionDue = signal('');
  protected readonly actionProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly dateTime = formatDateTime;
  protected readonly date = formatDate;
  protected readonly today = londonDate(new Date());

  protected readonly docxUrl = computed(() => {
    const a = this.agenda();
    return a
      ? `/api/meetings/occurrences/${encodeURIComponent(a.seriesId)}/${encodeURIComponent(a.key)}/minutes.docx`
      : '';
  });

  /** Who may own an action: the chair, the note-taker, guests and everyone who said they would come. */
  protected readonly owners = computed(() => {
    const s = this.occurrence.series();
    const people = new Map<string, string>();
    if (s) {
      people.set(s.chair.id, s.chair.displayName);
      if (s.noteTaker) people.set(s.noteTaker.id, s.noteTaker.displayName);
      for (const g of s.guests) people.set(g.id, g.displayName);
    }
    for (const a of this.occurrence.attendees() ?? []) {
      if (a.answer && a.answer !== RsvpAnswer.Apologies) people.set(a.person.id, a.person.displayName);
    }
    return [...people]
      .map(([id, displayName]) => ({ id, displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });

  protected draft(item: AgendaItem): { notes: string; decisions: string } {
    return this.drafts()[item.id] ?? { notes: item.notes, decisions: item.decisions };
  }

  protected edit(item: AgendaItem, field: 'notes' | 'decisions', event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.drafts.update((d) => ({ ...d, [item.id]: { ...this.draft(item), [field]: value } }));
  }

  protected async saveItem(item: AgendaItem): Promise<void> {
    const d = this.draft(item);
    this.savingItem.set(item.id);
    this.message.set('');
    try {
      const result = await this.personalData.save(
        [
          {
            text: d.notes,
            set: (t) => this.drafts.update((x) => ({ ...x, [item.id]: { ...this.draft(item), notes: t } })),
          },
          {
            text: d.decisions,
            set: (t) =>
              this.drafts.update((x) => ({ ...x, [item.id]: { ...this.draft(item), decisions: t } })),
          },
        ],
        (override) =>
          this.data.saveMinutes({
            itemId: item.id,
            notes: d.notes,
            decisions: d.decisions,
            personalDataOverride: override,
          }),
      );
      if (result === KEPT_BACK) return;
      this.store.take(result);
      this.drafts.update((x) => Object.fromEntries(Object.entries(x).filter(([id]) => id !== item.id)));
      this.message.set(`Minutes of ${item.title} saved.`);
    } catch (error) {
      this.message.set(`The minutes of ${item.title} were not saved. ${messageOf(error)}`);
    } finally {
      this.savingItem.set(null);
    }
  }

  protected async addAction(event: Event): Promise<void> {
    event.preventDefault();
    const title = this.actionTitle().trim();
    if (!title) return this.actionProblem.set('Say what needs doing.');
    if (!this.actionOwner()) return this.actionProblem.set('Choose who will do it.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.actionDue()))
      return this.actionProblem.set('Give the date it is due.');
    this.actionProblem.set(null);
    this.busy.set(true);
    try {
      const result = await this.personalData.save(
        [{ text: this.actionTitle(), set: (t) => this.actionTitle.set(t) }],
        (override) =>
          this.data.addAction({
            ...this.store.ids,
            title,
            ownerId: this.actionOwner(),
            dueOn: this.actionDue(),
            personalDataOverride: override,
          }),
      );
      if (result === KEPT_BACK) return;
      this.addToList(result);
      this.actionTitle.set('');
      this.actionDue.set('');
      this.message.set(`Action added: ${result.title}, for ${result.owner.displayName}.`);
    } catch (error) {
      this.actionProblem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  private addToList(action: MeetingAction): void {
    const a = this.agenda();
    if (a) this.store.agenda.set({ ...a, actions: [...a.actions, action] });
  }

  protected async publish(): Promise<void> {
    const a = this.agenda();
    if (!a) return;
    const ok = await this.confirm.confirm({
      title: 'Publish the minutes?',
      message:
        'Everyone who attended (or said they would come) is told, and can read them. They cannot be changed afterwards.',
      confirmText: 'Publish the minutes',
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      await this.store.publishMinutes();
      this.message.set('The minutes were published.');
    } catch (error) {
      this.message.set(`The minutes were not published. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
