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
  {
    path: 'polls/new',
    title: 'Find a time',
    loadComponent: () => import('./new-poll.page').then((m) => m.NewPollPage),
  },
  {
    path: 'polls/:id',
    title: 'Find a time',
    loadComponent: () => import('./poll.page').then((m) => m.PollPage),
  },
  {
    path: ':seriesId/edit',
    title: 'Change the series',
    loadComponent: () => import('./edit-series.page').then((m) => m.EditSeriesPage),
  },
  {
    path: ':seriesId/:key',
    title: 'Meeting',
    loadComponent: () => import('./occurrence.page').then((m) => m.OccurrencePage),
  },
  {
    path: ':seriesId',
    title: 'Meeting',
    loadComponent: () => import('./series-redirect.page').then((m) => m.SeriesRedirectPage),
  },
];

/** /admin/term-dates (network admin per local authority; a school's headteacher or SENCO for the school). */
export const TERM_DATES_ROUTES: Routes = [
  {
    path: '',
    title: 'Term dates',
    loadComponent: () => import('./term-dates.page').then((m) => m.TermDatesPage),
  },
];
