import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ErrorCode, SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { type ScheduleSupervisionInput, isApiError } from '@lantern/web-graphql';
import {
  ErrorSummary,
  type FormProblem,
  type EditableText,
  PersonalDataCheck,
  PersonalDataScanner,
} from '@lantern/web-ui';
import { AgendaEditor } from './agenda-editor';
import type { OpenCase } from './supervision-data';
import {
  type AgendaDraft,
  DEFAULT_MINUTES,
  DEFAULT_TITLE,
  LENGTHS,
  type Mode,
  SCHEDULE_FIELDS,
  type ScheduleDraft,
  type ScheduleField,
  type ScheduleProblem,
  type Venue,
  lengthLabel,
  londonToIso,
  nextQuarterHour,
  scheduleProblems,
} from './supervision-model';

export type ScheduleValue = Omit<ScheduleSupervisionInput, 'schoolId'>;

/** Where each field's problem links to (a radio group's first radio, the agenda's case select). */
const FIELD_ID: Record<ScheduleField, string> = {
  title: 'sv-title',
  date: 'sv-date',
  time: 'sv-time',
  minutes: 'sv-minutes',
  location: 'sv-location',
  onlineLink: 'sv-link',
  agenda: 'agenda-add-case',
};

/**
 * Scheduling a session or starting one now: title, when (UK time) and how long, in person or online,
 * the headteacher invited or not, and the agenda. Every problem is found before anything is sent and
 * said in plain English (next to the field and in a summary at the top); the texts go through the
 * personal-data check, and the API's refusals (PERSONAL_DATA, BAD_USER_INPUT) land on their fields.
 */
@Component({
  selector: 'lan-schedule-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ErrorSummary,
    AgendaEditor,
  ],
  templateUrl: './schedule-form.html',
  styleUrl: './schedule-form.scss',
})
export class ScheduleForm {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly personalData = inject(PersonalDataCheck);
  private readonly scanner = inject(PersonalDataScanner);

  readonly cases = input.required<readonly OpenCase[]>();
  /** Sends the session; what it throws is shown here. */
  readonly save = input.required<(value: ScheduleValue) => Promise<unknown>>();
  readonly cancelled = output<void>();

