import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface ReportDialogData {
  /** "this post" or "this reply by …". */
  what: string;
}

export const REPORT_REASON_MIN = 3;
export const REPORT_REASON_MAX = 500;

/** Report a post to the category's moderators, with a short reason (the API wants 3 to 500 characters). */
@Component({
  selector: 'lan-report-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Report {{ data.what }}</h2>
    <mat-dialog-content>
      <p>
        The moderators of this category will see your report and the post. The author is not told who reported
        it.
      </p>
      <mat-form-field class="reason">
        <mat-label>What is wrong</mat-label>
        <textarea matInput [formControl]="reason" rows="3" [maxlength]="max" cdkFocusInitial></textarea>
        <mat-hint align="end">{{ reason.value.length }} / {{ max }}</mat-hint>
        @if (reason.touched && reason.invalid) {
          <mat-error>Say briefly (at least {{ min }} characters) what is wrong.</mat-error>
        }
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
      <button mat-flat-button type="button" (click)="send()">Send report</button>
    </mat-dialog-actions>
  `,
  styles: `
    .reason {
      width: 100%;
    }
  `,
})
export class ReportDialog {
  protected readonly data = inject<ReportDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReportDialog, string | null>>(MatDialogRef);
  protected readonly min = REPORT_REASON_MIN;
  protected readonly max = REPORT_REASON_MAX;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.maxLength(REPORT_REASON_MAX),
      (c) => (c.value.trim().length >= REPORT_REASON_MIN ? null : { short: true }),
    ],
  });

  protected send(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close(this.reason.value.trim());
  }
}
