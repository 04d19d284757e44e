import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type Actor, ROLE_LABEL, type Role } from '@lantern/shared-domain';
import { GrantRoleDocument, type GrantRoleMutation, GraphqlClient, messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { assignableRoles, assignableScopes, type OrgTrust, scopeFieldLabel } from '../../core/assignable';

export interface GrantRoleData {
  person: { id: string; displayName: string };
  actor: Actor | null;
  trusts: readonly OrgTrust[];
}

export type GrantedMembership = GrantRoleMutation['grantRole'];

/** Give someone a role: only roles and places the viewer may assign are offered. */
@Component({
  selector: 'lan-grant-role-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, Alert],
  template: `
    <h2 mat-dialog-title>Give {{ data.person.displayName }} a role</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (problem(); as message) {
          <lan-alert kind="error" title="The role was not given" [focusOnShow]="true">
            <p>{{ message }}</p>
          </lan-alert>
        }
        <mat-form-field>
          <mat-label>Role</mat-label>
          <select matNativeControl formControlName="role">
            <option value="" disabled>Choose a role</option>
            @for (option of roles; track option.role) {
              <option [value]="option.role">{{ option.label }}</option>
            }
          </select>
          @if (form.controls.role.hasError('required')) {
            <mat-error>Choose a role.</mat-error>
          }
        </mat-form-field>
        @if (scopeLabel(); as label) {
          <mat-form-field>
            <mat-label>{{ label }}</mat-label>
            <select matNativeControl formControlName="scope">
              <option value="" disabled>Choose a {{ label.toLowerCase() }}</option>
              @for (option of scopes(); track option.id) {
                <option [value]="option.id">{{ option.label }}</option>
              }
            </select>
            @if (form.controls.scope.hasError('required')) {
              <mat-error>Choose a {{ label.toLowerCase() }}.</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Giving role…' : 'Give role' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      margin-top: 0.5rem;
    }
  `,
})
export class GrantRoleDialog {
  protected readonly data = inject<GrantRoleData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<GrantRoleDialog, GrantedMembership>>(MatDialogRef);
  private readonly client = inject(GraphqlClient);

  protected readonly roles = assignableRoles(this.data.actor, this.data.trusts);
  protected readonly form = inject(NonNullableFormBuilder).group({
    role: ['' as Role | '', Validators.required],
    scope: [''],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: '' as Role | '' });
  protected readonly scopeLabel = computed(() => scopeFieldLabel(this.role() || null));
  protected readonly scopes = computed(() => {
    const role = this.role();
    return role ? assignableScopes(this.data.actor, role, this.data.trusts) : [];
  });

  constructor() {
    this.form.controls.role.valueChanges.subscribe((role) => {
      const scope = this.form.controls.scope;
      const options = role ? assignableScopes(this.data.actor, role, this.data.trusts) : [];
      scope.setValidators(scopeFieldLabel(role || null) ? [Validators.required] : []);
      // A single choice is chosen for you.
      scope.setValue(options.length === 1 ? options[0].id : '');
      scope.updateValueAndValidity();
    });
  }

  protected async submit(): Promise<void> {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { role, scope } = this.form.getRawValue();
    if (!role) return;
    const option = assignableScopes(this.data.actor, role, this.data.trusts).find((o) => o.id === scope);
    if (!option) return;
    this.busy.set(true);
    try {
      const result = await this.client.request(GrantRoleDocument, {
        input: {
          userId: this.data.person.id,
          role,
          trustId: option.schoolId ? null : option.trustId,
          schoolId: option.schoolId,
        },
      });
      this.ref.close(result.grantRole);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly roleLabel = ROLE_LABEL;
}
