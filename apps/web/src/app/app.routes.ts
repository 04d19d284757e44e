import type { Route } from '@angular/router';
import { Permission } from '@lantern/shared-domain';
import { permissionGuard, signedInGuard, signedOutGuard } from './core/guards';

export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canMatch: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password',
    canMatch: [signedOutGuard],
    loadComponent: () =>
      import('./features/password-reset/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password',
    loadComponent: () =>
      import('./features/password-reset/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'invitations/accept',
    title: 'Accept your invitation',
    loadComponent: () =>
      import('./features/invitations/accept-invitation.page').then((m) => m.AcceptInvitationPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'directory' },
      {
        path: 'directory',
        title: 'Directory',
        loadComponent: () => import('./features/directory/directory.page').then((m) => m.DirectoryPage),
      },
      {
        path: 'directory/local-authorities',
        title: 'Local authorities and funding bands',
        loadComponent: () =>
          import('./features/directory/local-authorities.page').then((m) => m.LocalAuthoritiesPage),
      },
      {
        path: 'forum',
        canActivate: [permissionGuard(Permission.ForumUse)],
        loadChildren: () => import('./features/forum/forum.routes').then((m) => m.FORUM_ROUTES),
      },
      {
        path: 'library',
        canActivate: [permissionGuard(Permission.LibraryUse)],
        loadChildren: () => import('./features/library/library.routes').then((m) => m.LIBRARY_ROUTES),
      },
      {
        path: 'caseload',
        canActivate: [permissionGuard(Permission.CaseDataUse)],
        loadChildren: () => import('./features/caseload/caseload.routes').then((m) => m.CASELOAD_ROUTES),
      },
      {
        path: 'supervision',
        canActivate: [permissionGuard(Permission.CaseDataUse)],
        loadChildren: () =>
          import('./features/supervision/supervision.routes').then((m) => m.SUPERVISION_ROUTES),
      },
      {
        path: 'meetings',
        loadChildren: () => import('./features/meetings/meetings.routes').then((m) => m.MEETINGS_ROUTES),
      },
      {
        path: 'actions',
        title: 'My actions',
        loadComponent: () => import('./features/actions/actions.page').then((m) => m.ActionsPage),
      },
      {
        path: 'ehcp-drafts',
        canActivate: [permissionGuard(Permission.CaseDataUse)],
        loadChildren: () => import('./features/ehcp/ehcp.routes').then((m) => m.EHCP_ROUTES),
      },
      {
        path: 'account/second-factor',
        title: 'Set up your second factor',
        loadComponent: () => import('./features/account/second-factor.page').then((m) => m.SecondFactorPage),
      },
      {
        path: 'admin/people',
        title: 'People',
        canActivate: [permissionGuard(Permission.PeopleRead)],
        loadComponent: () => import('./features/people/people.page').then((m) => m.PeoplePage),
      },
      {
        path: 'admin/invitations',
        title: 'Invitations',
        canActivate: [permissionGuard(Permission.PeopleInvite)],
        loadComponent: () => import('./features/invitations/invitations.page').then((m) => m.InvitationsPage),
      },
      {
        path: 'admin/term-dates',
        loadChildren: () => import('./features/meetings/meetings.routes').then((m) => m.TERM_DATES_ROUTES),
      },
      {
        path: 'admin/audit',
        title: 'Audit trail',
        canActivate: [permissionGuard(Permission.AuditRead)],
        loadComponent: () => import('./features/audit/audit.page').then((m) => m.AuditPage),
      },
      {
        path: 'profile',
        title: 'Your profile',
        loadComponent: () => import('./features/profile/profile.page').then((m) => m.ProfilePage),
      },
      {
        path: 'notifications',
        title: 'Notifications',
        loadComponent: () =>
          import('./features/notifications/notifications.page').then((m) => m.NotificationsPage),
      },
      {
        path: 'bookmarks',
        title: 'Your bookmarks',
        loadComponent: () => import('./features/bookmarks/bookmarks.page').then((m) => m.BookmarksPage),
      },
      {
        path: 'no-access',
        title: 'No access',
        data: { kind: 'forbidden' },
        loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
