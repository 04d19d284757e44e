import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { type RoomAgendaItem, SupervisionRoomApi } from './room-api';
import { RoomStore } from './room-store';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * A case's outcome (summary and decisions) while the session is live or ended: saved with the
 * personal-data check, with a visible "Saved"; read-only once the record is signed.
 */
@Component({
  selector: 'lan-room-outcome',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (editable()) {
      <form class="outcome" (ngSubmit)="save()" novalidate [attr.aria-labelledby]="id + '-h'">
        <h4 [id]="id + '-h'">Outcome for case {{ item().caseReference }}</h4>
        <mat-form-field>
          <mat-label>Summary</mat-label>
          <textarea matInput [formControl]="summary" rows="3" (input)="touched()"></textarea>
          @if (summary.hasError('maxlength')) {
            <mat-error>Keep the summary to {{ max.summaryMax }} characters or fewer.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Decisions</mat-label>
          <textarea matInput [formControl]="decisions" rows="3" (input)="touched()"></textarea>
          @if (decisions.hasError('maxlength')) {
            <mat-error>Keep the decisions to {{ max.decisionsMax }} characters or fewer.</mat-error>
          }
        </mat-form-field>
        <div class="row">
          <button mat-stroked-button type="submit" [disabled]="state() === 'saving'">
            Save outcome<span class="visually-hidden"> for case {{ item().caseReference }}</span>
          </button>
          <span class="state" role="status">
            @switch (state()) {
              @case ('saving') {
                Saving…
              }
              @case ('saved') {
                Saved
              }
              @case ('idle') {
                @if (dirty()) {
                  Not saved yet
                }
              }
            }
          </span>
        </div>
        @if (problem(); as p) {
          <p class="problem" role="alert">{{ p }}</p>
        }
      </form>
    } @else if (item().summary || item().decisions) {
      <dl class="outcome read">
        <dt>Summary</dt>
        <dd>{{ item().summary || 'None recorded.' }}</dd>
        <dt>Decisions</dt>
        <dd>{{ item().decisions || 'None recorded.' }}</dd>
      </dl>
    }
  `,
  styles: `
    .outcome {
      display: grid;
      gap: 0.25rem;
      margin-top: 0.75rem;
    }
    h4 {
      margin: 0 0 0.25rem;
      font-size: 0.9375rem;
    }
    mat-form-field {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
    .state {
      font-size: 0.875rem;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0.25rem 0 0;
    }
    .read dt {
      font-weight: 600;
    }
    .read dd {
      margin: 0 0 0.5rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class RoomOutcomeForm {
  private readonly api = inject(SupervisionRoomApi);
  private readonly check = inject(PersonalDataCheck);
  private readonly store = inject(RoomStore);

  readonly item = input.required<RoomAgendaItem>();
  readonly editable = input(false);

  protected readonly max = SUPERVISION_LIMITS;
  protected readonly id = `outcome-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly summary = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(SUPERVISION_LIMITS.summaryMax)],
  });
  protected readonly decisions = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(SUPERVISION_LIMITS.decisionsMax)],
  });
  protected readonly state = signal<SaveState>('idle');
  protected readonly dirty = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // Someone else saved it (or our save came back): show theirs unless we are changing it.
    effect(() => {
      const item = this.item();
      untracked(() => {
        if (this.dirty()) return;
        this.summary.setValue(item.summary);
        this.decisions.setValue(item.decisions);
      });
    });
  }

  protected touched(): void {
    this.dirty.set(true);
    if (this.state() !== 'saving') this.state.set('idle');
  }

  protected async save(): Promise<void> {
    if (this.summary.invalid || this.decisions.invalid) return;
    const session = this.store.session();
    if (!session) return;
    this.state.set('saving');
    this.problem.set(null);
    try {
      const result = await this.check.save(
        [
          { text: this.summary.value, set: (t) => this.summary.setValue(t) },
          { text: this.decisions.value, set: (t) => this.decisions.setValue(t) },
        ],
        (override) =>
          this.api.setOutcome({
            sessionId: session.id,
            caseId: this.item().caseId,
            summary: this.summary.value,
            decisions: this.decisions.value,
            override: override ? true : undefined,
          }),
      );
      if (result === KEPT_BACK) {
        this.state.set('idle');
        return;
      }
      this.dirty.set(false);
      this.store.replaceAgendaItem(result);
      this.state.set('saved');
    } catch (error) {
      this.state.set('failed');
      this.problem.set(`The outcome was not saved. ${messageOf(error)}`);
    }
  }
}
