import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ErrorCode } from '@lantern/shared-domain';
import { GraphqlClient, RequestPasswordResetDocument, isApiError, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { emailValidator, focusFirstInvalid } from '../forms';

/**
 * /forgot-password: ask for a reset link by email. The answer is the same whether or not the
 * address has an account, so the page never says which.
 */
@Component({
  selector: 'lan-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, Alert],
  template: `
    <main id="main-content" class="public" tabindex="-1">
      <div class="panel">
        <p class="brand" aria-hidden="true">Lantern</p>
        <h1>Reset your password</h1>
        @if (sentTo(); as email) {
          <lan-alert kind="success" title="Check your email" [focusOnShow]="true">
            <p>
              If {{ email }} belongs to a Lantern account, we have sent it a link to choose a new password.
              The link works once, for 30 minutes. Nothing arriving? Check your junk folder, or ask again.
            </p>
          </lan-alert>
          <p><a routerLink="/sign-in">Back to sign in</a></p>
        } @else {
          <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
          @if (problem(); as message) {
            <lan-alert kind="error" title="The link was not sent" [focusOnShow]="true">
              <p>{{ message }}</p>
            </lan-alert>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>Email</mat-label>
              <input
                matInput
                formControlName="email"
                type="email"
                autocomplete="username"
                inputmode="email"
              />
              @if (form.controls.email.hasError('required')) {
                <mat-error>Enter your email address.</mat-error>
              } @else if (form.controls.email.hasError('email')) {
                <mat-error>Enter an email address like name&#64;school.org.uk.</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ busy() ? 'Sending…' : 'Send me a reset link' }}
            </button>
          </form>
          <p class="hint"><a routerLink="/sign-in">Back to sign in</a></p>
        }
      </div>
    </main>
  `,
  styleUrl: '../public-page.scss',
})
export class ForgotPasswordPage {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailValidator]],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const email = this.form.getRawValue().email.trim();
    try {
      await this.client.request(RequestPasswordResetDocument, { email });
      this.sentTo.set(email);
    } catch (error) {
      this.problem.set(
        isApiError(error) && error.is(ErrorCode.RateLimited)
          ? `${messageOf(error)} You can ask again in a minute.`
          : messageOf(error),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
