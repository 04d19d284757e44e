import { Role, ROLE_LABEL } from '@lantern/shared-domain';
import {
  chooseOption,
  DEMO,
  expectNoAxeViolations,
  invitationLinkFor,
  newPage,
  ROUTES,
  signIn,
  waitForHeading,
} from './support';

describe('invitations', () => {
  it('a network admin invites a SENCO, who accepts and is signed in', async () => {
    const admin = await newPage();
    await signIn(admin, DEMO.networkAdmin);
    await admin.getByRole('link', { name: 'Invitations', exact: true }).first().click();
    await waitForHeading(admin, 'Invitations');
    await expectNoAxeViolations(admin);

    const email = `invitee.${Date.now()}.${process.pid}@demo.lantern.test`;
    await admin.getByLabel('Email', { exact: true }).fill(email);
    await chooseOption(admin, 'Role', ROLE_LABEL[Role.Senco]);
    await chooseOption(admin, 'School', /Holy Family Primary/);
    await admin.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await admin.getByText(email).first().waitFor();

    const link = await invitationLinkFor(email);
    expect(link).toMatch(/^\/invitations\/accept\?token=/);

    const invitee = await newPage();
    await invitee.goto(link);
    const name = invitee.getByLabel('Your name', { exact: true });
    await name.waitFor();
    await expectNoAxeViolations(invitee);

    const password = 'a-long-enough-pass-phrase-2026';
    await name.fill('Ellis Invited');
    await invitee.getByLabel('Password', { exact: true }).fill(password);
    await invitee.getByLabel('Confirm password', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Create account', exact: true }).click();
    await invitee.waitForURL((url) => url.pathname !== ROUTES.acceptInvitation);

    // Signed in: the session cookie set by acceptInvitation identifies the new person.
    const response = await invitee.request.post(ROUTES.graphql, {
      data: { query: '{ me { user { email displayName } } }' },
    });
    const body = (await response.json()) as {
      data?: { me?: { user?: { email: string; displayName: string } } };
    };
    expect(body.data?.me?.user).toEqual({ email, displayName: 'Ellis Invited' });
  });
});
