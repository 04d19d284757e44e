import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  provideRouter,
  Router,
  type RouterStateSnapshot,
  TitleStrategy,
  type Route,
  UrlTree,
} from '@angular/router';
import { Permission } from '@lantern/shared-domain';
import { appRoutes } from './app.routes';
import { signedInGuard, signedOutGuard } from './core/guards';
import { Session } from './core/session';
import { LanternTitleStrategy } from './core/title-strategy';

@Component({ template: '' })
class Blank {}

function allRoutes(routes: Route[]): Route[] {
  return routes.flatMap((r) => [r, ...allRoutes(r.children ?? [])]);
}

describe('app routes', () => {
  it('gives every page its own title', () => {
    const pages = allRoutes(appRoutes).filter((r) => r.loadComponent && r.path !== '');
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) expect(page.title, page.path).toBeTruthy();
  });

  it('puts every page behind sign-in except the known public ones', () => {
    const shell = appRoutes.find((r) => r.path === '' && r.children);
    expect(shell?.canActivate).toEqual([signedInGuard]);
    /** Pages for people who are not signed in, and whether a signed-in person is sent away from them. */
    const publicPages: Record<string, { signedOutOnly: boolean }> = {
      'sign-in': { signedOutOnly: true },
      'forgot-password': { signedOutOnly: true },
      'reset-password': { signedOutOnly: false },
      'invitations/accept': { signedOutOnly: false },
    };
    const outside = appRoutes.filter((r) => r !== shell);
    expect(outside.map((r) => r.path)).toContain('sign-in');
    for (const page of outside) {
      const known = publicPages[page.path ?? ''];
      expect(known, `${page.path} is outside the signed-in shell`).toBeDefined();
      expect(page.canActivate, page.path).toBeUndefined();
      expect(page.canMatch ?? [], page.path).toEqual(known?.signedOutOnly ? [signedOutGuard] : []);
    }
  });

  it('asks each page for the permission it needs (and nothing more), otherwise shows "no access"', async () => {
    const shell = appRoutes.find((r) => r.path === '' && r.children);
    const guarded = new Map<string, Permission[]>();
    for (const { path, route } of await shellPages(shell?.children ?? [])) {
      const needs: Permission[] = [];
      for (const guard of route.canActivate ?? []) {
        // The permissions that open this guard, each tried alone; with none it must send to /no-access.
        expect(await runGuard(guard, []), `${path} with no permission`).toBe('/no-access');
        for (const p of Object.values(Permission)) if ((await runGuard(guard, [p])) === true) needs.push(p);
      }
      if (needs.length) guarded.set(path, needs);
    }
    expect(Object.fromEntries(guarded)).toEqual({
      forum: [Permission.ForumUse],
      'forum/admin/categories': [Permission.ForumAdmin],
      library: [Permission.LibraryUse],
      'library/new': [Permission.LibraryPublish],
      'library/resources/:id/edit': [Permission.LibraryPublish],
      'library/toolkits/new': [Permission.LibraryPublish],
      caseload: [Permission.CaseDataUse],
      'ehcp-drafts': [Permission.CaseDataUse],
      supervision: [Permission.CaseDataUse],
      'admin/people': [Permission.PeopleRead],
      'admin/invitations': [Permission.PeopleInvite],
      'admin/audit': [Permission.AuditRead],
    });
  });
});

/** Every page under the shell with its full path, lazy child routes loaded. */
async function shellPages(routes: Route[], prefix = ''): Promise<Array<{ path: string; route: Route }>> {
  const out: Array<{ path: string; route: Route }> = [];
  for (const route of routes) {
    const path = [prefix, route.path].filter(Boolean).join('/');
    out.push({ path, route });
    const children = route.loadChildren ? ((await route.loadChildren()) as Route[]) : route.children;
    if (children) out.push(...(await shellPages(children, path)));
  }
  return out;
}

/** Run a canActivate guard for a signed-in person holding exactly `granted`: true, or where it sends them. */
async function runGuard(guard: unknown, granted: Permission[]): Promise<true | string> {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: Session,
        useValue: { ensureLoaded: async () => ({}), has: (p: Permission) => granted.includes(p) },
      },
    ],
  });
  const result = await TestBed.runInInjectionContext(() =>
    (guard as CanActivateFn)({} as ActivatedRouteSnapshot, { url: '/x' } as RouterStateSnapshot),
  );
  if (result === true) return true;
  if (result instanceof UrlTree) return TestBed.inject(Router).serializeUrl(result);
  throw new Error(`unexpected guard result ${String(result)}`);
}

describe('LanternTitleStrategy', () => {
  it('names the page, then Lantern', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'a', title: 'Directory', component: Blank },
          { path: 'b', component: Blank },
        ]),
        { provide: TitleStrategy, useClass: LanternTitleStrategy },
      ],
    });
    const router = TestBed.inject(Router);
    const title = TestBed.inject(Title);
    await router.navigateByUrl('/a');
    expect(title.getTitle()).toBe('Directory – Lantern');
    await router.navigateByUrl('/b');
    expect(title.getTitle()).toBe('Lantern');
  });
});
