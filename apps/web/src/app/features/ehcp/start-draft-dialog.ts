import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { EHCP_LIMITS, ErrorCode, pupilReferenceProblem } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { EhcpDrafts } from './ehcp-drafts';

export interface StartDraftDialogData {
  templateResourceId: string;
  templateTitle: string;
  /** Schools the viewer writes drafts for (a choice is asked when there are several). */
  schools: readonly { id: string; name: string }[];
}

/**
 * "Start a draft": asks for a pseudonymous pupil reference (checked as it is typed, with the same
 * rule as the API: no names, dates of birth, UPNs or NHS numbers) and says who will see the draft.
 * Closes with the new draft's id.
 */
@Component({
  selector: 'lan-start-draft-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, Alert],
  template: `
    <h2 mat-dialog-title>Start an EHCP draft</h2>
    <form (submit)="submit($event)" novalidate>
      <mat-dialog-content>
        <p>From the template “{{ data.templateTitle }}”.</p>
        <p>
          The draft belongs to your school. Only your school's SENCOs and headteacher, and your trust's SEND
          lead, can open it, and every time it is opened or changed is recorded in the audit trail.
        </p>
        <h3 class="allowed">Naming the pupil</h3>
        <ul>
          <li>Use a reference your school chose, such as initials and year group: “JS Y4”.</li>
          <li>Never a full name, date of birth, UPN or NHS number.</li>
        </ul>
        @if (data.schools.length > 1) {
          <mat-form-field class="wide">
            <mat-label>School</mat-label>
            <select matNativeControl [formControl]="school">
              @for (s of data.schools; track s.id) {
                <option [value]="s.id">{{ s.name }}</option>
              }
            </select>
          </mat-form-field>
        }
        @if (problem(); as message) {
          <lan-alert kind="error" title="The draft was not started" [focusOnShow]="true"
            ><p>{{ message }}</p></lan-alert
          >
        }
        <mat-form-field class="wide">
          <mat-label>Pupil reference</mat-label>
          <input
            matInput
            [formControl]="reference"
            autocomplete="off"
            [attr.maxlength]="max"
            aria-describedby="pupil-reference-hint"
            (input)="touched.set(true)"
          />
          <mat-hint id="pupil-reference-hint">Initials and year group, for example JS Y4.</mat-hint>
        </mat-form-field>
        <p class="reference-problem" role="status">
          @if (touched() && referenceProblem(); as message) {
            {{ message }}
          }
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Starting…' : 'Start the draft' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .allowed {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .reference-problem {
      min-height: 1.25rem;
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class StartDraftDialog {
  protected readonly data = inject<StartDraftDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<StartDraftDialog, string | null>>(MatDialogRef);
  private readonly drafts = inject(EhcpDrafts);

  protected readonly max = EHCP_LIMITS.pupilReferenceMax;
  protected readonly reference = new FormControl('', { nonNullable: true });
  protected readonly school = new FormControl(this.data.schools[0]?.id ?? '', { nonNullable: true });
  protected readonly touched = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected referenceProblem(): string | null {
    return pupilReferenceProblem(this.reference.value);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.touched.set(true);
    const local = this.referenceProblem();
    if (local) {
      this.problem.set(local);
      return;
    }
    this.problem.set(null);
    this.busy.set(true);
    try {
      const id = await this.drafts.start(
        this.data.templateResourceId,
        this.reference.value.trim(),
        this.school.value || null,
      );
      this.ref.close(id);
    } catch (error) {
      this.problem.set(
        isApiError(error) && error.code === ErrorCode.BadInput && error.fields['pupilReference']
          ? error.fields['pupilReference']
          : messageOf(error),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
