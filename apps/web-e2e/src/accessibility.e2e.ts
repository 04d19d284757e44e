/**
 * axe (WCAG 2.2 A and AA) on every page of the client under every demo role that may open it, at
 * desktop width: the routes are APP_ROUTES (support/routes.ts, shared with the reflow test), detail
 * pages open a real record the role can see (support/records.ts), and pages with case data are
 * opened with the session elevated by the second factor. One browser context per role, signed in
 * once; every violation is reported with its route and role, all at the end.
 */
import type { Page } from 'playwright-core';
import { Permission } from '@lantern/shared-domain';
import {
  axeViolations,
  elevate,
  formatViolations,
  gql,
  newPage,
  pathWith,
  permissionsOf,
  recordKindsOf,
  recordsFor,
  routesFor,
  signIn,
  signInElevated,
} from './support';

const ROLES: ReadonlyArray<{ role: string; email: string | null }> = [
  { role: 'network admin', email: 'network.admin@demo.lantern.test' },
  { role: 'trust leader', email: 'trust.leader.assisi@demo.lantern.test' },
  { role: 'SEND lead', email: 'send.lead@demo.lantern.test' },
  { role: 'headteacher', email: 'headteacher.holy-family@demo.lantern.test' },
  { role: 'SENCO', email: 'senco.holy-family@demo.lantern.test' },
  { role: 'staff', email: 'staff.holy-family@demo.lantern.test' },
  { role: 'signed out', email: null },
];
const SENCO = 'senco.holy-family@demo.lantern.test';
const TEMPLATE = 'EHCP request template — Essex';

/** The demo data has no EHCP draft: the SENCO starts one from a demo template, as a SENCO would. */
async function startDraft(): Promise<void> {
  const page = await newPage();
  await signInElevated(page, SENCO);
  const { libraryResources } = await gql<{
    libraryResources: { nodes: Array<{ id: string; title: string }> };
  }>(page, '{ libraryResources(first: 100) { nodes { id title } } }');
  const template = libraryResources.nodes.find((r) => r.title === TEMPLATE);
  if (!template) throw new Error(`the demo data has no "${TEMPLATE}"`);
  await gql(
    page,
    'mutation($t: ID!) { startEhcpDraft(templateResourceId: $t, pupilReference: "AX Y5") { id } }',
    {
      t: template.id,
    },
  );
  await page.context().close();
}

/**
 * Open `path` and wait for its heading; returns where the app ended up. The first page of a role
 * loads the app; later ones navigate inside it (as following a link does: the router renders the
 * route, nothing reloads), which keeps axe loaded and the test quick. The heading waited for is a
 * new one, not the previous page's.
 */
async function open(page: Page, path: string): Promise<string> {
  const loaded = await page.evaluate(() => 'axe' in window).catch(() => false);
  if (!loaded) {
    await page.goto(path);
  } else {
    await page.evaluate((to) => {
      document.querySelectorAll('h1').forEach((h) => h.setAttribute('data-checked', ''));
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, path);
  }
  await page.locator('h1:not([data-checked])').first().waitFor({ state: 'visible' });
  return new URL(page.url()).pathname;
}

describe('accessibility (axe, WCAG 2.2 A and AA) on every route under every role', () => {
  beforeAll(startDraft, 120_000);

  it.each(ROLES)(
    '$role: no violations on any page they can open',
    async ({ role, email }) => {
      const page = await newPage();
      let permissions: string[] | null = null;
      let records = {};
      if (email) {
        await signIn(page, email);
        permissions = await permissionsOf(page);
        if (permissions.includes(Permission.CaseDataUse)) await elevate(page, email);
        records = await recordsFor(page, permissions);
      }
      const problems: string[] = [];
      const unvisited: string[] = [];
      let checked = 0;
      for (const route of routesFor(permissions)) {
        const path = pathWith(route, records);
        if (!path) {
          unvisited.push(`${route.path} (no ${recordKindsOf(route).join(', ')} to open)`);
          continue;
        }
        const landed = await open(page, path);
        if (landed !== path.split('?')[0]) {
          problems.push(`${path} as ${role}: the app went to ${landed} instead`);
          continue;
        }
        const violations = await axeViolations(page);
        checked++;
        if (violations.length) problems.push(formatViolations(`${path} as ${role}`, violations));
      }
      if (unvisited.length) problems.push(`Not checked as ${role}: ${unvisited.join('; ')}`);
      console.log(`${role}: ${checked} pages checked with axe, ${problems.length} with problems`);
      if (problems.length) throw new Error(problems.join('\n\n'));
    },
    600_000,
  );
});
