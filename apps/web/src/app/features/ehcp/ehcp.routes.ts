import type { Routes } from '@angular/router';

/** /ehcp-drafts and below (lazy, behind case.data). */
export const EHCP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'EHCP drafts',
    loadComponent: () => import('./drafts.page').then((m) => m.EhcpDraftsPage),
  },
  {
    path: ':id',
    title: 'EHCP draft',
    loadComponent: () => import('./draft-editor.page').then((m) => m.EhcpDraftEditorPage),
  },
];
