import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  canAssignRole,
  EMAIL_MAX_LENGTH,
  INVITATION_TTL_DAYS,
  normaliseEmail,
  PAGE_SIZE_DEFAULT,
  ROLE_LABEL,
  type Role,
} from '@lantern/shared-domain';
import {
  GraphqlClient,
  type InvitationPartsFragment,
  type InvitationStatus,
  InvitationsDocument,
  InviteDocument,
  isApiError,
  messageOf,
  OrganisationDocument,
  type OrganisationQuery,
  RevokeInvitationDocument,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, EmptyState, Loading } from '@lantern/web-ui';
import { assignableRoles, assignableScopes, scopeFieldLabel, scopeOf } from '../../core/assignable';
import { formatDate, formatDateTime } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { Session } from '../../core/session';
import { applyServerFieldErrors, emailValidator, focusFirstInvalid } from '../forms';

type Invitation = InvitationPartsFragment;

export const STATUS_LABEL: Record<InvitationStatus, string> = {
  PENDING: 'Waiting to be accepted',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

@Component({
  selector: 'lan-invitations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    EmptyState,
    Loading,
  ],
  templateUrl: './invitations.page.html',
  styleUrl: './invitations.page.scss',
})
export class InvitationsPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = inject(ConfirmService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The <form>'s directive: its "submitted" flag shows field errors, so a reset must clear it too. */
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly ttlDays = INVITATION_TTL_DAYS;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statuses = Object.entries(STATUS_LABEL) as [InvitationStatus, string][];
  protected readonly organisation = signal<OrganisationQuery['trusts'] | null>(null);
  protected readonly orgError = signal<string | null>(null);
  protected readonly statusFilter = signal<InvitationStatus | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.maxLength(EMAIL_MAX_LENGTH), emailValidator]],
    role: ['' as Role | '', [Validators.required]],
    scope: [''],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: '' as Role | '' });

  /** Only roles the viewer may assign somewhere, and only the places they may assign the chosen one. */
  protected readonly roles = computed(() => assignableRoles(this.session.actor(), this.organisation() ?? []));
  protected readonly scopeLabel = computed(() => scopeFieldLabel(this.role() || null));
  protected readonly scopes = computed(() => {
    const role = this.role();
    return role ? assignableScopes(this.session.actor(), role, this.organisation() ?? []) : [];
  });
  /** School options grouped by trust, for <optgroup>. */
  protected readonly scopeGroups = computed(() => {
    const groups = new Map<string, { id: string; label: string }[]>();
    for (const option of this.scopes()) {
      const key = option.group ?? '';
      groups.set(key, [...(groups.get(key) ?? []), { id: option.id, label: option.label }]);
    }
    return [...groups.entries()].map(([label, options]) => ({ label, options }));
  });

  protected readonly invitations = new PagedList<Invitation>(async (after) => {
    const data = await this.client.request(InvitationsDocument, {
      status: this.statusFilter(),
      first: PAGE_SIZE_DEFAULT,
      after,
    });
    return data.invitations;
  });

  constructor() {
    this.form.controls.role.valueChanges.subscribe((role) => {
      const scope = this.form.controls.scope;
      const options = role ? assignableScopes(this.session.actor(), role, this.organisation() ?? []) : [];
      scope.setValidators(scopeFieldLabel(role || null) ? [Validators.required] : []);
      scope.setValue(options.length === 1 ? options[0].id : '');
      scope.updateValueAndValidity();
    });
  }

  ngOnInit(): void {
    void this.invitations.reload();
    void this.loadOrganisation();
  }

  protected async loadOrganisation(): Promise<void> {
    this.orgError.set(null);
    try {
      this.organisation.set((await this.client.request(OrganisationDocument)).trusts);
    } catch (error) {
      this.orgError.set(messageOf(error));
    }
  }

  protected setStatus(event: Event): void {
    this.statusFilter.set(((event.target as HTMLSelectElement).value || null) as InvitationStatus | null);
    void this.invitations.reload();
  }

  protected where(invitation: Invitation): string {
    return invitation.school?.displayName ?? invitation.trust?.name ?? 'The whole network';
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABEL[role] ?? role;
  }

  protected async submit(): Promise<void> {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { email, role, scope } = this.form.getRawValue();
    if (!role) return;
    const option = this.scopes().find((o) => o.id === scope);
    // The policy decides again here; the server decides finally.
    if (!option || !canAssignRole(this.session.actor(), role, scopeOf(option, role))) {
      this.problem.set('You cannot invite someone into that role there.');
      return;
    }
    this.busy.set(true);
    try {
      const address = normaliseEmail(email);
      const { invite } = await this.client.request(InviteDocument, {
        input: {
          email: address,
          role,
          trustId: option.schoolId ? null : option.trustId,
          schoolId: option.schoolId,
        },
      });
      if (!this.statusFilter() || this.statusFilter() === invite.status) this.invitations.prepend(invite);
      // resetForm (not form.reset) also clears "submitted", which would otherwise show every
      // "Enter their email address." / "Choose a role." message on the now-empty form.
      const blank = { email: '', role: '' as const, scope: '' };
      const directive = this.formDirective();
      if (directive) directive.resetForm(blank);
      else this.form.reset(blank);
      this.snackBar.open(`Invitation sent to ${invite.email}.`, 'Dismiss');
    } catch (error) {
      if (isApiError(error) && applyServerFieldErrors(this.form.controls, error)) {
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.problem.set(messageOf(error));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(invitation: Invitation): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Revoke this invitation?',
      message: `The link sent to ${invitation.email} will stop working at once.`,
      details: ['You can invite them again later.'],
      confirmText: 'Revoke invitation',
      destructive: true,
    });
    if (!ok) return;
    try {
      const { revokeInvitation } = await this.client.request(RevokeInvitationDocument, { id: invitation.id });
      this.invitations.replace((i) => i.id === invitation.id, revokeInvitation);
      this.snackBar.open(`The invitation to ${invitation.email} has been revoked.`, 'Dismiss');
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }
}
