import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injectable,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SECOND_FACTOR, normaliseRecoveryCode, normaliseTotpCode } from '@lantern/shared-domain';
import { firstValueFrom } from 'rxjs';

/** What the person entered: a code from the app or a recovery code, and whether to remember this device. */
export interface SecondFactorEntry {
  code?: string;
  recoveryCode?: string;
  rememberDevice: boolean;
}

export interface SecondFactorDialogData {
  /** Check the entry with the API: null when the session is now elevated, else the message to show. */
  submit(entry: SecondFactorEntry): Promise<string | null>;
}

/**
 * Asks for the second factor when case data needs it: the 6-digit code from the authenticator app
 * (numeric keyboard, one-time-code autofill), or a recovery code instead, and "remember this device
 * for 30 days". Closes with true once the API accepted the code; Escape or Cancel close with false.
 */
@Component({
  selector: 'lan-second-factor-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Enter your code</h2>
    <form (submit)="$event.preventDefault(); send()" novalidate>
      <mat-dialog-content>
        @if (recovery()) {
          <p id="sf-help">
            Case data needs your second factor. Enter one of your recovery codes; each works once.
          </p>
          <mat-form-field class="field">
            <mat-label>Recovery code</mat-label>
            <input
              #entry
              matInput
              [formControl]="code"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              aria-describedby="sf-help"
              [attr.aria-invalid]="!!problem()"
              [attr.aria-errormessage]="problem() ? 'sf-problem' : null"
            />
          </mat-form-field>
        } @else {
          <p id="sf-help">
            Case data needs your second factor. Enter the {{ digits }}-digit code from your authenticator app.
          </p>
          <mat-form-field class="field">
            <mat-label>{{ digits }}-digit code</mat-label>
            <input
              #entry
              matInput
              [formControl]="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength="9"
              aria-describedby="sf-help"
              [attr.aria-invalid]="!!problem()"
              [attr.aria-errormessage]="problem() ? 'sf-problem' : null"
            />
          </mat-form-field>
        }
        @if (problem(); as message) {
          <p id="sf-problem" class="problem" role="alert">{{ message }}</p>
        }
        <button mat-button type="button" class="switch" (click)="toggleRecovery()">
          {{ recovery() ? 'Use the code from my app instead' : 'Use a recovery code instead' }}
        </button>
        <mat-checkbox [formControl]="remember">Remember this device for {{ days }} days</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Continue</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0 0 0.5rem;
    }
    .switch {
      display: block;
      margin-bottom: 0.5rem;
    }
  `,
})
export class SecondFactorDialog {
  private readonly data = inject<SecondFactorDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SecondFactorDialog, boolean>>(MatDialogRef);
  private readonly injector = inject(Injector);
  private readonly entry = viewChild<ElementRef<HTMLInputElement>>('entry');

  protected readonly digits = SECOND_FACTOR.digits;
  protected readonly days = SECOND_FACTOR.rememberDeviceDays;
  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly remember = new FormControl(false, { nonNullable: true });
  protected readonly recovery = signal(false);
  protected readonly problem = signal('');
  protected readonly busy = signal(false);

  protected toggleRecovery(): void {
    this.recovery.update((r) => !r);
    this.code.setValue('');
    this.problem.set('');
    afterNextRender(() => this.entry()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async send(): Promise<void> {
    if (this.busy()) return;
    const typed = this.code.value;
    const missing = this.recovery()
      ? normaliseRecoveryCode(typed).length === 0
        ? 'Enter one of your recovery codes.'
        : ''
      : /^\d+$/.test(normaliseTotpCode(typed))
        ? ''
        : `Enter the ${this.digits}-digit code from your authenticator app.`;
    if (missing) return this.refuse(missing);
    this.busy.set(true);
    try {
      const problem = await this.data.submit(
        this.recovery()
          ? { recoveryCode: typed.trim(), rememberDevice: this.remember.value }
          : { code: normaliseTotpCode(typed), rememberDevice: this.remember.value },
      );
      if (problem === null) this.ref.close(true);
      else this.refuse(problem);
    } finally {
      this.busy.set(false);
    }
  }

  private refuse(message: string): void {
    this.problem.set(message);
    this.entry()?.nativeElement.focus();
  }
}

/** Opens the second-factor dialog; resolves true once the session is elevated. */
@Injectable({ providedIn: 'root' })
export class SecondFactorDialogService {
  private readonly dialog = inject(MatDialog);

  async ask(data: SecondFactorDialogData): Promise<boolean> {
    const ref = this.dialog.open<SecondFactorDialog, SecondFactorDialogData, boolean>(SecondFactorDialog, {
      data,
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '30rem',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
