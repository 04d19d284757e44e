import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { ErrorCode, Role } from '@lantern/shared-domain';
import {
  InvitationsDocument,
  InviteDocument,
  LoginDocument,
  OrganisationDocument,
  type InvitationPartsFragment,
} from '@lantern/web-graphql';
import {
  ALL_PERMISSIONS,
  apiError,
  FakeGraphqlClient,
  ORGANISATION,
  provideFakeClient,
  viewer,
} from '../../../testing/fake-client';
import { Session } from '../../core/session';
import { InvitationsPage } from './invitations.page';

const SENT: InvitationPartsFragment = {
  id: 'i-1',
  email: 'new.senco@demo.lantern.test',
  role: Role.Senco,
  status: 'PENDING',
  expiresAt: '2026-12-01T10:00:00Z',
  createdAt: '2026-11-24T10:00:00Z',
  trust: null,
  school: { id: 's-hc', displayName: 'Holy Cross Primary (Christus Catholic Trust)' },
  invitedBy: { id: 'u-viewer', displayName: 'Val Viewer' },
};

async function render(
  memberships: Parameters<typeof viewer>[1],
  invitations: InvitationPartsFragment[] = [],
) {
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer(ALL_PERMISSIONS, memberships) })
    .on(OrganisationDocument, ORGANISATION)
    .on(InvitationsDocument, {
      invitations: {
        nodes: invitations,
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: invitations.length,
      },
    })
    .on(InviteDocument, { invite: SENT });
  const open = vi.fn();
  TestBed.configureTestingModule({
    providers: [provideFakeClient(client), provideRouter([]), { provide: MatSnackBar, useValue: { open } }],
  });
  await TestBed.inject(Session).signIn('viewer@demo.lantern.test', 'pw');
  const fixture = TestBed.createComponent(InvitationsPage);
  await fixture.whenStable();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, client, open };
}

