import { DEMO, expectNoAxeViolations, newPage, ROUTES, signIn } from './support';

describe('accessibility (axe, WCAG 2.2 AA) as a network admin', () => {
  it.each([
    ['profile', ROUTES.profile],
    ['people', ROUTES.people],
    ['audit trail', ROUTES.audit],
    ['library', '/library'],
  ])('the %s page has no violations', async (_name, path) => {
    const page = await newPage();
    await signIn(page, DEMO.networkAdmin);
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
    await expectNoAxeViolations(page);
  });
});
