import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, type Route } from '@angular/router';
import { appRoutes } from './app.routes';
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

  it('guards the signed-in shell and the admin pages', () => {
    const shell = appRoutes.find((r) => r.path === '' && r.children);
    expect(shell?.canActivate?.length).toBe(1);
    for (const path of ['admin/people', 'admin/invitations', 'admin/audit']) {
      expect(shell?.children?.find((r) => r.path === path)?.canActivate?.length, path).toBe(1);
    }
    expect(appRoutes.find((r) => r.path === 'invitations/accept')?.canActivate).toBeUndefined();
  });
});

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
