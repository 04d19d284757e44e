import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { LowerCasePipe } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  CASELOAD_LIMITS,
  CASE_STATUS_LABEL,
  type CaseConcern,
  CaseStatus,
  type DatedConcern,
  ErrorCode,
  SEN_STATUS_LABEL,
  SenNeed,
  SenStatus,
  isIsoDate,
  pupilReferenceProblem,
} from '@lantern/shared-domain';
import { isApiError } from '@lantern/web-graphql';
import {
  ErrorSummary,
  type FormProblem,
  KEPT_BACK,
  PersonalDataCheck,
  type PersonalDataOverride,
} from '@lantern/web-ui';
import { CONCERNS, NEED_GROUPS, YEAR_GROUPS, locateCaseProblem, needAllowed } from './caseload-model';

/** What the form gives back: a case's fields, ready for CreateCaseInput / UpdateCaseInput. */
export interface CaseFormValue {
  reference: string;
  yearGroup: number;
  senStatus: SenStatus;
  primaryNeed: SenNeed;
  secondaryNeed: SenNeed | null;
  status: CaseStatus;
  concerns: DatedConcern[];
}

type Field =
  | 'reference'
  | 'yearGroup'
  | 'senStatus'
  | 'status'
  | 'primaryNeed'
  | 'secondaryNeed'
  | 'concerns';
const FIELD_ORDER: readonly Field[] = [
  'reference',
  'yearGroup',
  'senStatus',
  'status',
  'primaryNeed',
  'secondaryNeed',
  'concerns',
];
/** Where the error summary's links go (a radio group's first radio, the first concern's checkbox). */
const FIELD_ID: Record<Field, string> = {
  reference: 'case-reference',
  yearGroup: 'case-year-group',
  senStatus: 'case-sen-status-first-input',
  status: 'case-status-first-input',
  primaryNeed: 'case-primary-need',
  secondaryNeed: 'case-secondary-need',
  concerns: `case-concern-${CONCERNS[0]?.value}-input`,
};

/** One group per concern: ticked, with an optional date and note. */
function concernGroups(fb: NonNullableFormBuilder) {
  const group = () => fb.group({ on: [false], dueOn: [''], note: [''] });
  return fb.group(
    Object.fromEntries(CONCERNS.map((c) => [c.value, group()])) as Record<
      CaseConcern,
      ReturnType<typeof group>
    >,
  );
}

/**
 * Recording or changing a case: reference, year group, SEN status, needs, concerns (with an optional
 * date and note) and, when editing, the status. The shared rule (caseProblem) is checked before
 * anything is sent; problems show next to their fields and in a summary at the top. The server's
 * field errors and a repeated reference (CONFLICT) land on their fields too; a revision conflict is
 * handed to the page (`conflict`).
 */
