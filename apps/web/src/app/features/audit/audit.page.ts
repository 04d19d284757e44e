import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AuditAction } from '@lantern/shared-domain';
import { AuditTrailDocument, type AuditTrailQuery, GraphqlClient } from '@lantern/web-graphql';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime } from '../../core/format';
import { PagedList } from '../../core/paged-list';

type Entry = AuditTrailQuery['auditTrail']['nodes'][number];

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  [AuditAction.LoginSucceeded]: 'Signed in',
  [AuditAction.LoginFailed]: 'Sign-in failed',
  [AuditAction.Logout]: 'Signed out',
  [AuditAction.SignOutEverywhere]: 'Signed out everywhere',
  [AuditAction.PasswordChanged]: 'Password changed',
  [AuditAction.PasswordResetRequested]: 'Password reset asked for',
  [AuditAction.PasswordReset]: 'Password reset by email link',
  [AuditAction.SecondFactorEnrolled]: 'Second factor set up',
  [AuditAction.SecondFactorRecoveryCodeUsed]: 'Recovery code used',
  [AuditAction.SecondFactorRecoveryCodesRenewed]: 'New recovery codes made',
  [AuditAction.SecondFactorReset]: 'Second factor reset',
  [AuditAction.InvitationSent]: 'Invitation sent',
  [AuditAction.InvitationAccepted]: 'Invitation accepted',
  [AuditAction.InvitationRevoked]: 'Invitation revoked',
  [AuditAction.RoleGranted]: 'Role given',
  [AuditAction.RoleRevoked]: 'Role removed',
  [AuditAction.UserDeactivated]: 'Person deactivated',
  [AuditAction.UserReactivated]: 'Person reactivated',
  [AuditAction.ProfileUpdated]: 'Profile updated',
  [AuditAction.ForumPersonalDataOverride]: 'Forum post kept despite the personal-data check',
  [AuditAction.ForumModeration]: 'Forum moderation',
  [AuditAction.LibraryResourceCreated]: 'Library resource created',
  [AuditAction.LibraryVersionAdded]: 'Library resource: new version',
  [AuditAction.LibraryVersionRestored]: 'Library resource: old version restored',
  [AuditAction.LibraryStatusChanged]: 'Library resource: status changed',
  [AuditAction.LibrarySharingChanged]: 'Library resource: kind or sharing changed',
  [AuditAction.LibraryReviewed]: 'Library resource reviewed',
  [AuditAction.LibraryAdopted]: 'Library resource adopted by a trust',
  [AuditAction.LibraryToolkitChanged]: 'Toolkit changed',
  [AuditAction.LibraryPersonalDataOverride]: 'Library text kept despite the personal-data check',
  [AuditAction.EhcpPersonalDataOverride]: 'EHCP section text kept despite the personal-data check',
  [AuditAction.EhcpDraftCreated]: 'EHCP draft started',
  [AuditAction.EhcpDraftRead]: 'EHCP draft opened',
  [AuditAction.EhcpDraftSectionSaved]: 'EHCP draft section saved',
  [AuditAction.EhcpDraftSectionStateChanged]: 'EHCP draft section marked',
  [AuditAction.EhcpDraftArchived]: 'EHCP draft archived',
  [AuditAction.EhcpDraftExported]: 'EHCP draft exported',
  [AuditAction.CasePersonalDataOverride]: 'Case text kept despite the personal-data check',
  [AuditAction.MeetingPersonalDataOverride]: 'Meeting text kept despite the personal-data check',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action as AuditAction] ?? action;
}

const PAGE_SIZE = 50;

@Component({
  selector: 'lan-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, Alert, EmptyState, Loading],
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
})
export class AuditPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly actions = Object.entries(AUDIT_ACTION_LABEL)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  protected readonly action = signal<string | null>(null);
  protected readonly formatDateTime = formatDateTime;
  protected readonly label = auditActionLabel;

  protected readonly entries = new PagedList<Entry>(async (after) => {
    const action = this.action();
    const data = await this.client.request(AuditTrailDocument, {
      filter: action ? { action } : null,
      first: PAGE_SIZE,
      after,
    });
    return data.auditTrail;
  });

  ngOnInit(): void {
    const action = this.route.snapshot.queryParamMap.get('action');
    this.action.set(action && action in AUDIT_ACTION_LABEL ? action : null);
    void this.reload();
  }

  protected setAction(event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    this.action.set(value);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { action: value },
      replaceUrl: true,
    });
    void this.reload();
  }

  protected async reload(): Promise<void> {
    await this.entries.reload();
    if (this.entries.error()) return;
    const n = this.entries.totalCount();
    void this.announcer.announce(
      n === 0 ? 'No entries found.' : `${n} ${n === 1 ? 'entry' : 'entries'} found.`,
    );
  }
}
