import type { Routes } from '@angular/router';
import { Permission } from '@lantern/shared-domain';
import { permissionGuard } from '../../core/guards';

/** /library and below (lazy, behind library.use). */
export const LIBRARY_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Library',
    loadComponent: () => import('./library-home.page').then((m) => m.LibraryHomePage),
  },
  {
    path: 'new',
    title: 'Share a resource – Library',
    canActivate: [permissionGuard(Permission.LibraryPublish)],
    loadComponent: () => import('./resource-editor.page').then((m) => m.ResourceEditorPage),
  },
  {
    path: 'resources/:id',
    title: 'Resource – Library',
    loadComponent: () => import('./resource.page').then((m) => m.ResourcePage),
  },
  {
    path: 'resources/:id/edit',
    title: 'Edit a resource – Library',
    canActivate: [permissionGuard(Permission.LibraryPublish)],
    loadComponent: () => import('./resource-editor.page').then((m) => m.ResourceEditorPage),
  },
  {
    path: 'toolkits/new',
    title: 'Make a toolkit – Library',
    canActivate: [permissionGuard(Permission.LibraryPublish)],
    loadComponent: () => import('./toolkit-editor.page').then((m) => m.ToolkitEditorPage),
  },
  {
    path: 'toolkits/:id',
    title: 'Toolkit – Library',
    loadComponent: () => import('./toolkit.page').then((m) => m.ToolkitPage),
  },
];
