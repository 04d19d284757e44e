import { Permission } from '@lantern/shared-domain';

/** Client routes the browser tests visit directly (the rest is reached through links). */
export const ROUTES = {
  home: '/',
  signIn: '/sign-in',
  directory: '/directory',
  invitations: '/admin/invitations',
  acceptInvitation: '/invitations/accept',
  people: '/admin/people',
  audit: '/admin/audit',
  profile: '/profile',
  devOutbox: '/dev/outbox',
  graphql: '/graphql',
} as const;

/** A kind of record a detail page opens; the tests look up a real one the person may see (records.ts). */
export type RecordKind =
  | 'category'
  | 'thread'
  | 'resource'
  | 'managedResource'
  | 'toolkit'
  | 'draft'
  | 'case'
  | 'supervision';

/** Who the client lets open a route. */
export type Audience =
  /** Only someone signed out (signed-in people are sent on). */
  | 'signed-out'
  /** Signed in or not (links from emails). */
  | 'anyone'
  /** Anyone signed in. */
  | 'signed-in'
  /** Someone holding this permission somewhere (the route's permissionGuard). */
  | Permission;

export interface AppRoute {
  /** The path; `:category`, `:thread`, … (a RecordKind) stand for a real record's id. */
  path: string;
  audience: Audience;
  /** The page shows case data: the API asks for the second factor first. */
  caseData?: boolean;
}

/**
 * Every page of the client (apps/web/src/app/app.routes.ts and the features' *.routes.ts), with a
 * real-looking query where a page needs one. The accessibility and reflow tests both walk this list:
 * a new route belongs here.
 */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/sign-in', audience: 'signed-out' },
  { path: '/forgot-password', audience: 'signed-out' },
  { path: '/reset-password?token=not-a-real-token', audience: 'anyone' },
  { path: '/invitations/accept?token=not-a-real-token', audience: 'anyone' },
  { path: '/directory', audience: 'signed-in' },
  { path: '/directory/local-authorities', audience: 'signed-in' },
  { path: '/forum', audience: Permission.ForumUse },
  { path: '/forum/categories/:category', audience: Permission.ForumUse },
  { path: '/forum/threads/:thread', audience: Permission.ForumUse },
  { path: '/forum/new', audience: Permission.ForumUse },
  { path: '/forum/search?q=ehcp', audience: Permission.ForumUse },
  { path: '/forum/moderation', audience: Permission.ForumUse },
  { path: '/forum/admin/categories', audience: Permission.ForumAdmin },
  { path: '/library', audience: Permission.LibraryUse },
  { path: '/library/resources/:resource', audience: Permission.LibraryUse },
  { path: '/library/toolkits/:toolkit', audience: Permission.LibraryUse },
  { path: '/library/new', audience: Permission.LibraryPublish },
  { path: '/library/resources/:managedResource/edit', audience: Permission.LibraryPublish },
  { path: '/library/toolkits/new', audience: Permission.LibraryPublish },
  { path: '/caseload', audience: Permission.CaseDataUse, caseData: true },
  { path: '/caseload/new', audience: Permission.CaseDataUse, caseData: true },
  { path: '/caseload/access-log', audience: Permission.CaseDataUse, caseData: true },
  { path: '/caseload/cases/:case', audience: Permission.CaseDataUse, caseData: true },
  { path: '/ehcp-drafts', audience: Permission.CaseDataUse, caseData: true },
  { path: '/ehcp-drafts/:draft', audience: Permission.CaseDataUse, caseData: true },
  { path: '/supervision', audience: Permission.CaseDataUse, caseData: true },
  { path: '/supervision?when=past', audience: Permission.CaseDataUse, caseData: true },
  { path: '/supervision/new', audience: Permission.CaseDataUse, caseData: true },
  { path: '/supervision/:supervision', audience: Permission.CaseDataUse, caseData: true },
  { path: '/supervision/:supervision/record', audience: Permission.CaseDataUse, caseData: true },
  { path: '/meetings', audience: 'signed-in' },
  { path: '/meetings?view=past', audience: 'signed-in' },
  { path: '/meetings/new', audience: 'signed-in' },
  { path: '/meetings/polls/new', audience: 'signed-in' },
  { path: '/admin/term-dates', audience: 'signed-in' },
  { path: '/actions', audience: 'signed-in' },
  { path: '/admin/people', audience: Permission.PeopleRead },
  { path: '/admin/invitations', audience: Permission.PeopleInvite },
  { path: '/admin/audit', audience: Permission.AuditRead },
  { path: '/account/second-factor', audience: 'signed-in' },
  { path: '/profile', audience: 'signed-in' },
  { path: '/notifications', audience: 'signed-in' },
  { path: '/bookmarks', audience: 'signed-in' },
  { path: '/no-access', audience: 'signed-in' },
  { path: '/no-such-page', audience: 'signed-in' },
];

/** The routes someone may open: signed out (`permissions` null) or holding these permissions. */
export function routesFor(permissions: readonly string[] | null): AppRoute[] {
  return APP_ROUTES.filter(({ audience }) => {
    if (audience === 'anyone') return true;
    if (permissions === null) return audience === 'signed-out';
    return audience === 'signed-in' || permissions.includes(audience);
  });
}

/** The record kinds a route's path needs. */
export function recordKindsOf(route: AppRoute): RecordKind[] {
  return [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as RecordKind);
}

/** The path with each `:kind` replaced by the record's id, or null when a record is missing. */
export function pathWith(route: AppRoute, records: Partial<Record<RecordKind, string>>): string | null {
  let missing = false;
  const path = route.path.replace(/:([A-Za-z]+)/g, (_m, kind: RecordKind) => {
    const id = records[kind];
    if (!id) missing = true;
    return id ?? '';
  });
  return missing ? null : path;
}
