import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ALL_ROLES, ROLE_LABEL, Role } from '@lantern/shared-domain';
import { type CategoryInput, type ForumCategoryAdminPartsFragment, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { focusFirstInvalid } from '../forms';

export interface TrustOption {
  id: string;
  name: string;
}

export type CategoryScope = 'NETWORK' | 'TRUST';

export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 500;

/** The API's input from what the form holds (no roles ticked: everyone who can see it by trust). */
export function categoryInput(v: {
  name: string;
  description: string;
  scope: CategoryScope;
  trustId: string;
  roles: readonly Role[];
}): CategoryInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    trustId: v.scope === 'TRUST' ? v.trustId : null,
    roles: v.roles.length ? [...v.roles] : null,
  };
}

/** Create or change a forum category: name, description, network-wide or one trust, optionally some roles. */
@Component({
  selector: 'lan-forum-category-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    Alert,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-labelledby]="headingId()">
      @if (error(); as message) {
        <lan-alert kind="error" title="The category was not saved"
          ><p>{{ message }}</p></lan-alert
        >
      }
      <mat-form-field class="wide">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" [attr.maxlength]="nameMax" autocomplete="off" required />
        <mat-hint align="end">{{ form.controls.name.value.length }} / {{ nameMax }}</mat-hint>
        @if (form.controls.name.hasError('required')) {
          <mat-error>Give the category a name.</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Description</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="3"
          [attr.maxlength]="descriptionMax"
        ></textarea>
        <mat-hint>What belongs here, in a sentence.</mat-hint>
        <mat-hint align="end">{{ form.controls.description.value.length }} / {{ descriptionMax }}</mat-hint>
      </mat-form-field>

      <fieldset>
        <legend>Who can see it</legend>
        <mat-radio-group formControlName="scope" aria-label="Who can see it">
          <mat-radio-button value="NETWORK">Everyone in the network</mat-radio-button>
          <mat-radio-button value="TRUST">One trust only</mat-radio-button>
        </mat-radio-group>
        @if (scope() === 'TRUST') {
          <mat-form-field class="wide">
            <mat-label>Trust</mat-label>
            <select matNativeControl formControlName="trustId" required>
              <option value="" disabled>Choose a trust</option>
              @for (t of trusts(); track t.id) {
                <option [value]="t.id">{{ t.name }}</option>
              }
            </select>
            @if (form.controls.trustId.hasError('required')) {
              <mat-error>Choose the trust.</mat-error>
            }
          </mat-form-field>
        }
      </fieldset>

      <fieldset>
        <legend>Limit to roles (optional)</legend>
        <p class="hint">Leave all unticked for everyone who can see it. Network admins always can.</p>
        <div class="roles">
          @for (role of roles; track role) {
            <mat-checkbox [checked]="hasRole(role)" (change)="setRole(role, $event.checked)">{{
              roleLabel[role]
            }}</mat-checkbox>
          }
        </div>
      </fieldset>

      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : submitLabel() }}
        </button>
        <button mat-stroked-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .wide {
      width: 100%;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 0.5rem 1rem 1rem;
      margin: 0;
    }
    legend {
      padding: 0 0.25rem;
      font-weight: 500;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin-bottom: 0.5rem;
    }
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .hint {
      margin: 0 0 0.25rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class ForumCategoryForm {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The category being changed, or null to create one. */
  readonly category = input<ForumCategoryAdminPartsFragment | null>(null);
  readonly trusts = input<readonly TrustOption[]>([]);
  readonly submitLabel = input('Save');
  readonly headingId = input<string | null>(null);
  /** Saves and returns nothing, or throws (the message is shown). */
  readonly save = input.required<(value: CategoryInput) => Promise<void>>();
  readonly cancelled = output<void>();

  protected readonly nameMax = NAME_MAX;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly roles = ALL_ROLES.filter((r) => r !== Role.NetworkAdmin);
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly chosenRoles = signal<ReadonlySet<Role>>(new Set());

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX)]],
    description: ['', [Validators.maxLength(DESCRIPTION_MAX)]],
    scope: this.fb.control<CategoryScope>('NETWORK'),
    trustId: [''],
  });
  protected readonly scope = toSignal(this.form.controls.scope.valueChanges, { initialValue: 'NETWORK' });

  constructor() {
    effect(() => {
      const c = this.category();
      untracked(() => {
        this.form.reset({
          name: c?.name ?? '',
          description: c?.description ?? '',
          scope: c?.trust ? 'TRUST' : 'NETWORK',
          trustId: c?.trust?.id ?? '',
        });
        this.chosenRoles.set(new Set((c?.roles ?? []) as Role[]));
        this.error.set(null);
      });
    });
    this.form.controls.scope.valueChanges.subscribe((scope) => {
      const trust = this.form.controls.trustId;
      trust.setValidators(scope === 'TRUST' ? [Validators.required] : []);
      trust.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected hasRole(role: Role): boolean {
    return this.chosenRoles().has(role);
  }

  protected setRole(role: Role, on: boolean): void {
    this.chosenRoles.update((set) => {
      const next = new Set(set);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.form.controls.name.setValue(this.form.controls.name.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.save()(categoryInput({ ...v, roles: ALL_ROLES.filter((r) => this.chosenRoles().has(r)) }));
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.saving.set(false);
    }
  }
}
