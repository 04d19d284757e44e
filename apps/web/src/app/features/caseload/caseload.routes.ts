import type { Routes } from '@angular/router';

/** /caseload and below (lazy, behind Permission.CaseDataUse; the API also needs the second factor). */
export const CASELOAD_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Caseload',
    loadComponent: () => import('./caseload.page').then((m) => m.CaseloadPage),
  },
  {
    path: 'new',
    title: 'Record a case',
    loadComponent: () => import('./new-case.page').then((m) => m.NewCasePage),
  },
  {
    path: 'access-log',
    title: 'Case-access log',
    loadComponent: () => import('./case-access-log.page').then((m) => m.CaseAccessLogPage),
  },
  {
    path: 'cases/:id',
    title: 'Case',
    loadComponent: () => import('./case.page').then((m) => m.CasePage),
  },
];
