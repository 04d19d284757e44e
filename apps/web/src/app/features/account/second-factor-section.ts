import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { SECOND_FACTOR, normaliseTotpCode } from '@lantern/shared-domain';
import {
  GraphqlClient,
  RegenerateRecoveryCodesDocument,
  SecondFactorStateDocument,
  type SecondFactorStatePartsFragment,
  messageOf,
} from '@lantern/web-graphql';
import { formatDateTime } from '../../core/format';
import { RecoveryCodes } from './recovery-codes';

/**
 * The profile's "Second factor" section: whether it is set up, until when case data is open in this
 * session, how many recovery codes are left, and new recovery codes (with a code from the app).
 */
@Component({
  selector: 'lan-second-factor-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RecoveryCodes,
  ],
  template: `
    <h2 id="second-factor-heading">Second factor</h2>
    @if (state(); as s) {
      @if (s.enrolled) {
        <dl class="facts">
          <dt>Authenticator app</dt>
          <dd>Set up</dd>
          <dt>Case data in this session</dt>
          <dd>
            @if (s.elevatedUntil) {
              Open until {{ when(s.elevatedUntil) }}
            } @else {
              Closed: Lantern asks for a code when you open case data
            }
          </dd>
          <dt>Recovery codes left</dt>
          <dd>{{ s.recoveryCodesLeft }} of {{ count }}</dd>
        </dl>
        @if (fresh().length) {
          <h3>Your new recovery codes</h3>
          <p>The old ones no longer work. This is the only time Lantern shows these: save them now.</p>
          <lan-recovery-codes [codes]="fresh()" />
        } @else {
          <form (submit)="$event.preventDefault(); regenerate()" novalidate>
            <p>Used some, or lost them? Make {{ count }} new recovery codes; the old ones stop working.</p>
            <mat-form-field>
              <mat-label>{{ digits }}-digit code from your app</mat-label>
              <input
                id="regenerate-code"
                matInput
                [formControl]="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="9"
                [attr.aria-invalid]="!!problem()"
                [attr.aria-describedby]="problem() ? 'regenerate-problem' : null"
              />
            </mat-form-field>
            @if (problem(); as message) {
              <p id="regenerate-problem" class="problem" role="alert">{{ message }}</p>
            }
            <button mat-stroked-button type="submit" [disabled]="busy()">Make new recovery codes</button>
          </form>
        }
      } @else {
        <p>
          @if (s.required) {
            Your roles include case data, which needs a second factor: a code from an authenticator app on
            your phone.
          } @else {
            Not set up. Your roles do not include case data, so Lantern does not ask you for one.
          }
        </p>
        <a mat-stroked-button routerLink="/account/second-factor">Set up your second factor</a>
      }
    } @else if (problem(); as message) {
      <p class="problem" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0 0 0.5rem;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0 0 0.75rem;
    }
  `,
})
export class SecondFactorSection implements OnInit {
  private readonly client = inject(GraphqlClient);
  protected readonly state = signal<SecondFactorStatePartsFragment | null>(null);
  protected readonly fresh = signal<readonly string[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly count = SECOND_FACTOR.recoveryCodeCount;
  protected readonly digits = SECOND_FACTOR.digits;
  protected readonly when = (iso: string) => formatDateTime(iso);

  async ngOnInit(): Promise<void> {
    try {
      this.state.set((await this.client.request(SecondFactorStateDocument)).me.secondFactor);
    } catch (error) {
      this.problem.set(messageOf(error));
    }
  }

  protected async regenerate(): Promise<void> {
    if (this.busy()) return;
    const typed = normaliseTotpCode(this.code.value);
    if (!/^\d+$/.test(typed))
      return this.refuse(`Enter the ${this.digits}-digit code from your authenticator app.`);
    this.busy.set(true);
    this.problem.set(null);
    try {
      const codes = (await this.client.request(RegenerateRecoveryCodesDocument, { code: typed }))
        .regenerateRecoveryCodes;
      this.fresh.set(codes);
      this.state.update((s) => (s ? { ...s, recoveryCodesLeft: codes.length } : s));
    } catch (error) {
      this.refuse(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  private refuse(message: string): void {
    this.problem.set(message);
    document.getElementById('regenerate-code')?.focus();
  }
}
