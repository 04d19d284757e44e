/**
 * The second factor, as a new SENCO meets it: case data sends them to set up an authenticator app
 * (the key is read off the page and the codes made here, as the app would), they save their
 * recovery codes and land on the EHCP draft they were opening; another browser of theirs is asked
 * for a code in a dialog, and opens the draft. Keyboard only; no axe violations.
 */
import type { Locator, Page } from 'playwright-core';
import {
  DEMO,
  ROUTES,
  expectNoAxeViolations,
  invitationLinkFor,
  newPage,
  nextTotpCode,
  signIn,
  signInElevated,
  totpCode,
  waitForHeading,
} from './support';

const PASSWORD = 'a-long-enough-pass-phrase-2026';
const TEMPLATE = 'EHCP request template — Essex';

async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Press Tab until `target` has the focus (keyboard only), or fail after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe('second factor', () => {
  let draft: string;
  let email: string;

  beforeAll(async () => {
    // A draft at Holy Family Primary (by its demo SENCO), and a new SENCO there by invitation.
    const senco = await newPage();
    await signInElevated(senco, DEMO.sencoHolyFamily);
    const { libraryResources } = await gql<{ libraryResources: { nodes: { id: string; title: string }[] } }>(
      senco,
      '{ libraryResources(first: 50) { nodes { id title } } }',
    );
    const template = libraryResources.nodes.find((r) => r.title === TEMPLATE)!;
    draft = (
      await gql<{ startEhcpDraft: { id: string } }>(
        senco,
        'mutation($t: ID!) { startEhcpDraft(templateResourceId: $t, pupilReference: "SF Y5") { id } }',
        { t: template.id },
      )
    ).startEhcpDraft.id;
    const { me } = await gql<{ me: { memberships: { school: { id: string } | null }[] } }>(
      senco,
      '{ me { memberships { school { id } } } }',
    );

    const admin = await newPage();
    await signIn(admin, DEMO.networkAdmin);
    email = `new.senco.${Date.now()}.${process.pid}@demo.lantern.test`;
    await gql(admin, 'mutation($input: InviteInput!) { invite(input: $input) { id } }', {
      input: { email, role: 'SENCO', schoolId: me.memberships[0]!.school!.id },
    });
    const invitee = await newPage();
    await invitee.goto(await invitationLinkFor(email));
    await invitee.getByLabel('Your name', { exact: true }).fill('Rowan New');
    await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await invitee.getByLabel('Confirm password', { exact: true }).fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Create account', exact: true }).click();
    await invitee.waitForURL((url) => url.pathname !== ROUTES.acceptInvitation);
  });

  it('a new SENCO sets up the app from the key, saves the recovery codes and opens the draft; another browser is asked for a code', async () => {
    const page = await newPage();
    await signIn(page, email, PASSWORD);

    // Case data first sends them to set up their second factor, and back afterwards.
    await page.goto(`/ehcp-drafts/${draft}`);
    await page.waitForURL((url) => url.pathname === '/account/second-factor');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(`/ehcp-drafts/${draft}`);
    await waitForHeading(page, 'Set up your second factor');
    await page.getByRole('img', { name: 'QR code for adding Lantern to your authenticator app' }).waitFor();
    await expectNoAxeViolations(page);

    // The key as shown for typing into the app; the code is what the app would show.
    const secret = (await page.getByTestId('setup-key').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = page.getByLabel('6-digit code', { exact: true });
    await tabTo(page, code);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await page.keyboard.type('000000' === totpCode(secret) ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(totpCode(secret));
    await page.keyboard.press('Enter');

    // Ten recovery codes, shown once.
    await page.getByRole('heading', { level: 2, name: 'Save your recovery codes' }).waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await expectNoAxeViolations(page);
    const saved = page.getByRole('checkbox', { name: 'I have saved my recovery codes' });
    await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tick the box' }).waitFor();
    await tabTo(page, saved);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
    await page.keyboard.press('Enter');

    // Back to the draft, now open to them.
    await waitForHeading(page, 'EHCP draft: SF Y5');
    await expectNoAxeViolations(page);

    // Another browser: signed in with the password only, case data asks for a code first.
    const other = await newPage();
    await signIn(other, email, PASSWORD);
    await other.goto(`/ehcp-drafts/${draft}`);
    const dialog = other.getByRole('dialog', { name: 'Enter your code' });
    await dialog.waitFor();
    const box = dialog.getByLabel('6-digit code', { exact: true });
    await tabTo(other, box);
    expect(await box.getAttribute('inputmode')).toBe('numeric');
    await expectNoAxeViolations(other);
    // The code of the next 30 seconds: the one of now was used to confirm (each code works once).
    await other.keyboard.type(nextTotpCode(secret, 1));
    await other.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForHeading(other, 'EHCP draft: SF Y5');
    await expectNoAxeViolations(other);
  });
});
