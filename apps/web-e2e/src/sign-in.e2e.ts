import {
  DEMO,
  expectNoAxeViolations,
  heading,
  newPage,
  ROUTES,
  signIn,
  signInForm,
  waitForHeading,
} from './support';

describe('signing in', () => {
  it('a SENCO signs in and lands on the directory of both trusts', async () => {
    const page = await newPage();
    await page.goto(ROUTES.home);
    await page.waitForURL((url) => url.pathname === ROUTES.signIn);
    const form = signInForm(page);
    await form.email.waitFor();
    await form.password.waitFor();
    await form.submit.waitFor();
    await expectNoAxeViolations(page);

    await signIn(page, DEMO.sencoHolyFamily);
    await waitForHeading(page, 'Directory');
    expect(new URL(page.url()).pathname).toBe(ROUTES.directory);

    const holyFamily = page.getByRole('row').filter({ hasText: 'Holy Family Primary' });
    await holyFamily.first().waitFor();
    expect(await holyFamily.count()).toBe(1);
    expect(await holyFamily.innerText()).toMatch(/\b212\b/);

    for (const trust of ['Assisi Catholic Trust', 'Christus Catholic Trust']) {
      await page.getByText(trust).filter({ visible: true }).first().waitFor();
    }

    // Two schools in different trusts share this name: each row must say which one it is.
    const stJosephs = page.getByRole('row').filter({ hasText: /St Joseph['’]s Primary/ });
    const rows = (await stJosephs.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(2);
    expect(new Set(rows).size).toBe(2);
    const trusts = rows.map((text) =>
      /Assisi/.test(text) ? 'Assisi' : /Christus/.test(text) ? 'Christus' : '?',
    );
    expect(trusts.sort()).toEqual(['Assisi', 'Christus']);

    await expectNoAxeViolations(page);
  });

  it('a wrong password shows an error and stays on sign-in', async () => {
    const page = await newPage();
    await page.goto(ROUTES.signIn);
    const form = signInForm(page);
    await form.email.fill(DEMO.sencoHolyFamily);
    await form.password.fill('not-the-right-password');
    await form.submit.click();

    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor();
    expect((await alert.innerText()).trim().length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe(ROUTES.signIn);
    expect(await form.submit.isVisible()).toBe(true);
    expect(await form.email.inputValue()).toBe(DEMO.sencoHolyFamily);
    expect(await heading(page, 'Directory').count()).toBe(0);
  });

  it('a signed-out visit to the directory is sent to sign-in', async () => {
    const page = await newPage();
    await page.goto(ROUTES.directory);
    const form = signInForm(page);
    await form.submit.waitFor();
    await form.email.waitFor();
    expect(new URL(page.url()).pathname).toBe(ROUTES.signIn);
    expect(await heading(page, 'Directory').count()).toBe(0);
  });
});