  private readonly start = nextQuarterHour();
  protected readonly form = this.fb.group({
    title: [DEFAULT_TITLE],
    mode: ['later' as Mode],
    date: [this.start.date],
    time: [this.start.time],
    minutes: [DEFAULT_MINUTES],
    venue: ['place' as Venue],
    location: [''],
    onlineLink: [''],
    inviteHeadteacher: [false],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  readonly agenda = signal<readonly AgendaDraft[]>([]);

  protected readonly ids = FIELD_ID;
  protected readonly lengths = LENGTHS;
  protected readonly lengthLabel = lengthLabel;
  protected readonly L = SUPERVISION_LIMITS;
  protected readonly mode = computed(() => this.value().mode ?? 'later');
  protected readonly venue = computed(() => this.value().venue ?? 'place');

  protected readonly submitted = signal(false);
  protected readonly attempt = signal(0);
  protected readonly busy = signal(false);
  /** Problems the server found (cleared on the next attempt). */
  private readonly serverProblems = signal<readonly ScheduleProblem[]>([]);
  protected readonly formError = signal<string | null>(null);

  readonly draft = computed<ScheduleDraft>(() => {
    this.value();
    const v = this.form.getRawValue();
    return { ...v, minutes: Number(v.minutes), agenda: this.agenda() };
  });

  readonly problems = computed<ScheduleProblem[]>(() => {
    const found = scheduleProblems(this.draft());
    const server = this.serverProblems().filter(
      (s) => !found.some((f) => f.field === s.field && f.caseId === s.caseId),
    );
    return SCHEDULE_FIELDS.flatMap((field) => [...found, ...server].filter((p) => p.field === field));
  });

  protected readonly shown = computed<FormProblem[]>(() =>
    this.submitted()
      ? this.problems().map((p) => ({
          fieldId: p.caseId ? `agenda-question-${p.caseId}` : FIELD_ID[p.field],
          message: p.message,
        }))
      : [],
  );

  /** The agenda's problems: '' for the whole agenda, else by case. */
  protected readonly agendaProblems = computed(() => {
    const map = new Map<string, string>();
    if (!this.submitted()) return map;
    for (const p of this.problems())
      if (p.field === 'agenda' && !map.has(p.caseId ?? '')) map.set(p.caseId ?? '', p.message);
    return map;
  });

  private readonly matchers = new Map<ScheduleField, ErrorStateMatcher>();

  protected error(field: ScheduleField): string | null {
    if (!this.submitted()) return null;
    return this.problems().find((p) => p.field === field && !p.caseId)?.message ?? null;
  }

  protected matcher(field: ScheduleField): ErrorStateMatcher {
    let m = this.matchers.get(field);
    if (!m) {
      m = { isErrorState: () => !!this.error(field) };
      this.matchers.set(field, m);
    }
    return m;
  }

  /** The texts people typed, each with the field it lives in (for the personal-data check). */
  private texts(): Array<EditableText & { field: ScheduleField; caseId?: string }> {
    const c = this.form.controls;
    const own = (field: 'title' | 'location', control = c[field]) => ({
      field,
      text: control.value,
      set: (t: string) => control.setValue(t),
    });
    const out: Array<EditableText & { field: ScheduleField; caseId?: string }> = [own('title')];
    if (this.venue() === 'place') out.push(own('location'));
    for (const item of this.agenda())
      out.push({
        field: 'agenda',
        caseId: item.caseId,
        text: item.question,
        set: (t: string) =>
          this.agenda.update((items) =>
            items.map((i) => (i.caseId === item.caseId ? { ...i, question: t } : i)),
          ),
      });
    return out;
  }

  private toValue(override: boolean): ScheduleValue {
    const d = this.draft();
    const now = d.mode === 'now';
    return {
      title: d.title.trim(),
      startNow: now,
      startsAt: now ? null : londonToIso(d.date, d.time),
      minutes: d.minutes,
      location: d.venue === 'place' ? d.location.trim() : null,
      onlineLink: d.venue === 'online' ? d.onlineLink.trim() : null,
      inviteHeadteacher: d.inviteHeadteacher,
      agenda: d.agenda.map((i) => ({ caseId: i.caseId, question: i.question.trim() })),
      override: override || null,
    };
  }

  async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy()) return;
    this.serverProblems.set([]);
    this.formError.set(null);
    this.submitted.set(true);
    if (this.problems().length) {
      this.attempt.update((n) => n + 1);
      return;
    }
    this.busy.set(true);
    const texts = this.texts();
    try {
      await this.personalData.save(texts, (override) => this.save()(this.toValue(!!override)));
    } catch (error) {
      this.showFailure(error, texts);
    } finally {
      this.busy.set(false);
    }
  }

  private showFailure(error: unknown, texts: ReturnType<ScheduleForm['texts']>): void {
    if (!isApiError(error)) throw error;
    const problems: ScheduleProblem[] = [];
    if (error.code === ErrorCode.BadInput) {
      for (const [path, message] of Object.entries(error.fields)) {
        const [head, index] = path.split('.');
        const item = head === 'agenda' && index !== undefined ? this.agenda()[Number(index)] : undefined;
        if (item) problems.push({ field: 'agenda', caseId: item.caseId, message });
        else if (head === 'startsAt') problems.push({ field: 'date', message });
        else if (SCHEDULE_FIELDS.includes(head as ScheduleField))
          problems.push({ field: head as ScheduleField, message });
      }
    } else if (error.code === ErrorCode.PersonalData) {
      // The refusal names no field: put it on the text the check finds details in (else above the form).
      const at = texts.find((t) => this.scanner.find(t.text).length);
      if (at) problems.push({ field: at.field, caseId: at.caseId, message: error.message });
    }
    if (problems.length) this.serverProblems.set(problems);
    else this.formError.set(error.message);
    this.attempt.update((n) => n + 1);
  }
}
