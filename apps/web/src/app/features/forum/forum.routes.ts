import type { Routes } from '@angular/router';
import { Permission } from '@lantern/shared-domain';
import { permissionGuard } from '../../core/guards';

/** /forum and below (lazy, behind forum.use). */
export const FORUM_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Forum',
    loadComponent: () => import('./forum-home.page').then((m) => m.ForumHomePage),
  },
  {
    path: 'moderation',
    title: 'Moderation – Forum',
    loadComponent: () => import('./moderation.page').then((m) => m.ForumModerationPage),
  },
  {
    path: 'admin/categories',
    title: 'Forum categories – Forum',
    canActivate: [permissionGuard(Permission.ForumAdmin)],
    loadComponent: () => import('./category-admin.page').then((m) => m.ForumCategoryAdminPage),
  },
  {
    path: 'categories/:id',
    title: 'Forum category',
    loadComponent: () => import('./category.page').then((m) => m.ForumCategoryPage),
  },
  {
    path: 'threads/:id',
    title: 'Forum thread',
    loadComponent: () => import('./thread.page').then((m) => m.ForumThreadPage),
  },
  {
    path: 'new',
    title: 'Start a thread',
    loadComponent: () => import('./new-thread.page').then((m) => m.ForumNewThreadPage),
  },
  {
    path: 'search',
    title: 'Search the forum',
    loadComponent: () => import('./search.page').then((m) => m.ForumSearchPage),
  },
];
