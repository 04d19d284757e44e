import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ErrorCode, Permission, Role } from '@lantern/shared-domain';
import { MeDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { permissionGuard, safeReturnUrl, signedInGuard, signedOutGuard } from './guards';

@Component({ template: 'page' })
class Page {}

function setup(client: FakeGraphqlClient): Router {
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([
        { path: 'sign-in', canMatch: [signedOutGuard], component: Page },
        { path: 'no-access', component: Page },
        {
          path: '',
          canActivate: [signedInGuard],
          children: [
            { path: 'directory', component: Page },
            { path: 'admin/audit', canActivate: [permissionGuard(Permission.AuditRead)], component: Page },
          ],
        },
      ]),
    ],
  });
  return TestBed.inject(Router);
}

describe('route guards', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, () => {
      throw apiError(ErrorCode.Unauthenticated, 'Please sign in.');
    });
    const router = setup(client);
    await router.navigateByUrl('/directory?trust=t-1');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fdirectory%3Ftrust%3Dt-1');
  });

  it('lets a signed-in person through', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, {
      me: viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-hf' }]),
    });
    const router = setup(client);
    await router.navigateByUrl('/directory');
    expect(router.url).toBe('/directory');
  });

  it('asks the API who is signed in only once', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, {
      me: viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-hf' }]),
    });
    const router = setup(client);
    await router.navigateByUrl('/directory');
    await router.navigateByUrl('/admin/audit');
    expect(client.callsOf(MeDocument)).toHaveLength(1);
  });

  it('shows "no access" for a feature the viewer lacks the permission for', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, {
      me: viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-hf' }]),
    });
    const router = setup(client);
    await router.navigateByUrl('/admin/audit');
    expect(router.url).toBe('/no-access');
  });

  it('opens a feature when me.permissions includes it', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, {
      me: viewer(['directory.read', 'audit.read'], [{ role: Role.Headteacher, schoolId: 's-hf' }]),
    });
    const router = setup(client);
    await router.navigateByUrl('/admin/audit');
    expect(router.url).toBe('/admin/audit');
  });

  it('sends a signed-in person away from the sign-in page', async () => {
    const client = new FakeGraphqlClient().on(MeDocument, {
      me: viewer(['directory.read'], [{ role: Role.Staff, schoolId: 's-hf' }]),
    });
    const router = setup(client);
    await router.navigateByUrl('/sign-in');
    expect(router.url).toBe('/directory');
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths within the app', () => {
    expect(safeReturnUrl('/admin/people?search=x')).toBe('/admin/people?search=x');
  });
  it.each([
    null,
    undefined,
    '',
    'https://evil.example',
    '//evil.example/x',
    '/\\evil.example',
    '/sign-in?x=1',
  ])('refuses %s', (value) => {
    expect(safeReturnUrl(value)).toBe('/directory');
  });
});
