import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode, Role } from '@lantern/shared-domain';
import { AcceptInvitationDocument, InvitationPreviewDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { AcceptInvitationPage, INVALID_INVITATION_MESSAGE } from './accept-invitation.page';

@Component({ template: '<h1>Directory</h1>' })
class Directory {}

const PREVIEW = {
  invitationPreview: {
    email: 'ellis@demo.lantern.test',
    role: Role.Senco,
    trustName: 'Christus Catholic Trust',
    schoolName: "St Joseph's Primary",
    expiresAt: '2026-12-01T10:00:00Z',
  },
};

async function render(url: string, client: FakeGraphqlClient) {
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter(
        [
          { path: 'invitations/accept', component: AcceptInvitationPage },
          { path: 'directory', component: Directory },
        ],
        withComponentInputBinding(),
      ),
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  harness.detectChanges();
  const el = harness.routeNativeElement as HTMLElement;
  const field = (label: string) => {
    const f = Array.from(el.querySelectorAll('mat-form-field')).find(
      (x) => x.querySelector('mat-label')?.textContent?.trim() === label,
    );
    return f?.querySelector('input') as HTMLInputElement;
  };
  const fill = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { el, harness, fill, submit, router: TestBed.inject(Router) };
}

describe('AcceptInvitationPage', () => {
  it('says who is invited as what, naming the school with its trust', async () => {
    const client = new FakeGraphqlClient().on(InvitationPreviewDocument, PREVIEW);
    const { el } = await render('/invitations/accept?token=abc', client);
    expect(client.callsOf(InvitationPreviewDocument)).toEqual([{ token: 'abc' }]);
    expect(el.textContent).toContain("SENCO at St Joseph's Primary (Christus Catholic Trust)");
    expect(el.textContent).toContain('ellis@demo.lantern.test');
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Create account');
  });

  it('explains clearly when the link has expired or been used', async () => {
    const client = new FakeGraphqlClient().on(InvitationPreviewDocument, () => {
      throw apiError(ErrorCode.InvitationInvalid, 'This invitation is no longer valid.');
    });
    const { el } = await render('/invitations/accept?token=old', client);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(INVALID_INVITATION_MESSAGE);
    expect(el.querySelector('form')).toBeNull();
  });

  it('needs a token at all', async () => {
    const client = new FakeGraphqlClient();
    const { el } = await render('/invitations/accept', client);
    expect(client.calls).toHaveLength(0);
    expect(el.textContent).toContain('expired or has already been used');
  });

  it('checks the password rule and the confirmation before asking the server', async () => {
    const client = new FakeGraphqlClient().on(InvitationPreviewDocument, PREVIEW);
    const { el, fill, submit } = await render('/invitations/accept?token=abc', client);
    fill('Your name', 'Ellis Invited');
    fill('Password', 'too-short');
    fill('Confirm password', 'different');
    await submit();
    expect(client.callsOf(AcceptInvitationDocument)).toHaveLength(0);
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Use at least 12 characters.', 'The passwords do not match.']);
  });

  it('refuses a password containing their name', async () => {
    const client = new FakeGraphqlClient().on(InvitationPreviewDocument, PREVIEW);
    const { el, fill, submit } = await render('/invitations/accept?token=abc', client);
    fill('Your name', 'Ellis');
    fill('Password', 'ellis-is-my-password');
    fill('Confirm password', 'ellis-is-my-password');
    await submit();
    expect(client.callsOf(AcceptInvitationDocument)).toHaveLength(0);
    expect(el.querySelector('mat-error')?.textContent).toContain('Do not include your name or email');
  });

  it('creates the account, signs in and lands on the directory', async () => {
    const client = new FakeGraphqlClient()
      .on(InvitationPreviewDocument, PREVIEW)
      .on(AcceptInvitationDocument, {
        acceptInvitation: viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-sj-c' }]),
      });
    const { fill, submit, router } = await render('/invitations/accept?token=abc', client);
    fill('Your name', ' Ellis Invited ');
    fill('Password', 'a-long-enough-pass-phrase');
    fill('Confirm password', 'a-long-enough-pass-phrase');
    await submit();
    expect(client.callsOf(AcceptInvitationDocument)).toEqual([
      { input: { token: 'abc', displayName: 'Ellis Invited', password: 'a-long-enough-pass-phrase' } },
    ]);
    expect(router.url).toBe('/directory');
  });

  it("shows the server's password verdict on the password field", async () => {
    const client = new FakeGraphqlClient()
      .on(InvitationPreviewDocument, PREVIEW)
      .on(AcceptInvitationDocument, () => {
        throw apiError(ErrorCode.WeakPassword, 'That password is too common.');
      });
    const { el, fill, submit } = await render('/invitations/accept?token=abc', client);
    fill('Your name', 'Ellis Invited');
    fill('Password', 'a-long-enough-pass-phrase');
    fill('Confirm password', 'a-long-enough-pass-phrase');
    await submit();
    expect(el.querySelector('mat-error')?.textContent).toContain('That password is too common.');
  });
});
