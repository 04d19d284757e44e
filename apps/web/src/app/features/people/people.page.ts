import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  canAssignRole,
  canManageUser,
  Permission,
  PAGE_SIZE_DEFAULT,
  scopeOfGrant,
} from '@lantern/shared-domain';
import {
  DeactivateUserDocument,
  GraphqlClient,
  OrganisationDocument,
  type OrganisationQuery,
  PeopleDocument,
  type PersonPartsFragment,
  ReactivateUserDocument,
  ResetSecondFactorDocument,
  RevokeRoleDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { Subject, debounceTime, distinctUntilChanged } from 'rxjs';
import { assignableRoles, describeRole } from '../../core/assignable';
import { formatDate } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { PresenceService } from '../../core/presence';
import { actorOf, grantOf, Session } from '../../core/session';
import { type GrantedMembership, GrantRoleDialog, type GrantRoleData } from './grant-role-dialog';

type Person = PersonPartsFragment;
type PersonMembership = Person['memberships'][number];

@Component({
  selector: 'lan-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    EmptyState,
    Icon,
    Loading,
  ],
  templateUrl: './people.page.html',
  styleUrl: './people.page.scss',
})
export class PeoplePage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly presence = inject(PresenceService);

  protected readonly search = signal('');
  protected readonly includeDeactivated = signal(false);
  private readonly searches = new Subject<string>();
  private readonly organisation = signal<OrganisationQuery['trusts']>([]);

  protected readonly people = new PagedList<Person>(async (after) => {
    const term = this.search().trim();
    const data = await this.client.request(PeopleDocument, {
      filter: { search: term || null, includeDeactivated: this.includeDeactivated() },
      first: PAGE_SIZE_DEFAULT,
      after,
    });
    return data.people;
  });

  private readonly actor = this.session.actor;
  private readonly canManageRoles = computed(() => this.session.has(Permission.MembershipManage));
  /** Network admins reset someone's second factor (lost device); never their own. */
  protected readonly canResetSecondFactor = computed(() => this.session.has(Permission.SecondFactorReset));
  protected readonly canGrant = computed(
    () => this.canManageRoles() && assignableRoles(this.actor(), this.organisation()).length > 0,
  );
  protected readonly describeRole = describeRole;
  protected readonly formatDate = formatDate;

  constructor() {
    // Online / away for the people on the page, kept live.
    effect((onCleanup) => {
      const ids = this.people.items().map((p) => p.id);
      const release = untracked(() => this.presence.watch(ids));
      onCleanup(release);
    });
    const sub = this.searches.pipe(debounceTime(350), distinctUntilChanged()).subscribe((term) => {
      this.search.set(term);
      void this.reload();
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  ngOnInit(): void {
    void this.reload();
    this.client
      .request(OrganisationDocument)
      .then((data) => this.organisation.set(data.trusts))
      .catch(() => this.organisation.set([]));
  }

  protected onSearch(event: Event): void {
    this.searches.next((event.target as HTMLInputElement).value);
  }

  protected toggleDeactivated(checked: boolean): void {
    this.includeDeactivated.set(checked);
    void this.reload();
  }

  protected async reload(): Promise<void> {
    await this.people.reload();
    if (!this.people.error()) this.announceCount();
  }

  protected async loadMore(): Promise<void> {
    const before = this.people.items().length;
    await this.people.loadMore();
    const added = this.people.items().length - before;
    if (added > 0) void this.announcer.announce(`${added} more people loaded. ${this.countText()}`);
  }

  protected countText(): string {
    const shown = this.people.items().length;
    const total = this.people.totalCount();
    return shown === total
      ? `Showing ${total} ${total === 1 ? 'person' : 'people'}.`
      : `Showing ${shown} of ${total} people.`;
  }

  private announceCount(): void {
    void this.announcer.announce(this.people.empty() ? 'No people found.' : this.countText());
  }

  protected canRemove(person: Person, m: PersonMembership): boolean {
    // Nobody removes their own roles here (a network admin could lock everyone out).
    return (
      !this.isSelf(person) &&
      this.canManageRoles() &&
      canAssignRole(this.actor(), m.role, scopeOfGrant(grantOf(m)))
    );
  }

  protected canManage(person: Person): boolean {
    return canManageUser(this.actor(), actorOf(person, person.memberships));
  }

  /** "Online" or "Away"; nothing for people who are offline or hide it. */
  protected presenceOf(person: Person): 'Online' | 'Away' | null {
    if (person.deactivatedAt) return null;
    const status = this.presence.all().get(person.id);
    return status === 'online' ? 'Online' : status === 'away' ? 'Away' : null;
  }

  protected isSelf(person: Person): boolean {
    return person.id === this.session.user()?.id;
  }

  protected grant(person: Person): void {
    const ref = this.dialog.open<GrantRoleDialog, GrantRoleData, GrantedMembership>(GrantRoleDialog, {
      data: { person, actor: this.actor(), trusts: this.organisation() },
      width: '32rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    ref.afterClosed().subscribe((membership) => {
      if (!membership) return;
      this.people.replace((p) => p.id === person.id, {
        ...person,
        memberships: [...person.memberships.filter((m) => m.id !== membership.id), membership],
      });
      this.snackBar.open(`${person.displayName} is now ${describeRole(membership)}.`, 'Dismiss');
    });
  }

  protected async removeRole(person: Person, m: PersonMembership): Promise<void> {
    const role = describeRole(m);
    const ok = await this.confirm.confirm({
      title: 'Remove this role?',
      message: `${person.displayName} will no longer be ${role}.`,
      details: ['They keep any other roles they hold.'],
      confirmText: 'Remove role',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(RevokeRoleDocument, { membershipId: m.id });
      this.people.replace((p) => p.id === person.id, {
        ...person,
        memberships: person.memberships.filter((x) => x.id !== m.id),
      });
      this.snackBar.open(`${person.displayName} is no longer ${role}.`, 'Dismiss');
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  protected async resetSecondFactor(person: Person): Promise<void> {
    const ok = await this.confirm.confirm({
      title: `Reset ${person.displayName}'s second factor?`,
      message: `Their authenticator app, recovery codes and remembered devices stop working, and any case data they have open is closed until they set up a new one.`,
      details: [
        'Do this only when they have lost the device with their authenticator app, and you are sure it is them asking.',
        'They are told by email, and the reset is recorded in the audit trail.',
      ],
      confirmText: 'Reset second factor',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(ResetSecondFactorDocument, { userId: person.id });
      this.snackBar.open(
        `${person.displayName}'s second factor has been reset. They will set up a new one the next time they open case data.`,
        'Dismiss',
      );
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  protected async setActive(person: Person, active: boolean): Promise<void> {
    const ok = await this.confirm.confirm(
      active
        ? {
            title: `Reactivate ${person.displayName}?`,
            message: `${person.displayName} will be able to sign in again with their roles.`,
            confirmText: 'Reactivate',
          }
        : {
            title: `Deactivate ${person.displayName}?`,
            message: `Their sessions end at once: ${person.displayName} is signed out of every device and cannot sign in until someone reactivates them.`,
            details: ['Their roles and history are kept.'],
            confirmText: 'Deactivate',
            destructive: true,
          },
    );
    if (!ok) return;
    try {
      const updated = active
        ? (await this.client.request(ReactivateUserDocument, { userId: person.id })).reactivateUser
        : (await this.client.request(DeactivateUserDocument, { userId: person.id })).deactivateUser;
      this.people.replace((p) => p.id === person.id, updated);
      this.snackBar.open(
        active
          ? `${person.displayName} has been reactivated.`
          : `${person.displayName} has been deactivated and signed out.`,
        'Dismiss',
      );
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }
}
