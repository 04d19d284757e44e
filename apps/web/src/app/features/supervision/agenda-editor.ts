import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { Icon } from '@lantern/web-ui';
import type { OpenCase } from './supervision-data';
import { type AgendaDraft, moveItem } from './supervision-model';

/**
 * The agenda of a new session: add cases from the school's open cases (a select and a button, so it
 * works by keyboard), each with the question to bring; move a case up or down (focus stays on the
 * button pressed, and the new position is announced) or take it off.
 */
@Component({
  selector: 'lan-agenda-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, Icon],
  templateUrl: './agenda-editor.html',
  styleUrl: './agenda-editor.scss',
})
export class AgendaEditor {
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);

  readonly cases = input.required<readonly OpenCase[]>();
  readonly items = model.required<readonly AgendaDraft[]>();
  /** Problems to show: for the whole agenda ('') and by case id. */
  readonly problems = input<ReadonlyMap<string, string>>(new Map());

  protected readonly questionMax = SUPERVISION_LIMITS.questionMax;
  protected readonly agendaMax = SUPERVISION_LIMITS.agendaMax;
  protected readonly picked = signal('');
  protected readonly available = computed(() => {
    const taken = new Set(this.items().map((i) => i.caseId));
    return this.cases().filter((c) => !taken.has(c.id));
  });
  protected readonly full = computed(() => this.items().length >= SUPERVISION_LIMITS.agendaMax);

  protected add(): void {
    const c = this.available().find((x) => x.id === this.picked()) ?? null;
    if (!c || this.full()) return;
    this.items.update((items) => [...items, { caseId: c.id, reference: c.reference, question: '' }]);
    this.picked.set('');
    void this.announcer.announce(
      `${c.reference} added to the agenda, number ${this.items().length}.`,
      'polite',
    );
    this.focusLater(`agenda-question-${c.id}`);
  }

  protected setQuestion(caseId: string, question: string): void {
    this.items.update((items) => items.map((i) => (i.caseId === caseId ? { ...i, question } : i)));
  }

  protected move(index: number, by: -1 | 1): void {
    const item = this.items()[index];
    if (!item) return;
    this.items.update((items) => moveItem(items, index, by));
    const at = this.items().findIndex((i) => i.caseId === item.caseId);
    void this.announcer.announce(`${item.reference} moved to number ${at + 1}.`, 'polite');
    const here = by < 0 ? 'up' : 'down';
    const other = by < 0 ? 'down' : 'up';
    this.focusLater(`agenda-${here}-${item.caseId}`, `agenda-${other}-${item.caseId}`);
  }

  protected remove(index: number): void {
    const item = this.items()[index];
    if (!item) return;
    this.items.update((items) => items.filter((_, i) => i !== index));
    void this.announcer.announce(`${item.reference} taken off the agenda.`, 'polite');
    const next = this.items()[index] ?? this.items()[index - 1];
    this.focusLater(next ? `agenda-question-${next.caseId}` : 'agenda-add-case');
  }

  private focusLater(...ids: string[]): void {
    afterNextRender(
      () => {
        for (const id of ids) {
          const el = document.getElementById(id);
          if (el) {
            el.focus();
            return;
          }
        }
      },
      { injector: this.injector },
    );
  }
}
