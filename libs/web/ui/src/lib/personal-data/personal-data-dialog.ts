import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PERSONAL_DATA_LABEL, type PersonalDataFinding } from '@lantern/shared-domain';
import { firstValueFrom } from 'rxjs';

export interface PersonalDataDialogData {
  /** The plain sentence (describeFindings, or the API's message). */
  message: string;
  findings: readonly PersonalDataFinding[];
}

/** Post anyway, with a reason that goes to the audit trail. */
export interface PersonalDataOverride {
  reason: string;
}

/** "Remove them": replace each finding with "[removed]" (see PersonalDataRemoval), then go back. */
export const REMOVE_FINDINGS = 'remove' as const;

/** What the person chose: remove the findings, keep them with a reason, or (null) just go back. */
export type PersonalDataChoice = PersonalDataOverride | typeof REMOVE_FINDINGS | null;

export const OVERRIDE_REASON_MIN = 10;

/**
 * Asked before text that looks like it holds pupil details is saved: remove them (the default,
 * focused first; the text is replaced with "[removed]" and can be undone), or post anyway with a
 * reason that goes to the audit trail. Escape goes back without changing anything.
 */
@Component({
  selector: 'lan-personal-data-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Remove pupil details?</h2>
    <mat-dialog-content>
      <p id="pd-message">{{ data.message }}</p>
      <p>“Remove them” replaces each of these with “[removed]”; you can undo it.</p>
      @if (data.findings.length) {
        <ul class="found" aria-label="What was found">
          @for (f of data.findings; track $index) {
            <li>
              {{ label(f) }}: <mark>{{ f.match }}</mark>
            </li>
          }
        </ul>
      }
      @if (overriding()) {
        <p>
          If it really must stay (for example, it is the school office's number), say why. Your reason is
          recorded in the audit trail, where your trust can see it.
        </p>
        <mat-form-field class="reason">
          <mat-label>Why it needs to stay</mat-label>
          <textarea #reasonInput matInput [formControl]="reason" rows="3"></textarea>
          @if (reason.touched && reason.invalid) {
            <mat-error>Write at least {{ min }} characters about why it needs to stay.</mat-error>
          }
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (overriding()) {
        <button mat-button type="button" [mat-dialog-close]="remove">Remove them</button>
        <button mat-flat-button type="button" (click)="postAnyway()">Post anyway</button>
      } @else {
        <button mat-stroked-button type="button" (click)="startOverride()">Post anyway…</button>
        <button mat-flat-button type="button" [mat-dialog-close]="remove" cdkFocusInitial>Remove them</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .found {
      padding-left: 1.25rem;
    }
    .reason {
      width: 100%;
    }
  `,
})
export class PersonalDataDialog {
  protected readonly data = inject<PersonalDataDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PersonalDataDialog, PersonalDataChoice>>(MatDialogRef);
  protected readonly min = OVERRIDE_REASON_MIN;
  protected readonly remove = REMOVE_FINDINGS;
  protected readonly overriding = signal(false);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      (c) => (c.value.trim().length >= OVERRIDE_REASON_MIN ? null : { short: true }),
    ],
  });

  private readonly injector = inject(Injector);
  private readonly reasonInput = viewChild<ElementRef<HTMLTextAreaElement>>('reasonInput');

  protected startOverride(): void {
    this.overriding.set(true);
    afterNextRender(() => this.reasonInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected label(f: PersonalDataFinding): string {
    const text = PERSONAL_DATA_LABEL[f.kind];
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  protected postAnyway(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close({ reason: this.reason.value.trim() });
  }
}

/** Opens the dialog (as an alert dialog, "Remove them" focused) and resolves to the choice. */
export async function askAboutPersonalData(
  dialog: MatDialog,
  message: string,
  findings: readonly PersonalDataFinding[],
): Promise<PersonalDataChoice> {
  const ref = dialog.open<PersonalDataDialog, PersonalDataDialogData, PersonalDataChoice>(
    PersonalDataDialog,
    {
      data: { message, findings },
      role: 'alertdialog',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '34rem',
    },
  );
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
