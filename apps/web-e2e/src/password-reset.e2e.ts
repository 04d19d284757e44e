import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  newPage,
  passwordResetLinkFor,
  ROUTES,
  signIn,
  waitForHeading,
} from './support';

/** A demo account no other browser test signs in as (its password changes here). */
const ACCOUNT = 'trust.leader.assisi@demo.lantern.test';
const NEW_PASSWORD = 'kettle orchard lantern 2026';

describe('password reset', () => {
  it('someone who forgot their password asks for a link, sets a new password from the email and signs in with it', async () => {
    const page = await newPage();
    await page.goto(ROUTES.signIn);
    await page.getByRole('link', { name: 'Forgot your password?', exact: true }).click();
    await waitForHeading(page, 'Reset your password');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email', { exact: true }).fill(ACCOUNT);
    await page.getByRole('button', { name: 'Send me a reset link', exact: true }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Check your email' });
    await sent.waitFor();
    expect(await sent.textContent()).toContain(`If ${ACCOUNT} belongs to a Lantern account`);
    await expectNoAxeViolations(page);

    // An address with no account gets the very same answer.
    await page.goto('/forgot-password');
    await page.getByLabel('Email', { exact: true }).fill('nobody.at.all@demo.lantern.test');
    await page.getByRole('button', { name: 'Send me a reset link', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'If nobody.at.all@demo.lantern.test belongs to a Lantern account' })
      .waitFor();

    const link = await passwordResetLinkFor(ACCOUNT);
    const reset = await newPage();
    await reset.goto(link);
    await waitForHeading(reset, 'Choose a new password');
    await expectNoAxeViolations(reset);
    await reset.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await reset.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: 'Set new password', exact: true }).click();
    await reset.waitForURL((url) => url.pathname === ROUTES.signIn);
    await reset.getByText('Your password has been changed').waitFor();
    await expectNoAxeViolations(reset);

    // The old password no longer works; the new one does.
    await reset.getByLabel('Email', { exact: true }).fill(ACCOUNT);
    await reset.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await reset.getByRole('button', { name: 'Sign in', exact: true }).click();
    await reset.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await signIn(reset, ACCOUNT, NEW_PASSWORD);
    expect(new URL(reset.url()).pathname).not.toBe(ROUTES.signIn);

    // The link worked once.
    const again = await newPage();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('another long pass phrase');
    await again.getByLabel('Confirm new password', { exact: true }).fill('another long pass phrase');
    await again.getByRole('button', { name: 'Set new password', exact: true }).click();
    await again.getByRole('alert').filter({ hasText: 'expired or has already been used' }).waitFor();
    await again.getByRole('link', { name: 'Ask for a new reset link', exact: true }).waitFor();
    await expectNoAxeViolations(again);
  });
});
