import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import { LoginDocument, LogoutDocument } from '@lantern/web-graphql';
import { ALL_PERMISSIONS, FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { Session } from '../core/session';
import { Shell } from './shell';

async function render(permissions: string[]) {
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer(permissions, [{ role: Role.Senco, schoolId: 's-hf' }]) })
    .on(LogoutDocument, { logout: true });
  TestBed.configureTestingModule({ providers: [provideFakeClient(client), provideRouter([])] });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement, client };
}

function navLinks(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll('nav[aria-label="Main"] a')).map((a) => a.textContent?.trim() ?? '');
}

describe('Shell', () => {
  it('shows someone with no feature permission the directory and their actions', async () => {
    const { el } = await render(['directory.read']);
    expect(navLinks(el)).toEqual(['Directory', 'Meetings', 'My actions']);
  });

  it('shows every feature to someone holding every permission', async () => {
    const { el } = await render(ALL_PERMISSIONS);
    expect(navLinks(el)).toEqual(['Directory', 'Meetings', 'My actions', 'People', 'Invitations', 'Audit trail']);
  });

  it('shows the forum to people who may use it', async () => {
    const { el } = await render(['directory.read', 'forum.use']);
    expect(navLinks(el)).toEqual(['Directory', 'Forum', 'Meetings', 'My actions']);
  });

  it('shows the caseload, EHCP drafts and supervision to people who read case data', async () => {
    const { el } = await render(['directory.read', 'case.data']);
    expect(navLinks(el)).toEqual(['Directory', 'Caseload', 'EHCP drafts', 'Supervision', 'Meetings', 'My actions']);
  });

  it('shows only the features whose permission the viewer holds', async () => {
    const { el } = await render(['directory.read', 'audit.read']);
    expect(navLinks(el)).toEqual(['Directory', 'Meetings', 'My actions', 'Audit trail']);
  });

  it('has a skip link to the main content, the Lantern name and an account menu button', async () => {
    const { el } = await render(['directory.read']);
    const skip = el.querySelector('a.skip-link') as HTMLAnchorElement;
    expect(skip.textContent?.trim()).toBe('Skip to main content');
    expect(skip.getAttribute('href')).toBe('#main-content');
    expect(el.querySelector('main#main-content')).not.toBeNull();
    expect(el.querySelector('.brand')?.textContent).toContain('Lantern');
    expect(el.querySelector('button[aria-label="Account menu"]')).not.toBeNull();
  });

  it('has a Menu button that discloses the navigation, closes on Escape and gives focus back', async () => {
    const { fixture, el } = await render(ALL_PERMISSIONS);
    const menu = el.querySelector('button.menu-toggle') as HTMLButtonElement;
    const list = el.querySelector('#main-nav-list') as HTMLElement;
    expect(menu.textContent?.trim()).toBe('Menu');
    expect(menu.getAttribute('aria-controls')).toBe('main-nav-list');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(list.classList.contains('open')).toBe(false);

    menu.click();
    fixture.detectChanges();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(list.classList.contains('open')).toBe(true);

    const link = list.querySelector('a') as HTMLAnchorElement;
    link.focus();
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    fixture.detectChanges();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(list.classList.contains('open')).toBe(false);
    expect(document.activeElement).toBe(menu);
  });

  it('closes the menu when a page is chosen from it', async () => {
    const { fixture, el } = await render(ALL_PERMISSIONS);
    // No routes in this test: the link's navigation itself is not what is checked.
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const menu = el.querySelector('button.menu-toggle') as HTMLButtonElement;
    menu.click();
    fixture.detectChanges();
    (el.querySelector('#main-nav-list a') as HTMLAnchorElement).click();
    fixture.detectChanges();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('signs out from the account menu and goes to sign in', async () => {
    const { fixture, el, client } = await render(['directory.read']);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('button[aria-label="Account menu"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const signOut = Array.from(document.querySelectorAll('[role="menuitem"]')).find(
      (item) => item.textContent?.trim() === 'Sign out',
    ) as HTMLElement;
    expect(signOut).toBeTruthy();
    signOut.click();
    await fixture.whenStable();
    expect(client.callsOf(LogoutDocument)).toHaveLength(1);
    expect(TestBed.inject(Session).signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { reason: 'signed-out' } });
  });
});
