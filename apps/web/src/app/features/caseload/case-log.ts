import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CASELOAD_LIMITS, ErrorCode, isIsoDate, londonToday } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { MarkdownField, PostBody } from '@lantern/web-ui/markdown';
import { formatDateTime } from '../../core/format';
import { type CaseNote, CaseloadData } from './caseload-data';
import { dayText } from './caseload-model';

/** Newest first: the day it happened, then when it was first written. */
function newestFirst(notes: readonly CaseNote[]): CaseNote[] {
  return [...notes].sort(
    (a, b) => b.happenedOn.localeCompare(a.happenedOn) || b.firstWrittenAt.localeCompare(a.firstWrittenAt),
  );
}

/**
 * The case log: dated notes in markdown, newest first. Append-only: editing a note adds a version,
 * and the earlier text stays readable under "Earlier versions". Notes pass the personal-data check
 * (remove the details, or keep them with a reason that is audited).
 */
@Component({
  selector: 'lan-case-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MarkdownField,
    PostBody,
  ],
  templateUrl: './case-log.html',
  styleUrl: './case-log.scss',
})
export class CaseLog {
  private readonly data = inject(CaseloadData);
  private readonly personalData = inject(PersonalDataCheck);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly caseId = input.required<string>();
  readonly notes = input.required<readonly CaseNote[]>();
  readonly changed = output<{ notes: readonly CaseNote[]; message: string }>();
  /** The page should load the case again (after someone else edited a note first). */
  readonly reload = output<void>();

  protected readonly list = linkedSignal(() => newestFirst(this.notes()));
  protected readonly today = londonToday();
  protected readonly noteMax = CASELOAD_LIMITS.noteMax;

  protected readonly happenedOn = new FormControl(this.today, { nonNullable: true });
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CASELOAD_LIMITS.noteMax)],
  });
  protected readonly dateError = signal<string | null>(null);
  protected readonly dateMatcher: ErrorStateMatcher = { isErrorState: () => !!this.dateError() };
  protected readonly adding = signal(false);
  protected readonly addError = signal<string | null>(null);

  protected readonly editingId = signal<string | null>(null);
  protected readonly editBody = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CASELOAD_LIMITS.noteMax)],
  });
  protected readonly savingEdit = signal(false);
  protected readonly editError = signal<{ message: string; conflict: boolean } | null>(null);

  protected readonly dayText = dayText;
  protected readonly dateTime = formatDateTime;

  async add(event: Event): Promise<void> {
    event.preventDefault();
    if (this.adding()) return;
    this.addError.set(null);
    const day = this.happenedOn.value;
    this.dateError.set(
      !isIsoDate(day) || day > this.today ? 'Enter the date it happened: today or earlier.' : null,
    );
    this.body.markAsTouched();
    if (this.dateError()) return this.focus('#note-date');
    if (this.body.invalid) return this.focus('#note-body textarea');
    this.adding.set(true);
    try {
      const note = await this.personalData.save(
        [{ text: this.body.value, set: (t) => this.body.setValue(t) }],
        (override) =>
          this.data.addNote({
            caseId: this.caseId(),
            happenedOn: day,
            body: this.body.value,
            personalDataOverride: override,
          }),
      );
      if (note === KEPT_BACK) return this.focus('#note-body textarea');
      const notes = newestFirst([note, ...this.list()]);
      this.list.set(notes);
      this.body.reset('');
      this.happenedOn.setValue(this.today);
      this.changed.emit({ notes, message: 'Note added to the case log.' });
    } catch (error) {
      if (
        isApiError(error) &&
        error.code === ErrorCode.BadInput &&
        (error.fields['happenedOn'] || error.fields['body'])
      ) {
        if (error.fields['happenedOn']) this.dateError.set(error.message);
        else {
          this.body.setErrors({ server: error.message });
          this.body.markAsTouched();
        }
      } else this.addError.set(messageOf(error));
    } finally {
      this.adding.set(false);
    }
  }

  protected startEdit(note: CaseNote): void {
    this.editError.set(null);
    this.editBody.reset(note.body);
    this.editingId.set(note.id);
    this.focus(`#note-edit-${note.id} textarea`);
  }

  protected cancelEdit(note: CaseNote): void {
    this.editingId.set(null);
    this.focus(`#note-edit-button-${note.id}`);
  }

  async saveEdit(event: Event, note: CaseNote): Promise<void> {
    event.preventDefault();
    if (this.savingEdit()) return;
    this.editError.set(null);
    this.editBody.markAsTouched();
    if (this.editBody.invalid) return this.focus(`#note-edit-${note.id} textarea`);
    if (this.editBody.value === note.body) return this.cancelEdit(note);
    this.savingEdit.set(true);
    try {
      const saved = await this.personalData.save(
        [{ text: this.editBody.value, set: (t) => this.editBody.setValue(t) }],
        (override) =>
          this.data.editNote({
            noteId: note.id,
            version: note.version,
            body: this.editBody.value,
            personalDataOverride: override,
          }),
      );
      if (saved === KEPT_BACK) return;
      const notes = this.list().map((n) => (n.id === note.id ? saved : n));
      this.list.set(notes);
      this.editingId.set(null);
      this.changed.emit({ notes, message: 'Note saved. Its earlier text stays in the log.' });
      this.focus(`#note-edit-button-${note.id}`);
    } catch (error) {
      const conflict = isApiError(error) && error.code === ErrorCode.Conflict;
      this.editError.set({ message: messageOf(error), conflict });
      this.focus(`#note-edit-error-${note.id}`);
    } finally {
      this.savingEdit.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
