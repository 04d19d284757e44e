import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  ErrorCode,
  SUPERVISION_LIMITS,
  SUPERVISION_ROLE_LABEL,
  SupervisionRole,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { ConfirmService, KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import { formatDateTime } from '../../core/format';
import { type SupervisionAddendum, type SupervisionRecord, SupervisionData } from './supervision-data';
import { recordFailure, signatureText } from './supervision-model';

/**
 * A signed record's addenda: each dated, with who wrote it and each side's signature; a participant
 * who signs adds one (the personal-data check first) and signs those their side has not signed.
 */
@Component({
  selector: 'lan-record-addenda',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="addenda-heading">
      <h2 id="addenda-heading">Addenda</h2>
      <p class="muted">
        A signed record cannot be changed. Corrections and later notes are dated addenda that both sides sign.
      </p>
      @for (a of record().addenda; track a.id; let i = $index) {
        <article class="addendum" [attr.aria-labelledby]="'addendum-' + a.id">
          <h3 [id]="'addendum-' + a.id">Addendum {{ i + 1 }}, {{ when(a.writtenAt) }}</h3>
          <p class="text">{{ a.body }}</p>
          <p class="muted">Written by {{ a.writtenByName }}.</p>
          <ul class="signs">
            <li>SENCO: {{ signed(a.sencoSignedByName, a.sencoSignedAt) }}</li>
            <li>Trust SEND lead: {{ signed(a.leadSignedByName, a.leadSignedAt) }}</li>
          </ul>
          @if (sideFor(a); as side) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="sign(a, side)">
              Sign addendum {{ i + 1 }} as {{ label[side] }}
            </button>
          }
        </article>
      } @empty {
        <p>No addenda.</p>
      }
      @if (signs()) {
        <form class="add" (submit)="add($event)" novalidate>
          <mat-form-field class="body">
            <mat-label>New addendum</mat-label>
            <textarea
              matInput
              id="addendum-body"
              rows="4"
              [attr.maxlength]="max"
              [value]="body()"
              [attr.aria-invalid]="error() ? 'true' : null"
              [attr.aria-describedby]="error() ? 'addendum-error' : null"
              (input)="body.set($any($event.target).value); error.set(null)"
            ></textarea>
            <mat-hint
              >Dated today and added below the signed record. Use case references, never names.</mat-hint
            >
          </mat-form-field>
          @if (error(); as message) {
            <p class="field-error" id="addendum-error" role="alert">
              <span class="visually-hidden">Error: </span>{{ message }}
            </p>
          }
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Adding…' : 'Add the addendum' }}
          </button>
        </form>
      }
    </section>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .addendum {
      padding: 0.75rem 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .addendum h3 {
      margin: 0 0 0.5rem;
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
    }
    .signs {
      padding-left: 1.25rem;
    }
    .add {
      margin-top: 1rem;
    }
    .body {
      width: 100%;
    }
    .field-error {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class RecordAddenda {
  private readonly data = inject(SupervisionData);
  private readonly confirm = inject(ConfirmService);
  private readonly personalData = inject(PersonalDataCheck);

  readonly sessionId = input.required<string>();
  readonly record = input.required<SupervisionRecord>();
  readonly myRole = input<SupervisionRole | null>(null);
  readonly changed = output<{ record: SupervisionRecord; said: string }>();

  protected readonly body = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly max = SUPERVISION_LIMITS.addendumMax;
  protected readonly label = SUPERVISION_ROLE_LABEL;
  protected readonly signs = computed(
    () => this.myRole() === SupervisionRole.Senco || this.myRole() === SupervisionRole.SendLead,
  );
  protected readonly when = formatDateTime;
  protected readonly signed = (name: string | null, at: string | null) =>
    signatureText(name, at, formatDateTime);

  /** The side the viewer may sign this addendum for now (the API says). */
  protected sideFor(a: SupervisionAddendum): SupervisionRole | null {
    return a.canSignAs;
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const text = this.body().trim();
    if (!text) return this.error.set('Enter the addendum.');
    if (text.length > this.max)
      return this.error.set(`Keep the addendum to ${this.max} characters or fewer.`);
    this.busy.set(true);
    this.error.set(null);
    try {
      const editable = { text: this.body(), set: (t: string) => this.body.set(t) };
      const result = await this.personalData.save([editable], (override) =>
        this.data.addAddendum(this.sessionId(), this.body().trim(), !!override),
      );
      if (result === KEPT_BACK) return;
      this.body.set('');
      this.changed.emit({ record: result, said: 'The addendum was added. Both sides sign it.' });
    } catch (error) {
      this.error.set(
        isApiError(error) && error.code === ErrorCode.PersonalData
          ? error.message
          : recordFailure(error, messageOf(error)).message,
      );
    } finally {
      this.busy.set(false);
    }
  }

  protected async sign(a: SupervisionAddendum, side: SupervisionRole): Promise<void> {
    const ok = await this.confirm.confirm({
      title: `Sign the addendum as ${this.label[side]}?`,
      message: 'A signed addendum cannot be changed by anyone.',
      confirmText: `Sign as ${this.label[side]}`,
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      const record = await this.data.signAddendum(a.id);
      this.changed.emit({ record, said: 'You signed the addendum.' });
    } catch (error) {
      this.error.set(recordFailure(error, messageOf(error)).message);
    } finally {
      this.busy.set(false);
    }
  }
}
