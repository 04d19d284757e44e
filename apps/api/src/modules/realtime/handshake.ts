import { SESSION_COOKIE } from '@lantern/shared-domain';
import { parseCookie } from 'cookie';

/** The session token from a Cookie header (the same httpOnly cookie GraphQL uses). */
export function sessionTokenFromCookie(header: string | undefined): string | null {
  if (!header) return null;
  return parseCookie(header)[SESSION_COOKIE] || null;
}
