import type { IncomingHttpHeaders } from 'node:http';

/** Told to a person whose browser sent a request from a page that is not Lantern. */
export const CROSS_SITE_MESSAGE =
  'This request did not come from Lantern, so it was refused. Open Lantern and try again there.';

/**
 * The one cross-site rule, for every REST route that needs a session (PolicyGuard) and the socket
 * handshake: a request a page elsewhere made a signed-in browser send is refused. Refused when the
 * browser says so (`Sec-Fetch-Site: cross-site`), when the Origin is not one of ours, and, for a
 * request that changes data (anything but GET and HEAD) or opens a socket, when there is no Origin.
 */
export function fromOurSite(
  method: string,
  headers: IncomingHttpHeaders,
  allowedOrigins: ReadonlySet<string>,
  o: { originRequired?: boolean } = {},
): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = headers.origin;
  if (origin !== undefined) return allowedOrigins.has(origin);
  const reads = method === 'GET' || method === 'HEAD';
  return reads && !o.originRequired;
}
