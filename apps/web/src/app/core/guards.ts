import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';
import type { Permission } from '@lantern/shared-domain';
import { Session } from './session';

/** Only a same-site path may be a return address (never //host or a full URL). */
export function safeReturnUrl(value: string | null | undefined, fallback = '/directory'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in')) return fallback;
  return value;
}

/** Signed-in pages: otherwise go to /sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const viewer = await session.ensureLoaded();
  if (viewer) return true;
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** Pages for people who are signed out (sign in): a signed-in person goes to the directory. */
export const signedOutGuard: CanMatchFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const viewer = await session.ensureLoaded();
  return viewer ? router.createUrlTree(['/directory']) : true;
};

/** A feature needs a permission from `me.permissions`; without it the person sees "no access". */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    await session.ensureLoaded();
    return session.has(permission) ? true : router.createUrlTree(['/no-access']);
  };
}
