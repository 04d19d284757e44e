import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  ErrorCode,
  NAME_MAX_LENGTH,
  NotificationDelivery,
  PASSWORD_MIN_LENGTH,
} from '@lantern/shared-domain';
import {
  ChangePasswordDocument,
  GraphqlClient,
  NotificationPreferencesDocument,
  type NotificationPreferencePartsFragment,
  SetNotificationPreferenceDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { describeRole } from '../../core/assignable';
import { Session } from '../../core/session';
import { ReadingModeForm } from './reading-mode-form';
import { SecondFactorSection } from '../account/second-factor-section';
import { applyServerFieldErrors, focusFirstInvalid, matchingPasswords, passwordValidator } from '../forms';

export const DELIVERY_OPTIONS: readonly { value: NotificationDelivery; label: string }[] = [
  { value: NotificationDelivery.InApp, label: 'In the app' },
  { value: NotificationDelivery.Digest, label: 'In the daily email digest' },
  { value: NotificationDelivery.Off, label: 'Off' },
];

type Preference = NotificationPreferencePartsFragment;

@Component({
  selector: 'lan-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    Alert,
    Loading,
    ReadingModeForm,
    SecondFactorSection,
  ],
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.scss',
})
export class ProfilePage implements OnInit {
  private readonly session = inject(Session);
  private readonly client = inject(GraphqlClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = inject(ConfirmService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly user = this.session.user;
  protected readonly roles = computed(() => (this.session.viewer()?.memberships ?? []).map(describeRole));
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly nameForm = this.fb.group({
    displayName: [
      this.session.user()?.displayName ?? '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)],
    ],
  });
  protected readonly nameBusy = signal(false);
  protected readonly nameProblem = signal<string | null>(null);

  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: [
        '',
        [
          Validators.required,
          passwordValidator(() => {
            const u = this.session.user();
            return u ? [u.displayName, u.email, u.email.split('@')[0]] : [];
          }),
        ],
      ],
      confirm: ['', [Validators.required]],
    },
    { validators: [matchingPasswords('newPassword', 'confirm')] },
  );
  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<string | null>(null);

  protected readonly deliveryOptions = DELIVERY_OPTIONS;
  protected readonly preferences = signal<readonly Preference[] | null>(null);
  protected readonly preferencesProblem = signal<string | null>(null);
  protected readonly savingKind = signal<string | null>(null);
  protected readonly showPresence = computed(() => this.session.viewer()?.showPresence ?? true);
  protected readonly presenceBusy = signal(false);
  protected readonly presenceProblem = signal<string | null>(null);

  ngOnInit(): void {
    void this.loadPreferences();
  }

  protected async loadPreferences(): Promise<void> {
    this.preferencesProblem.set(null);
    try {
      const data = await this.client.request(NotificationPreferencesDocument);
      this.preferences.set(data.notificationPreferences);
    } catch (error) {
      this.preferencesProblem.set(messageOf(error));
    }
  }

  protected async setPreference(preference: Preference, event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const delivery = select.value as NotificationDelivery;
    if (delivery === preference.delivery) return;
    this.preferencesProblem.set(null);
    this.savingKind.set(preference.kind);
    try {
      const data = await this.client.request(SetNotificationPreferenceDocument, {
        kind: preference.kind,
        delivery,
      });
      const saved = data.setNotificationPreference;
      this.preferences.update((list) => (list ?? []).map((p) => (p.kind === saved.kind ? saved : p)));
      const how = DELIVERY_OPTIONS.find((o) => o.value === saved.delivery)?.label ?? '';
      this.snackBar.open(`Saved. ${saved.label}: ${how.toLowerCase()}.`, 'Dismiss');
    } catch (error) {
      select.value = preference.delivery;
      this.preferencesProblem.set(messageOf(error));
    } finally {
      this.savingKind.set(null);
    }
  }

  protected async setShowPresence(change: MatSlideToggleChange): Promise<void> {
    const show = change.checked;
    this.presenceProblem.set(null);
    this.presenceBusy.set(true);
    try {
      await this.session.setShowPresence(show);
      this.snackBar.open(
        show ? 'People can now see when you are online.' : 'You now appear offline to everyone.',
        'Dismiss',
      );
    } catch (error) {
      change.source.checked = !show;
      this.presenceProblem.set(messageOf(error));
    } finally {
      this.presenceBusy.set(false);
    }
  }

  protected async saveName(): Promise<void> {
    this.nameProblem.set(null);
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.nameBusy.set(true);
    try {
      const viewer = await this.session.updateDisplayName(this.nameForm.controls.displayName.value.trim());
      this.nameForm.reset({ displayName: viewer.user.displayName });
      this.snackBar.open('Your name has been saved.', 'Dismiss');
    } catch (error) {
      if (!(isApiError(error) && applyServerFieldErrors(this.nameForm.controls, error))) {
        this.nameProblem.set(messageOf(error));
      }
    } finally {
      this.nameBusy.set(false);
    }
  }

  protected async changePassword(): Promise<void> {
    this.passwordProblem.set(null);
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.passwordBusy.set(true);
    try {
      await this.client.request(ChangePasswordDocument, { input: { currentPassword, newPassword } });
      this.passwordForm.reset();
      this.snackBar.open('Your password has been changed.', 'Dismiss');
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.WeakPassword) {
        this.passwordForm.controls.newPassword.setErrors({ server: error.message });
        focusFirstInvalid(this.host.nativeElement);
      } else if (isApiError(error) && error.code === ErrorCode.InvalidCredentials) {
        this.passwordForm.controls.currentPassword.setErrors({ server: error.message });
        focusFirstInvalid(this.host.nativeElement);
      } else if (!(isApiError(error) && applyServerFieldErrors(this.passwordForm.controls, error))) {
        this.passwordProblem.set(messageOf(error));
      }
    } finally {
      this.passwordBusy.set(false);
    }
  }

  protected async signOutEverywhere(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Sign out everywhere?',
      message: 'You will be signed out on every device and browser at once, including this one.',
      details: ['Use this if you think someone else may be using your account.'],
      confirmText: 'Sign out everywhere',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.session.signOutEverywhere();
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'everywhere' } });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } finally {
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'signed-out' } });
    }
  }
}
