import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { safeReturnUrl } from '../../core/guards';
import { Session } from '../../core/session';
import { focusFirstInvalid } from '../forms';

interface Problem {
  title: string;
  message: string;
}

@Component({
  selector: 'lan-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, Alert],
  templateUrl: './sign-in.page.html',
  styleUrl: '../public-page.scss',
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameters (component input binding). */
  readonly returnUrl = input<string | undefined>();
  readonly reason = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly notice = computed(() => {
    switch (this.reason()) {
      case 'ended':
        return 'Your session has ended. Please sign in again.';
      case 'signed-out':
        return 'You have signed out.';
      case 'everywhere':
        return 'You have been signed out on every device.';
      case 'password-reset':
        return 'Your password has been changed and you have been signed out on every device. Sign in with your new password.';
      default:
        return null;
    }
  });

  protected async submit(): Promise<void> {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const { email, password } = this.form.getRawValue();
    try {
      await this.session.signIn(email.trim(), password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.form.controls.password.reset();
      const tooMany = isApiError(error) && error.is(ErrorCode.RateLimited, ErrorCode.AccountLocked);
      this.problem.set({
        title: tooMany ? 'Too many attempts' : 'You could not be signed in',
        message: messageOf(error),
      });
    } finally {
      this.busy.set(false);
    }
  }
}
