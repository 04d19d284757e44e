import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, PASSWORD_MIN_LENGTH } from '@lantern/shared-domain';
import { GraphqlClient, ResetPasswordDocument, isApiError, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { focusFirstInvalid, matchingPasswords, passwordValidator } from '../forms';

/**
 * /reset-password?token=…: choose a new password with the emailed link. Success ends every session
 * of the person and sends them to sign in with it (a reset never signs anyone in, so it can never
 * skip a second factor).
 */
@Component({
  selector: 'lan-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, Alert],
  template: `
    <main id="main-content" class="public" tabindex="-1">
      <div class="panel">
        <p class="brand" aria-hidden="true">Lantern</p>
        <h1>Choose a new password</h1>
        @if (!token()) {
          <lan-alert kind="error" title="This link is not complete">
            <p>Open the link from the email again, or ask for a new one.</p>
          </lan-alert>
          <p><a routerLink="/forgot-password">Ask for a new reset link</a></p>
        } @else {
          @if (problem(); as p) {
            <lan-alert kind="error" [title]="p.title" [focusOnShow]="true">
              <p>{{ p.message }}</p>
              @if (p.linkUsed) {
                <p><a routerLink="/forgot-password">Ask for a new reset link</a></p>
              }
            </lan-alert>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>New password</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" />
              <mat-hint>At least {{ minLength }} characters. A few unrelated words work well.</mat-hint>
              @if (form.controls.password.hasError('required')) {
                <mat-error>Choose a password.</mat-error>
              } @else if (form.controls.password.getError('password'); as m) {
                <mat-error>{{ m }}</mat-error>
              } @else if (form.controls.password.getError('server'); as m) {
                <mat-error>{{ m }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Confirm new password</mat-label>
              <input matInput formControlName="confirm" type="password" autocomplete="new-password" />
              @if (form.controls.confirm.hasError('required')) {
                <mat-error>Type your new password again.</mat-error>
              } @else if (form.controls.confirm.hasError('mismatch')) {
                <mat-error>The passwords do not match.</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ busy() ? 'Saving…' : 'Set new password' }}
            </button>
          </form>
          <p class="hint">Setting a new password signs you out on every device.</p>
        }
      </div>
    </main>
  `,
  styleUrl: '../public-page.scss',
})
export class ResetPasswordPage {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** ?token=… */
  readonly token = input<string | undefined>();
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, passwordValidator()]],
      confirm: ['', [Validators.required]],
    },
    { validators: [matchingPasswords('password', 'confirm')] },
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<{ title: string; message: string; linkUsed: boolean } | null>(null);

  protected async submit(): Promise<void> {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      await this.client.request(ResetPasswordDocument, {
        input: { token: this.token() ?? '', newPassword: this.form.getRawValue().password },
      });
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'password-reset' } });
    } catch (error) {
      const weak = isApiError(error) && error.is(ErrorCode.WeakPassword);
      const linkUsed = isApiError(error) && error.is(ErrorCode.BadInput) && 'token' in error.fields;
      if (weak) {
        this.form.controls.password.setErrors({ server: messageOf(error) });
        this.form.controls.password.markAsTouched();
      }
      this.problem.set({
        title: linkUsed ? 'This link no longer works' : 'Your password was not changed',
        message: messageOf(error),
        linkUsed,
      });
    } finally {
      this.busy.set(false);
    }
  }
}
