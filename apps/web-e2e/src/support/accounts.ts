/** Demo accounts seeded by the api (see the api's seed data) and how to sign in as one. */
import type { Page } from 'playwright-core';
import { ROUTES } from './routes';

export const DEMO_PASSWORD = 'lantern-demo-2026';

export const DEMO = {
  networkAdmin: 'network.admin@demo.lantern.test',
  sencoHolyFamily: 'senco.holy-family@demo.lantern.test',
} as const;

/** The sign-in form's controls, by accessible name. */
export function signInForm(page: Page) {
  return {
    email: page.getByLabel('Email', { exact: true }),
    password: page.getByLabel('Password', { exact: true }),
    submit: page.getByRole('button', { name: 'Sign in', exact: true }),
  };
}

/**
 * Signs in through the real form. Opens the sign-in page unless the form is already on screen.
 * Resolves once the app has left the sign-in page; fails with the page's error message if the
 * app refused.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const form = signInForm(page);
  if (!(await form.submit.isVisible())) {
    await page.goto(ROUTES.signIn);
  }
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();

  const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
  const outcome = await Promise.race([
    page.waitForURL((url) => url.pathname !== ROUTES.signIn).then(() => 'signed-in' as const),
    alert.waitFor({ state: 'visible' }).then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') {
    throw new Error(`signing in as ${email} failed: ${(await alert.innerText()).trim()}`);
  }
}