function select(el: HTMLElement, label: string): HTMLSelectElement {
  const field = Array.from(el.querySelectorAll('mat-form-field')).find(
    (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
  );
  const control = field?.querySelector('select');
  if (!control) throw new Error(`no select labelled ${label}`);
  return control;
}

function options(control: HTMLSelectElement): string[] {
  return Array.from(control.options)
    .filter((o) => !o.disabled)
    .map((o) => o.text.trim());
}

async function choose(
  fixture: { whenStable(): Promise<unknown>; detectChanges(): void },
  control: HTMLSelectElement,
  text: string,
) {
  const option = Array.from(control.options).find((o) => o.text.trim() === text);
  if (!option) throw new Error(`no option ${text}`);
  control.value = option.value;
  control.dispatchEvent(new Event('change'));
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('InvitationsPage', () => {
  it('offers a headteacher only school roles, at their own school', async () => {
    const { fixture, el } = await render([{ role: Role.Headteacher, schoolId: 's-hc' }]);
    expect(el.querySelector('h1')?.textContent).toBe('Invitations');
    const role = select(el, 'Role');
    expect(options(role)).toEqual(['Headteacher', 'SENCO', 'Staff']);
    await choose(fixture, role, 'SENCO');
    const school = select(el, 'School');
    expect(options(school)).toEqual(['Holy Cross Primary (Christus Catholic Trust)']);
    // The only place is chosen already.
    expect(school.value).toBe('s-hc');
  });

  it('offers a trust leader their trust for trust roles and its schools for school roles', async () => {
    const { fixture, el } = await render([{ role: Role.TrustLeader, trustId: 't-assisi' }]);
    const role = select(el, 'Role');
    expect(options(role)).toEqual(['Trust leader', 'Trust SEND lead', 'Headteacher', 'SENCO', 'Staff']);
    await choose(fixture, role, 'Trust SEND lead');
    expect(options(select(el, 'Trust'))).toEqual(['Assisi Catholic Trust']);
    await choose(fixture, role, 'Staff');
    expect(options(select(el, 'School'))).toEqual([
      'Holy Family Primary (Assisi Catholic Trust)',
      "St Joseph's Primary (Assisi Catholic Trust)",
    ]);
  });

  it('asks no place for a network role', async () => {
    const { fixture, el } = await render([{ role: Role.NetworkAdmin }]);
    await choose(fixture, select(el, 'Role'), 'Network admin');
    expect(() => select(el, 'School')).toThrow();
    expect(() => select(el, 'Trust')).toThrow();
  });

  it('sends the invitation, says so, and lists it', async () => {
    const { fixture, el, client, open } = await render([{ role: Role.NetworkAdmin }]);
    const email = el.querySelector('input[type="email"]') as HTMLInputElement;
    email.value = ' New.Senco@Demo.Lantern.test ';
    email.dispatchEvent(new Event('input'));
    await choose(fixture, select(el, 'Role'), 'SENCO');
    await choose(fixture, select(el, 'School'), 'Holy Cross Primary (Christus Catholic Trust)');
    const send = Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Send invitation',
    );
    send?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(client.callsOf(InviteDocument)).toEqual([
      { input: { email: 'new.senco@demo.lantern.test', role: Role.Senco, trustId: null, schoolId: 's-hc' } },
    ]);
    expect(open).toHaveBeenCalledWith('Invitation sent to new.senco@demo.lantern.test.', 'Dismiss');
    expect(el.querySelector('tbody')?.textContent).toContain('new.senco@demo.lantern.test');
    expect(el.querySelector('tbody')?.textContent).toContain('Waiting to be accepted');
  });

  it('leaves an empty form without error messages after a successful send', async () => {
    const { fixture, el, client } = await render([{ role: Role.NetworkAdmin }]);
    const email = el.querySelector('input[type="email"]') as HTMLInputElement;
    email.value = 'new.senco@demo.lantern.test';
    email.dispatchEvent(new Event('input'));
    email.dispatchEvent(new Event('blur'));
    await choose(fixture, select(el, 'Role'), 'SENCO');
    await choose(fixture, select(el, 'School'), 'Holy Cross Primary (Christus Catholic Trust)');
    (el.querySelector('form.invite') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(client.callsOf(InviteDocument)).toHaveLength(1);
    expect(email.value).toBe('');
    expect(select(el, 'Role').value).toBe('');
    expect(el.querySelectorAll('mat-error')).toHaveLength(0);
    expect(el.querySelector('.mat-form-field-invalid')).toBeNull();
    expect(email.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('does not send an invalid form and shows field messages', async () => {
    const { fixture, el, client } = await render([{ role: Role.NetworkAdmin }]);
    const email = el.querySelector('input[type="email"]') as HTMLInputElement;
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input'));
    (el.querySelector('form.invite') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(client.callsOf(InviteDocument)).toHaveLength(0);
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toContain('Enter an email address like name@school.org.uk.');
    expect(errors).toContain('Choose a role.');
  });

  it('shows the server message when the invitation is refused', async () => {
    const { fixture, el, client } = await render([{ role: Role.NetworkAdmin }]);
    client.on(InviteDocument, () => {
      throw apiError(ErrorCode.Conflict, 'That person already has an account.');
    });
    const email = el.querySelector('input[type="email"]') as HTMLInputElement;
    email.value = 'someone@demo.lantern.test';
    email.dispatchEvent(new Event('input'));
    await choose(fixture, select(el, 'Role'), 'Network admin');
    (el.querySelector('form.invite') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('That person already has an account.');
  });

  it('says so when there are no invitations yet', async () => {
    const { el } = await render([{ role: Role.NetworkAdmin }]);
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No invitations yet');
  });

  it('lists invitations with a revoke button only while pending', async () => {
    const { el } = await render(
      [{ role: Role.NetworkAdmin }],
      [SENT, { ...SENT, id: 'i-2', email: 'done@demo.lantern.test', status: 'ACCEPTED' }],
    );
    const rows = Array.from(el.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Revoke');
    expect(rows[1].textContent).toContain('Accepted');
    expect(rows[1].textContent).not.toContain('Revoke');
  });
});
