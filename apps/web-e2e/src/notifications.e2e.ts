import type { Page } from 'playwright-core';
import { DEMO, expectNoAxeViolations, newPage, ROUTES, signIn } from './support';

const STAFF = 'staff.holy-family@demo.lantern.test';

/** A GraphQL call with the page's own cookies (its browser context's session). */
async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The bell in the top bar: its accessible name is "Notifications" or "Notifications, N unread". */
function bell(page: Page, name: string | RegExp = /^Notifications/, includeHidden = false) {
  return page.getByRole('button', { name, exact: typeof name === 'string', includeHidden });
}

describe('the notification centre', () => {
  it('the bell count rises live when someone grants the person a role, and falls when they mark all read', async () => {
    const staff = await newPage();
    await signIn(staff, STAFF);
    await bell(staff).waitFor();
    const before = (await bell(staff).getAttribute('aria-label')) ?? '';
    const unread = Number(before.match(/(\d+) unread/)?.[1] ?? 0);
    // A marker that a reload would wipe: the count must change without one.
    await staff.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    // In another browser, a network admin gives them a second role at their school.
    const admin = await newPage();
    await signIn(admin, DEMO.networkAdmin);
    const { me } = await gql<{ me: { user: { id: string } } }>(staff, '{ me { user { id } } }');
    const { schools } = await gql<{ schools: Array<{ id: string; name: string; trust: { name: string } }> }>(
      admin,
      '{ schools { id name trust { name } } }',
    );
    const school = schools.find((s) => s.name === 'Holy Family Primary' && /Assisi/.test(s.trust.name));
    expect(school).toBeDefined();
    await gql(admin, 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
      i: { userId: me.user.id, role: 'SENCO', schoolId: school!.id },
    });

    await bell(staff, `Notifications, ${unread + 1} unread`).waitFor();
    expect(await staff.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(
      true,
    );

    await bell(staff).click();
    const panel = staff.getByRole('dialog');
    await panel.getByRole('heading', { name: 'Notifications', exact: true }).waitFor();
    await panel.getByText('You are now SENCO at Holy Family Primary', { exact: false }).first().waitFor();
    await expectNoAxeViolations(staff);

    await panel.getByRole('button', { name: 'Mark all as read', exact: true }).click();
    // The dialog hides the page behind it from assistive technology, so look past that.
    await bell(staff, 'Notifications', true).waitFor({ state: 'attached' });
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await bell(staff, 'Notifications').waitFor();
    expect(await staff.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(
      true,
    );
  });
});
