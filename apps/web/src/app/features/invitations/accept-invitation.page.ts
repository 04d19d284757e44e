import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
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
import { ErrorCode, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLE_LABEL } from '@lantern/shared-domain';
import {
  GraphqlClient,
  InvitationPreviewDocument,
  type InvitationPreviewQuery,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { formatDate } from '../../core/format';
import { Session } from '../../core/session';
import { applyServerFieldErrors, focusFirstInvalid, matchingPasswords, passwordValidator } from '../forms';

type Preview = InvitationPreviewQuery['invitationPreview'];
type State =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; preview: Preview };

export const INVALID_INVITATION_MESSAGE =
  'This invitation link has expired or has already been used. Ask the person who invited you to send a new one.';

@Component({
  selector: 'lan-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    RouterLink,
    Alert,
    Loading,
  ],
  templateUrl: './accept-invitation.page.html',
  styleUrl: '../public-page.scss',
})
export class AcceptInvitationPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** ?token=… */
  readonly token = input<string | undefined>();

  protected readonly invalidMessage = INVALID_INVITATION_MESSAGE;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly invitedAs = computed(() => {
    const s = this.state();
    if (s.kind !== 'ready') return '';
    const p = s.preview;
    const where = p.schoolName
      ? p.trustName
        ? `${p.schoolName} (${p.trustName})`
        : p.schoolName
      : p.trustName;
    return where ? `${ROLE_LABEL[p.role]} at ${where}` : `${ROLE_LABEL[p.role]} for the whole network`;
  });
  protected readonly expires = computed(() => {
    const s = this.state();
    return s.kind === 'ready' ? formatDate(s.preview.expiresAt) : '';
  });

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      displayName: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
      password: ['', [Validators.required, passwordValidator(() => this.passwordContext())]],
      confirm: ['', [Validators.required]],
    },
    { validators: [matchingPasswords('password', 'confirm')] },
  );

  ngOnInit(): void {
    void this.load();
  }

  private passwordContext(): string[] {
    const s = this.state();
    const email = s.kind === 'ready' ? s.preview.email : '';
    return [this.form?.controls.displayName.value ?? '', email, email.split('@')[0]];
  }

  private async load(): Promise<void> {
    const token = this.token()?.trim();
    if (!token) {
      this.state.set({ kind: 'invalid' });
      return;
    }
    try {
      const data = await this.client.request(InvitationPreviewDocument, { token });
      this.state.set({ kind: 'ready', preview: data.invitationPreview });
    } catch (error) {
      if (isApiError(error) && error.is(ErrorCode.InvitationInvalid, ErrorCode.NotFound)) {
        this.state.set({ kind: 'invalid' });
      } else {
        this.state.set({ kind: 'failed', message: messageOf(error) });
      }
    }
  }

  protected async submit(): Promise<void> {
    this.problem.set(null);
    this.form.controls.password.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const token = this.token()?.trim() ?? '';
    const { displayName, password } = this.form.getRawValue();
    this.busy.set(true);
    try {
      await this.session.acceptInvitation({ token, displayName: displayName.trim(), password });
      await this.router.navigateByUrl('/directory');
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.InvitationInvalid) {
        this.state.set({ kind: 'invalid' });
      } else if (isApiError(error) && error.code === ErrorCode.WeakPassword) {
        this.form.controls.password.setErrors({ server: error.message });
        focusFirstInvalid(this.host.nativeElement);
      } else if (isApiError(error) && applyServerFieldErrors(this.form.controls, error)) {
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.problem.set(messageOf(error));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
