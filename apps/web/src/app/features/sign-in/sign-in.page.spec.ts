import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Component } from '@angular/core';
import { ErrorCode, Role } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { SignInPage } from './sign-in.page';

@Component({ template: '<h1>Elsewhere</h1>' })
class Elsewhere {}

async function render(url: string, client: FakeGraphqlClient) {
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter(
        [
          { path: 'sign-in', component: SignInPage },
          { path: '**', component: Elsewhere },
        ],
        withComponentInputBinding(),
      ),
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const el = harness.routeNativeElement as HTMLElement;
  const router = TestBed.inject(Router);
  const fill = (type: string, value: string) => {
    const input = el.querySelector(`input[type="${type}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { harness, el, router, fill, submit };
}

describe('SignInPage', () => {
  it('has labelled Email and Password fields and a Sign in button', async () => {
    const { el } = await render('/sign-in', new FakeGraphqlClient());
    const labels = Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Email', 'Password']);
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Sign in');
    expect(el.querySelector('input[type="password"]')?.getAttribute('autocomplete')).toBe('current-password');
  });

  it('signs in and returns to the page first asked for', async () => {
    const client = new FakeGraphqlClient().on(LoginDocument, {
      login: viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-hf' }]),
    });
    const { router, fill, submit } = await render('/sign-in?returnUrl=%2Fadmin%2Faudit%3Faction%3Dx', client);
    fill('email', ' senco@demo.lantern.test ');
    fill('password', 'lantern-demo-2026');
    await submit();
    expect(client.callsOf(LoginDocument)[0]).toEqual({
      input: { email: 'senco@demo.lantern.test', password: 'lantern-demo-2026' },
    });
    expect(router.url).toBe('/admin/audit?action=x');
  });

  it('never follows a return address to another site', async () => {
    const client = new FakeGraphqlClient().on(LoginDocument, { login: viewer([], []) });
    const { router, fill, submit } = await render('/sign-in?returnUrl=%2F%2Fevil.example', client);
    fill('email', 'a@b.test');
    fill('password', 'pw');
    await submit();
    expect(router.url).toBe('/directory');
  });

  it("shows the server's message when the details are wrong, and clears the password", async () => {
    const client = new FakeGraphqlClient().on(LoginDocument, () => {
      throw apiError(ErrorCode.InvalidCredentials, 'The email or password is not right.');
    });
    const { el, router, fill, submit } = await render('/sign-in', client);
    fill('email', 'a@b.test');
    fill('password', 'wrong');
    await submit();
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('You could not be signed in');
    expect(alert?.textContent).toContain('The email or password is not right.');
    expect((el.querySelector('input[type="password"]') as HTMLInputElement).value).toBe('');
    expect((el.querySelector('input[type="email"]') as HTMLInputElement).value).toBe('a@b.test');
    expect(router.url).toBe('/sign-in');
  });

  it.each([ErrorCode.RateLimited, ErrorCode.AccountLocked])(
    'says "Too many attempts" for %s',
    async (code) => {
      const client = new FakeGraphqlClient().on(LoginDocument, () => {
        throw apiError(code, 'Too many attempts. Try again in 15 minutes.');
      });
      const { el, fill, submit } = await render('/sign-in', client);
      fill('email', 'a@b.test');
      fill('password', 'wrong');
      await submit();
      const alert = el.querySelector('[role="alert"]');
      expect(alert?.textContent).toContain('Too many attempts');
      expect(alert?.textContent).toContain('Try again in 15 minutes.');
    },
  );

  it('asks for both fields before calling the API', async () => {
    const client = new FakeGraphqlClient();
    const { el, submit } = await render('/sign-in', client);
    await submit();
    expect(client.calls).toHaveLength(0);
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Enter your email address.', 'Enter your password.']);
  });

  it('explains why the person is here after their session ended', async () => {
    const { el } = await render('/sign-in?reason=ended', new FakeGraphqlClient());
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Your session has ended');
  });
});
