import type { Routes } from '@angular/router';

/** /meetings and below (lazy; anyone signed in: the API decides which meetings each person sees). */
export const MEETINGS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'My meetings',
    loadComponent: () => import('./my-meetings.page').then((m) => m.MyMeetingsPage),
  },
  {
    path: 'new',
    title: 'New meeting',
    loadComponent: () => import('./new-meeting.page').then((m) => m.NewMeetingPage),
  },
];
