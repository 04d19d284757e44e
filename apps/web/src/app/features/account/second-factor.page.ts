import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { SECOND_FACTOR, normaliseTotpCode } from '@lantern/shared-domain';
import {
  ConfirmSecondFactorEnrolmentDocument,
  GraphqlClient,
  SecondFactorStateDocument,
  StartSecondFactorEnrolmentDocument,
  type StartSecondFactorEnrolmentMutation,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { RecoveryCodes } from './recovery-codes';

type Enrolment = StartSecondFactorEnrolmentMutation['startSecondFactorEnrolment'];

/** Only a path inside Lantern (never another site) is a place to go back to. */
export function safeReturnUrl(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/profile';
}

/** The key in groups of four, as authenticator apps show it. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * /account/second-factor: set up the authenticator app that case data needs. A QR code (with the key
 * as text for typing in), then the app's first code; then the ten recovery codes, shown this once,
 * to copy or download before carrying on to where the person was going (`returnUrl`).
 */
@Component({
  selector: 'lan-second-factor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    Loading,
    RecoveryCodes,
  ],
  templateUrl: './second-factor.page.html',
  styleUrl: './second-factor.page.scss',
})
export class SecondFactorPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly email = inject(Session).user()?.email ?? null;

  protected readonly digits = SECOND_FACTOR.digits;
  protected readonly count = SECOND_FACTOR.recoveryCodeCount;
  protected readonly step = signal<'loading' | 'enrolled' | 'scan' | 'codes' | 'failed'>('loading');
  protected readonly enrolment = signal<Enrolment | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly codeProblem = signal<string | null>(null);
  protected readonly savedProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly saved = new FormControl(false, { nonNullable: true });
  protected readonly returnUrl = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));

  protected readonly qrSrc = computed(() => {
    const svg = this.enrolment()?.qrSvg;
    return svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;
  });
  protected readonly key = computed(() => groupKey(this.enrolment()?.secret ?? ''));

  async ngOnInit(): Promise<void> {
    try {
      const state = (await this.client.request(SecondFactorStateDocument)).me.secondFactor;
      if (state.enrolled) {
        this.step.set('enrolled');
        return;
      }
      this.enrolment.set(
        (await this.client.request(StartSecondFactorEnrolmentDocument)).startSecondFactorEnrolment,
      );
      this.step.set('scan');
    } catch (error) {
      this.problem.set(messageOf(error));
      this.step.set('failed');
    }
  }

  protected async confirm(): Promise<void> {
    if (this.busy()) return;
    const typed = normaliseTotpCode(this.code.value);
    if (!new RegExp(`^\\d{${this.digits}}$`).test(typed)) {
      return this.refuseCode(`Enter the ${this.digits}-digit code your authenticator app shows for Lantern.`);
    }
    this.busy.set(true);
    this.codeProblem.set(null);
    try {
      const done = await this.client.request(ConfirmSecondFactorEnrolmentDocument, { code: typed });
      this.recoveryCodes.set(done.confirmSecondFactorEnrolment.recoveryCodes);
      this.step.set('codes');
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('#codes-heading')?.focus());
    } catch (error) {
      this.refuseCode(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected carryOn(): void {
    if (!this.saved.value) {
      this.savedProblem.set('Tick the box once you have saved your recovery codes.');
      this.host.nativeElement.querySelector<HTMLInputElement>('#saved-codes input')?.focus();
      return;
    }
    void this.router.navigateByUrl(this.returnUrl);
  }

  private refuseCode(message: string): void {
    this.codeProblem.set(message);
    this.host.nativeElement.querySelector<HTMLInputElement>('#enrol-code')?.focus();
  }
}
