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
