import type { Routes } from '@angular/router';

/** /supervision and below (lazy, behind Permission.CaseDataUse; the API also needs the second factor). */
export const SUPERVISION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Supervision',
    loadComponent: () => import('./sessions.page').then((m) => m.SessionsPage),
  },
  {
    path: 'new',
    title: 'Schedule a supervision session',
    loadComponent: () => import('./schedule.page').then((m) => m.SchedulePage),
  },
  {
    path: ':id/record',
    title: 'Supervision record',
    loadComponent: () => import('./record.page').then((m) => m.RecordPage),
  },
  {
    path: ':id',
    title: 'Supervision session',
    loadComponent: () => import('./room/session-room.page').then((m) => m.SessionRoomPage),
  },
];
