import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { Permission } from '@lantern/shared-domain';
import { Icon, type IconName } from '@lantern/web-ui';
import { Session } from '../core/session';
import { NotificationBell } from '../features/notifications/notification-bell';
import { ConnectionStatus } from './connection-status';

export interface NavItem {
  path: string;
  label: string;
  icon: IconName;
  /** Without a permission, everyone signed in sees it. */
  permission?: Permission;
}

/** Every feature that exists, in order. The shell shows only those the viewer may use. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/directory', label: 'Directory', icon: 'school' },
  { path: '/forum', label: 'Forum', icon: 'forum', permission: Permission.ForumUse },
  { path: '/library', label: 'Library', icon: 'library', permission: Permission.LibraryUse },
  { path: '/caseload', label: 'Caseload', icon: 'folder', permission: Permission.CaseDataUse },
  { path: '/ehcp-drafts', label: 'EHCP drafts', icon: 'description', permission: Permission.CaseDataUse },
  { path: '/supervision', label: 'Supervision', icon: 'groups', permission: Permission.CaseDataUse },
  { path: '/meetings', label: 'Meetings', icon: 'event' },
  { path: '/actions', label: 'My actions', icon: 'task' },
  { path: '/admin/people', label: 'People', icon: 'groups', permission: Permission.PeopleRead },
  { path: '/admin/invitations', label: 'Invitations', icon: 'mail', permission: Permission.PeopleInvite },
  { path: '/admin/audit', label: 'Audit trail', icon: 'history', permission: Permission.AuditRead },
];

@Component({
  selector: 'lan-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatMenuModule,
    MatDividerModule,
    Icon,
    NotificationBell,
    ConnectionStatus,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  // Escape anywhere in the shell (the open menu's links included) closes the menu.
  host: { '(keydown.escape)': 'closeMenu(true)' },
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  private readonly menuToggle = viewChild.required('menuToggle', { read: ElementRef<HTMLButtonElement> });

  /** On narrow screens the main navigation is behind the Menu button (a disclosure). */
  protected readonly menuOpen = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected readonly user = this.session.user;
  protected readonly nav = computed(() => {
    const granted = this.session.permissions();
    return NAV_ITEMS.filter((item) => !item.permission || granted.has(item.permission));
  });

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  /** Escape (returnFocus) puts focus back on the Menu button, where the person opened it. */
  protected closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    if (returnFocus) this.menuToggle().nativeElement.focus();
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    const main = document.getElementById('main-content');
    main?.focus();
    main?.scrollIntoView();
  }

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } finally {
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'signed-out' } });
    }
  }
}