@Component({
  selector: 'lan-case-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LowerCasePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ErrorSummary,
  ],
  templateUrl: './case-form.html',
  styleUrl: './case-form.scss',
})
export class CaseForm implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly personalData = inject(PersonalDataCheck);

  /** The case being changed (null: a new case). */
  readonly initial = input<CaseFormValue | null>(null);
  readonly submitLabel = input('Save');
  /** Sends the case; PERSONAL_DATA, BAD_USER_INPUT and CONFLICT it throws are shown here. */
  readonly save =
    input.required<(value: CaseFormValue, override: PersonalDataOverride | null) => Promise<unknown>>();
  /** Someone else changed the case first (revision conflict): the page explains and offers a reload. */
  readonly conflict = output<string>();
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly ids = FIELD_ID;
  protected readonly form = this.fb.group({
    reference: [''],
    yearGroup: [''],
    senStatus: ['' as SenStatus | ''],
    status: [CaseStatus.Open as CaseStatus],
    primaryNeed: ['' as SenNeed | ''],
    secondaryNeed: ['' as SenNeed | ''],
    concerns: concernGroups(this.fb),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly concerns = CONCERNS;
  protected readonly needGroups = NEED_GROUPS;
  protected readonly yearGroups = YEAR_GROUPS;
  protected readonly senStatuses = Object.values(SenStatus).map((value) => ({
    value,
    label: SEN_STATUS_LABEL[value],
  }));
  protected readonly statuses = Object.values(CaseStatus).map((value) => ({
    value,
    label: CASE_STATUS_LABEL[value],
  }));
  protected readonly noteMax = CASELOAD_LIMITS.concernNoteMax;
  protected readonly nsa = SenNeed.NSA;
  protected readonly needAllowed = needAllowed;

  protected readonly submitted = signal(false);
  /** Increases with each attempt that found problems: the summary takes focus again. */
  protected readonly attempt = signal(0);
  protected readonly busy = signal(false);
  /** Problems the server found, by field (cleared when that field changes). */
  private readonly serverProblems = signal<Partial<Record<Field, string>>>({});
  /** A problem that belongs to no field. */
  protected readonly formError = signal<string | null>(null);

  /** Every problem with what is entered now (required fields, the shared rule, dates, lengths). */
  readonly problems = computed<Array<{ field: Field; message: string }>>(() => {
    this.value();
    const v = this.form.getRawValue();
    const found: Partial<Record<Field, string>> = {};
    const reference = v.reference.trim();
    if (!reference)
      found.reference =
        'Enter a reference for the pupil, such as their initials and year group (for example “JS Y4”).';
    else {
      const problem = pupilReferenceProblem(reference);
      if (problem) found.reference = problem;
    }
    if (v.yearGroup === '') found.yearGroup = 'Choose the year group.';
    if (!v.senStatus) found.senStatus = 'Choose the SEN status.';
    if (!v.primaryNeed) found.primaryNeed = 'Choose the primary need.';
    if (!found.reference && !found.yearGroup && v.senStatus && v.primaryNeed) {
      const located = locateCaseProblem({
        reference,
        yearGroup: Number(v.yearGroup),
        senStatus: v.senStatus,
        primaryNeed: v.primaryNeed,
        secondaryNeed: v.secondaryNeed || null,
      });
      if (located) found[located.field] = located.message;
    }
    for (const c of CONCERNS) {
      const k = v.concerns[c.value];
      if (!k?.on) continue;
      if (k.dueOn && !isIsoDate(k.dueOn)) found.concerns ??= `Enter the date of “${c.label}” as a real date.`;
      if (k.note.length > CASELOAD_LIMITS.concernNoteMax)
        found.concerns ??= `Keep the note on “${c.label}” to ${CASELOAD_LIMITS.concernNoteMax} characters or fewer.`;
    }
    const server = this.serverProblems();
    return FIELD_ORDER.flatMap((field) => {
      const message = found[field] ?? server[field];
      return message ? [{ field, message }] : [];
    });
  });

  /** What is shown: nothing until the first attempt to save. */
  protected readonly shown = computed<FormProblem[]>(() =>
    this.submitted() ? this.problems().map((p) => ({ fieldId: FIELD_ID[p.field], message: p.message })) : [],
  );

  private readonly matchers = new Map<Field, ErrorStateMatcher>();

  ngOnInit(): void {
    const initial = this.initial();
    if (initial) {
      this.form.reset({
        reference: initial.reference,
        yearGroup: String(initial.yearGroup),
        senStatus: initial.senStatus,
        status: initial.status,
        primaryNeed: initial.primaryNeed,
        secondaryNeed: initial.secondaryNeed ?? '',
        concerns: Object.fromEntries(
          CONCERNS.map((c) => {
            const k = initial.concerns.find((x) => x.kind === c.value);
            return [c.value, { on: !!k, dueOn: k?.dueOn ?? '', note: k?.note ?? '' }];
          }),
        ),
      });
    }
    // A field the server complained about is fine again once it changes.
    for (const field of FIELD_ORDER) {
      const control: AbstractControl = this.form.controls[field];
      control.valueChanges.subscribe(() => {
        if (this.serverProblems()[field])
          this.serverProblems.update((p) =>
            Object.fromEntries(Object.entries(p).filter(([k]) => k !== field)),
          );
      });
    }
  }

  protected error(field: Field): string | null {
    if (!this.submitted()) return null;
    return this.problems().find((p) => p.field === field)?.message ?? null;
  }

  /** Material's error state follows our problems (so mat-error shows and aria-invalid is set). */
  protected matcher(field: Field): ErrorStateMatcher {
    let m = this.matchers.get(field);
    if (!m) {
      m = { isErrorState: () => !!this.error(field) };
      this.matchers.set(field, m);
    }
    return m;
  }

  protected concernOn(kind: CaseConcern): boolean {
    this.value();
    return this.form.controls.concerns.controls[kind].controls.on.value;
  }

  protected senStatusValue(): SenStatus | null {
    this.value();
    return this.form.controls.senStatus.value || null;
  }

  private toValue(): CaseFormValue {
    const v = this.form.getRawValue();
    return {
      reference: v.reference.trim(),
      yearGroup: Number(v.yearGroup),
      senStatus: v.senStatus as SenStatus,
      primaryNeed: v.primaryNeed as SenNeed,
      secondaryNeed: v.secondaryNeed || null,
      status: v.status,
      concerns: CONCERNS.flatMap((c) => {
        const k = v.concerns[c.value];
        return k?.on ? [{ kind: c.value, dueOn: k.dueOn || null, note: k.note.trim() || null }] : [];
      }),
    };
  }

  async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy()) return;
    this.serverProblems.set({});
    this.formError.set(null);
    this.submitted.set(true);
    if (this.problems().length) {
      this.attempt.update((n) => n + 1);
      return;
    }
    const value = this.toValue();
    const notes = CONCERNS.filter((c) => this.form.controls.concerns.controls[c.value].controls.on.value).map(
      (c) => {
        const note = this.form.controls.concerns.controls[c.value].controls.note;
        return { text: note.value, set: (t: string) => note.setValue(t) };
      },
    );
    this.busy.set(true);
    try {
      const result = await this.personalData.save(notes, (override) => this.save()(value, override));
      if (result !== KEPT_BACK) this.saved.emit();
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showFailure(error: unknown): void {
    if (!isApiError(error)) throw error;
    if (error.code === ErrorCode.BadInput) {
      const byField: Partial<Record<Field, string>> = {};
      for (const [path, message] of Object.entries(error.fields)) {
        const field = path.split('.')[0] as Field;
        if (FIELD_ORDER.includes(field)) byField[field] ??= field === 'reference' ? error.message : message;
      }
      if (Object.keys(byField).length) this.serverProblems.set(byField);
      else this.formError.set(error.message);
    } else if (error.code === ErrorCode.Conflict) {
      if (/reference/i.test(error.message)) this.serverProblems.set({ reference: error.message });
      else {
        this.conflict.emit(error.message);
        return;
      }
    } else {
      this.formError.set(error.message);
    }
    this.attempt.update((n) => n + 1);
  }
}
