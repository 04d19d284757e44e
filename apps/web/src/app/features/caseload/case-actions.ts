import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  ACTION_LIMITS,
  ActionStatus,
  ErrorCode,
  actionTitleProblem,
  isIsoDate,
  londonToday,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { ActionDue, actionDateText } from '@lantern/web-ui';
import { type CaseAction, CaseloadData, type Person } from './caseload-data';

type Field = 'title' | 'ownerId' | 'dueOn';

/** Open ones soonest due first, then closed ones most recently closed first. */
function ordered(actions: readonly CaseAction[]): CaseAction[] {
  const open = actions
    .filter((a) => a.status === ActionStatus.Open)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = actions
    .filter((a) => a.status !== ActionStatus.Open)
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  return [...open, ...closed];
}

/**
 * A case's actions: who does what by when (owners are the people who may read the case; they are
 * told, and reminded before the date). Mark done or reopen; overdue ones say so in words.
 */
@Component({
  selector: 'lan-case-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ActionDue],
  templateUrl: './case-actions.html',
  styleUrl: './case-actions.scss',
})
export class CaseActions implements OnInit {
  private readonly data = inject(CaseloadData);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();
  readonly actions = input.required<readonly CaseAction[]>();
  readonly changed = output<{ actions: readonly CaseAction[]; message: string }>();

  protected readonly list = linkedSignal(() => ordered(this.actions()));
  protected readonly owners = signal<readonly Person[]>([]);
  protected readonly ownersError = signal<string | null>(null);
  protected readonly today = londonToday();
  protected readonly titleMax = ACTION_LIMITS.titleMax;
  protected readonly open = ActionStatus.Open;
  protected readonly done = ActionStatus.Done;

  protected readonly form = this.fb.group({ title: [''], ownerId: [''], dueOn: [''] });
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  /** Material's error state follows `errors` (mat-error shows, aria-invalid is set). */
  protected readonly matchers: Record<Field, ErrorStateMatcher> = {
    title: { isErrorState: () => !!this.errors().title },
    ownerId: { isErrorState: () => !!this.errors().ownerId },
    dueOn: { isErrorState: () => !!this.errors().dueOn },
  };
  protected readonly formError = signal<string | null>(null);
  protected readonly adding = signal(false);
  /** The action being marked done or reopened. */
  protected readonly changing = signal<string | null>(null);
  protected readonly changeError = signal<{ id: string; message: string } | null>(null);

  ngOnInit(): void {
    void this.loadOwners();
  }

  async loadOwners(): Promise<void> {
    this.ownersError.set(null);
    try {
      this.owners.set(await this.data.owners(this.caseId()));
    } catch (error) {
      this.ownersError.set(messageOf(error));
    }
  }

  async add(event: Event): Promise<void> {
    event.preventDefault();
    if (this.adding()) return;
    const v = this.form.getRawValue();
    const title = v.title.trim();
    const { ownerId, dueOn } = v;
    const errors: Partial<Record<Field, string>> = {};
    const titleProblem = actionTitleProblem(title);
    if (titleProblem) errors.title = titleProblem;
    if (!ownerId) errors.ownerId = 'Choose who will do it.';
    if (!isIsoDate(dueOn)) errors.dueOn = 'Enter the date it is due.';
    else if (dueOn < this.today) errors.dueOn = 'The due date must be today or later.';
    this.errors.set(errors);
    this.formError.set(null);
    if (Object.keys(errors).length) return this.focusFirstError();
    this.adding.set(true);
    try {
      const added = await this.data.addAction({ caseId: this.caseId(), title, ownerId, dueOn });
      const actions = ordered([...this.list(), added]);
      this.list.set(actions);
      this.form.reset();
      this.changed.emit({
        actions,
        message: `Action added for ${added.owner.displayName}, due ${actionDateText(added.dueOn)}.`,
      });
      this.focus('#action-title');
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.BadInput && Object.keys(error.fields).length) {
        const byField: Partial<Record<Field, string>> = {};
        for (const [field, message] of Object.entries(error.fields))
          if (field === 'title' || field === 'ownerId' || field === 'dueOn') byField[field] = message;
        if (Object.keys(byField).length === 1) byField[Object.keys(byField)[0] as Field] = error.message;
        this.errors.set(byField);
        if (!Object.keys(byField).length) this.formError.set(error.message);
        this.focusFirstError();
      } else if (isApiError(error) && error.code === ErrorCode.PersonalData) {
        this.errors.set({ title: `${error.message} Describe the action without pupil details.` });
        this.focusFirstError();
      } else this.formError.set(messageOf(error));
    } finally {
      this.adding.set(false);
    }
  }

  /** Mark done (DONE) or reopen (OPEN). */
  async setStatus(action: CaseAction, status: ActionStatus): Promise<void> {
    if (this.changing()) return;
    this.changing.set(action.id);
    this.changeError.set(null);
    try {
      const saved = await this.data.updateAction({ id: action.id, status });
      const actions = ordered(this.list().map((a) => (a.id === saved.id ? saved : a)));
      this.list.set(actions);
      this.changed.emit({
        actions,
        message:
          status === ActionStatus.Done ? `Marked “${saved.title}” done.` : `Reopened “${saved.title}”.`,
      });
      this.focus(`#action-${saved.id} button`);
    } catch (error) {
      this.changeError.set({ id: action.id, message: messageOf(error) });
    } finally {
      this.changing.set(null);
    }
  }

  private focusFirstError(): void {
    const first = (['title', 'ownerId', 'dueOn'] as const).find((f) => this.errors()[f]);
    if (first) this.focus(`#action-${first === 'ownerId' ? 'owner' : first === 'dueOn' ? 'due' : 'title'}`);
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
