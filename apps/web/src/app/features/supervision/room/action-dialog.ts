import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ACTION_LIMITS, actionTitleProblem, londonToday } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { type RoomAction, SupervisionRoomApi } from './room-api';

export interface ActionDialogData {
  sessionId: string;
  fromSeq: number;
  /** The message's text: the title starts from it. */
  title: string;
  caseId: string | null;
  agenda: ReadonlyArray<{ caseId: string; caseReference: string }>;
  owners: ReadonlyArray<{ userId: string; displayName: string }>;
  viewerId: string | null;
}

/** The message as an action title: plain words, one line, within the limit. */
export function titleFromMessage(text: string): string {
  const plain = text
    .replace(/[*_`>#~]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > ACTION_LIMITS.titleMax ? `${plain.slice(0, ACTION_LIMITS.titleMax - 1)}…` : plain;
}

/** A week from today (England): the due date offered first. */
function inAWeek(): string {
  const d = new Date(`${londonToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/**
 * "Turn into an action": the title from the message, an owner from the participants, a due date and
 * the case; addSupervisionAction with the message's sequence number. Closes with the action.
 */
@Component({
  selector: 'lan-room-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Turn the message into an action</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (problem(); as p) {
          <p class="problem" role="alert">{{ p }}</p>
        }
        <mat-form-field>
          <mat-label>What needs doing</mat-label>
          <textarea matInput formControlName="title" rows="3" cdkFocusInitial></textarea>
          @if (fieldProblem('title'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Case</mat-label>
          <select matNativeControl formControlName="caseId" required>
            <option value="" disabled>Choose a case</option>
            @for (c of data.agenda; track c.caseId) {
              <option [value]="c.caseId">Case {{ c.caseReference }}</option>
            }
          </select>
          @if (fieldProblem('caseId'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Owner</mat-label>
          <select matNativeControl formControlName="ownerId" required>
            <option value="" disabled>Choose who will do it</option>
            @for (o of data.owners; track o.userId) {
              <option [value]="o.userId">
                {{ o.displayName }}{{ o.userId === data.viewerId ? ' (you)' : '' }}
              </option>
            }
          </select>
          @if (fieldProblem('ownerId'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Due date</mat-label>
          <input matInput type="date" formControlName="dueOn" [min]="today" required />
          @if (fieldProblem('dueOn'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Adding…' : 'Add action' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class ActionDialog {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ActionDialog, RoomAction>>(MatDialogRef);
  private readonly api = inject(SupervisionRoomApi);
  protected readonly today = londonToday();
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly serverFields = signal<Readonly<Record<string, string>>>({});

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [titleFromMessage(this.data.title), [Validators.required]],
    caseId: [this.data.caseId ?? '', [Validators.required]],
    ownerId: [
      this.data.viewerId && this.data.owners.some((o) => o.userId === this.data.viewerId)
        ? this.data.viewerId
        : '',
      [Validators.required],
    ],
    dueOn: [inAWeek(), [Validators.required]],
  });

  protected fieldProblem(field: 'title' | 'caseId' | 'ownerId' | 'dueOn'): string | null {
    const c = this.form.controls[field];
    if (!c.touched) return null;
    if (field === 'title') return actionTitleProblem(c.value) ?? this.serverFields()[field] ?? null;
    if (!c.value)
      return field === 'caseId'
        ? 'Choose the case.'
        : field === 'ownerId'
          ? 'Choose who will do it.'
          : 'Give a due date.';
    if (field === 'dueOn' && c.value < this.today) return 'Choose today or a later date.';
    return this.serverFields()[field] ?? null;
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    if (actionTitleProblem(v.title) || !v.caseId || !v.ownerId || !v.dueOn || v.dueOn < this.today) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const action = await this.api.addAction({
        sessionId: this.data.sessionId,
        caseId: v.caseId,
        title: v.title.trim(),
        ownerId: v.ownerId,
        dueOn: v.dueOn,
        fromSeq: this.data.fromSeq,
      });
      this.ref.close(action);
    } catch (error) {
      this.serverFields.set(isApiError(error) ? error.fields : {});
      this.problem.set(`The action was not added. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
