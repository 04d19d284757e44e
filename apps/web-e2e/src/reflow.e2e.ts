/**
 * Reflow (WCAG 2.2 1.4.10): every route at 320 CSS pixels wide, with no sideways scrolling of the
 * page, a header that stays small with the menu closed, and no axe violations on a few pages.
 */
import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  newPage,
  pathWith,
  permissionsOf,
  recordsFor,
  ROUTES,
  routesFor,
  signIn,
  signInElevated,
  type AppRoute,
  type RecordKind,
} from './support';

const PHONE = { width: 320, height: 720 };
/** Trust SEND lead of both trusts: sees every feature but forum administration. */
const SEND_LEAD = 'send.lead@demo.lantern.test';
const NETWORK_ADMIN = 'network.admin@demo.lantern.test';
const SENCO = 'senco.holy-family@demo.lantern.test';
const TEMPLATE = 'EHCP request template — Essex';

async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The route's path with real records, failing when there is none to open. */
function pathOf(route: AppRoute, records: Partial<Record<RecordKind, string>>): string {
  const path = pathWith(route, records);
  if (!path) throw new Error(`no record to open ${route.path}`);
  return path;
}

async function phone(email?: string): Promise<Page> {
  const page = await newPage({ viewport: PHONE });
  // The SENCO and the SEND lead open EHCP drafts (case data): their sessions are elevated.
  if (email === SENCO || email === SEND_LEAD) await signInElevated(page, email);
  else if (email) await signIn(page, email);
  return page;
}

/** What the page scrolls sideways by, and the elements sticking out past the right edge (for the message). */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      // Inside a container that scrolls by itself (and is focusable and labelled) is allowed.
      let parent = el.parentElement;
      let contained = false;
      while (parent && parent !== document.body) {
        const style = getComputedStyle(parent);
        if (
          /(auto|scroll|hidden|clip)/.test(style.overflowX) &&
          parent.getBoundingClientRect().right <= width + 1
        ) {
          contained = true;
          break;
        }
        parent = parent.parentElement;
      }
      if (contained) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${
        el.classList.length ? '.' + Array.from(el.classList).slice(0, 3).join('.') : ''
      }`;
      culprits.push(`${name} (right edge ${Math.round(rect.right)}px)`);
      if (culprits.length >= 8) break;
    }
    return { overflow: root.scrollWidth - root.clientWidth, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const { overflow, culprits } = await sidewaysOverflow(page);
  expect({ path, overflow, culprits }).toEqual({ path, overflow: 0, culprits: [] });
}

describe('reflow at 320 CSS pixels', () => {
  /** The EHCP draft the SENCO starts (the demo data has none); the other pages open demo records. */
  let draft: string;

  beforeAll(async () => {
    const senco = await phone(SENCO);
    const { libraryResources } = await gql<{ libraryResources: { nodes: { id: string; title: string }[] } }>(
      senco,
      '{ libraryResources(first: 50) { nodes { id title } } }',
    );
    const template = libraryResources.nodes.find((r) => r.title === TEMPLATE);
    if (!template) throw new Error('the demo data has no Essex template');
    const { startEhcpDraft } = await gql<{ startEhcpDraft: { id: string } }>(
      senco,
      'mutation($t: ID!) { startEhcpDraft(templateResourceId: $t, pupilReference: "RF Y3") { id } }',
      { t: template.id },
    );
    draft = startEhcpDraft.id;
  });

  it('no page scrolls sideways for a trust SEND lead', async () => {
    const page = await phone(SEND_LEAD);
    const permissions = await permissionsOf(page);
    const records = await recordsFor(page, permissions);
    for (const route of routesFor(permissions)) await expectNoSidewaysScroll(page, pathOf(route, records));
  });

  it('no page scrolls sideways for a network admin (the pages only they open) or someone signed out', async () => {
    const lead = await phone(SEND_LEAD);
    const leadPaths = new Set(routesFor(await permissionsOf(lead)).map((r) => r.path));
    const admin = await phone(NETWORK_ADMIN);
    const adminRoutes = routesFor(await permissionsOf(admin)).filter((r) => !leadPaths.has(r.path));
    expect(adminRoutes.length).toBeGreaterThan(0);
    const records = await recordsFor(admin, await permissionsOf(admin));
    for (const route of adminRoutes) await expectNoSidewaysScroll(admin, pathOf(route, records));
    const visitor = await phone();
    for (const route of routesFor(null)) await expectNoSidewaysScroll(visitor, pathOf(route, {}));
  });

  it('keeps the header to one row, with the navigation behind a Menu button', async () => {
    const page = await phone(SEND_LEAD);
    await page.goto(ROUTES.directory);
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    const header = page.locator('header.top');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);

    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Library' }).isVisible()).toBe(false);

    // Keyboard: open with Enter, the links follow the button, Escape closes and returns focus.
    await menu.focus();
    await page.keyboard.press('Enter');
    // The attribute follows on the next render after the key press: wait for it rather than read it at once.
    await page.locator('button.menu-toggle[aria-expanded="true"]').waitFor();
    const controls = await menu.getAttribute('aria-controls');
    expect(await page.locator(`#${controls}`).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Directory');
    expect((await sidewaysOverflow(page)).overflow).toBe(0);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.locator('button.menu-toggle[aria-expanded="false"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);

    // Choosing a page closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
  });

  it('puts content first: the draft text before the section list, library results before the filters', async () => {
    const page = await phone(SENCO);
    await page.goto(`/ehcp-drafts/${draft}`);
    const box = page.getByRole('textbox', { name: /^Section A text/ });
    await box.waitFor();
    expect((await box.boundingBox())!.y).toBeLessThan(PHONE.height);

    await page.goto('/library');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const filters = page.getByRole('button', { name: /^Filters/ });
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    const firstResult = page.getByRole('list', { name: 'Resources' }).getByRole('link').first();
    await firstResult.waitFor();
    expect((await firstResult.boundingBox())!.y).toBeLessThan(PHONE.height);
    await filters.click();
    // Wait for aria-expanded to follow the click (reading it at once raced the render).
    await page.getByRole('button', { name: /^Filters/, expanded: true }).waitFor();
    await page.getByLabel('Kind', { exact: true }).waitFor();
  });

  it.each([
    ['directory', ROUTES.directory],
    ['invitations', ROUTES.invitations],
    ['library', '/library'],
    ['EHCP drafts', '/ehcp-drafts'],
  ])('the %s page has no axe violations at 320 pixels', async (_name, path) => {
    const page = await phone(SEND_LEAD);
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('the EHCP draft editor has no axe violations at 320 pixels', async () => {
    const page = await phone(SENCO);
    await page.goto(`/ehcp-drafts/${draft}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page);
  });
});
