import { Role, ROLE_LABEL } from '@lantern/shared-domain';
import type { Page } from 'playwright-core';
import {
  chooseOption,
  DEMO,
  DEMO_TOTP_SECRET,
  expectNoAxeViolations,
  invitationLinkFor,
  newPage,
  nextTotpCode,
  ROUTES,
  signIn,
  totpCode,
  waitForHeading,
} from './support';

/**
 * The caseload (issue 10): a SENCO sets up their second factor through the page and records three
 * cases (the first with the keyboard only), a log note and an action for the trust's SEND lead; the
 * SEND lead finds it in "My actions" once they have entered their code and opens the case; the
 * headteacher sees that read in the school's case-access log; another trust's SEND lead is told the
 * case is not found. axe finds nothing on every caseload page.
 *
 * The SENCO is a new one, invited to Holy Family Primary for this test, so the demo SENCO keeps the
 * demo key that other browser tests use.
 */
const SEND_LEAD = 'send.lead@demo.lantern.test';
const SEND_LEAD_NAME = 'Head of SEND and Inclusion (both trusts)';
const HEADTEACHER = 'headteacher.holy-family@demo.lantern.test';
const OTHER_TRUST_SEND_LEAD = 'send.lead.magnificat@demo.lantern.test';

const run = `${Date.now()
  .toString(36)
  .slice(-2)
  .toUpperCase()
  .replace(/[^A-Z]/g, 'Q')}`;
/** Three pseudonymous references this run records (three capitals and a year group). */
const REF = { first: `Q${run} Y4`, second: `Z${run} Y2`, third: `X${run} R` } as const;

/** YYYY-MM-DD, `days` from today in England. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

/** The first YYYY-MM-DD on or after `from` whose day of the month is its month (01-01, 02-02, …). */
function sameDayAndMonthAfter(from: string): string {
  const d = new Date(`${from}T12:00:00Z`);
  while (d.getUTCDate() !== d.getUTCMonth() + 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Case data asks for the second factor: answer the dialog as the person would, with the demo key's
 * code (each code works once per account: if another test's session used this one, the next one).
 */
async function enterDemoCode(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Enter your code' });
  await dialog.waitFor();
  for (const ahead of [0, 1] as const) {
    await dialog.getByLabel('6-digit code', { exact: true }).fill(nextTotpCode(DEMO_TOTP_SECRET, ahead));
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    const outcome = await Promise.race([
      dialog
        .waitFor({ state: 'detached' })
        .then(() => 'closed' as const)
        .catch(() => 'open' as const),
      dialog
        .getByRole('alert')
        .filter({ hasText: 'already been used' })
        .waitFor()
        .then(() => 'used' as const)
        .catch(() => 'open' as const),
    ]);
    if (outcome === 'closed') return;
    if (outcome === 'open') break;
  }
  throw new Error('the demo code and the next one were both used already');
}

/** Press Tab until the focused element matches `selector` (keyboard only). */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** axe on the page once its animations (a field's error fading in, a dialog closing) have finished. */
async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await expectNoAxeViolations(page);
}

/** No sideways scrolling at the current width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBe(0);
}

describe('the caseload', () => {
  let caseUrl = '';

  it('a new SENCO sets up their second factor, records three cases (one with the keyboard only), a note and an action', async () => {
    // The network admin invites a SENCO to Holy Family Primary.
    const admin = await newPage();
    await signIn(admin, DEMO.networkAdmin);
    await admin.goto(ROUTES.invitations);
    await waitForHeading(admin, 'Invitations');
    const email = `senco.caseload.${Date.now()}@demo.lantern.test`;
    await admin.getByLabel('Email', { exact: true }).fill(email);
    await chooseOption(admin, 'Role', ROLE_LABEL[Role.Senco]);
    await chooseOption(admin, 'School', /Holy Family Primary/);
    await admin.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await admin.getByText(email).first().waitFor();

    const page = await newPage();
    await page.goto(await invitationLinkFor(email));
    await page.getByLabel('Your name', { exact: true }).fill('Rowan Ellis');
    const password = 'a-long-enough-pass-phrase-2026';
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== ROUTES.acceptInvitation);

    // Case data needs a second factor, which they have not set up: the app takes them to set it up.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await waitForHeading(page, 'Set up your second factor');
    const key = (await page.getByTestId('setup-key').innerText()).replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('6-digit code', { exact: true }).fill(totpCode(key));
    await page.getByRole('button', { name: 'Confirm code', exact: true }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    await page.getByLabel('I have saved my recovery codes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    // Back at the caseload: the school's demo cases, needing attention first.
    await waitForHeading(page, 'Caseload');
    await page.getByRole('table').waitFor();
    await expect(page.locator('.count').innerText()).resolves.toMatch(/\d+ cases open or being monitored/);
    await page.locator('td[data-label="Attention"] .attention.overdue').first().waitFor();
    await expectAccessible(page);

    // --- The first case with the keyboard only. ---
    await tabTo(page, 'a[href^="/caseload/new"]');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Record a case');
    await page.getByLabel('Reference', { exact: true }).waitFor();
    // Sending nothing: a summary of what is missing takes focus, with links to the fields.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const summary = page.locator('lan-error-summary');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('LAN-ERROR-SUMMARY');
    await expectAccessible(page);
    await page.keyboard.press('Tab'); // the first link: the reference
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('case-reference');
    await page.keyboard.type(REF.first);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('case-year-group');
    // From "Choose a year group": Nursery, Reception, Year 1, Year 2, Year 3, Year 4.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#case-year-group').inputValue()).toBe('4');
    await page.keyboard.press('Tab'); // SEN status: the first radio
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('case-primary-need');
    await page.keyboard.press('ArrowDown'); // SLCN, first of communication and interaction
    expect(await page.locator('#case-primary-need').inputValue()).toBe('SLCN');
    await tabTo(page, '#case-concern-ANNUAL_REVIEW-input');
    await page.keyboard.press('Space');
    // Ticking it shows the concern's date and note (wait for them; the next key goes there).
    const reviewDate = page.getByLabel('Date of the annual review (optional)', { exact: true });
    await reviewDate.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('date');
    // A day whose number is its month's (typed the same in dd/mm/yyyy and mm/dd/yyyy browsers).
    const review = sameDayAndMonthAfter(dayFromToday(1));
    const [y, m, d] = review.split('-');
    await page.keyboard.type(`${d}${m}${y}`);
    expect(await reviewDate.inputValue()).toBe(review);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await waitForHeading(page, `Case ${REF.first}`);
    await page
      .getByRole('status')
      .filter({ hasText: `Case ${REF.first} recorded.` })
      .waitFor();
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/caseload\/cases\/[0-9a-f-]{36}$/);
    await page
      .getByText(/^Annual review, /)
      .first()
      .waitFor();
    await expectAccessible(page);

    // --- Two more cases with the mouse; a repeated reference is refused on its field. ---
    const record = async (reference: string, year: string, senStatus: string, need: string) => {
      await page.goto(`/caseload/new?school=${await schoolOf(page)}`);
      await waitForHeading(page, 'Record a case');
      await page.getByLabel('Reference', { exact: true }).fill(reference);
      await chooseOption(page, 'Year group', year);
      await page.getByRole('radio', { name: senStatus, exact: true }).check();
      await chooseOption(page, 'Primary need', new RegExp(`^${need}:`));
      await page.getByRole('button', { name: 'Record the case', exact: true }).click();
    };
    const schoolOf = async (p: Page) =>
      new URL(
        (await p.getByRole('link', { name: 'Back to the caseload' }).getAttribute('href')) ?? '',
        'http://x',
      ).searchParams.get('school');
    await record(REF.second, 'Year 2', 'EHC plan', 'ASD');
    await waitForHeading(page, `Case ${REF.second}`);
    await record(REF.first, 'Year 4', 'SEN support', 'MLD');
    await page
      .locator('mat-form-field', { hasText: 'Reference' })
      .getByText('already has a case with that reference')
      .waitFor();
    await expectAccessible(page);
    await page.getByLabel('Reference', { exact: true }).fill(REF.third);
    await chooseOption(page, 'Year group', 'Reception');
    await page.getByRole('button', { name: 'Record the case', exact: true }).click();
    await waitForHeading(page, `Case ${REF.third}`);

    // The list finds them by filter (kept in the URL).
    await page.getByRole('link', { name: 'Back to the caseload' }).click();
    await waitForHeading(page, 'Caseload');
    await chooseOption(page, 'Need', /^ASD:/);
    await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('need') === 'ASD');
    await page.getByRole('link', { name: REF.second, exact: true }).waitFor();
    await expectAccessible(page);

    // --- A note and an action on the first case. ---
    await page.goto(caseUrl);
    await waitForHeading(page, `Case ${REF.first}`);
    await page
      .getByLabel('Note', { exact: true })
      .fill('Met the family: **agreed** a movement break every lesson.');
    await page.getByRole('button', { name: 'Add the note', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Note added to the case log.' }).waitFor();
    await page.locator('.notes lan-post-body strong', { hasText: 'agreed' }).waitFor();

    await page.getByLabel('What needs doing', { exact: true }).fill('Book the educational psychologist');
    await chooseOption(page, 'Owner', SEND_LEAD_NAME);
    await page.getByLabel('Due date', { exact: true }).fill(dayFromToday(3));
    await page.getByRole('button', { name: 'Add the action', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Action added for ${SEND_LEAD_NAME}` })
      .waitFor();
    await page.getByRole('button', { name: /^Mark done\W+Book the educational psychologist$/ }).waitFor();
    await expectAccessible(page);

    // On a phone: one card per case, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 720 });
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: 'Back to the caseload' }).click();
    await waitForHeading(page, 'Caseload');
    await page.getByRole('link', { name: REF.first, exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
  }, 240_000);

  it('the SEND lead enters their code for "My actions" and opens the case; the headteacher sees that in the case-access log', async () => {
    expect(caseUrl).not.toBe('');
    const lead = await newPage();
    await signIn(lead, SEND_LEAD);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
    await waitForHeading(lead, 'My actions');
    await lead.getByText(/case actions? (is|are) hidden until you enter your code/).waitFor();
    await expectAccessible(lead);
    await lead.getByRole('button', { name: 'Enter your code' }).click();
    await enterDemoCode(lead);
    const source = lead.getByRole('link', { name: `Case ${REF.first}`, exact: true });
    await source.waitFor();
    await expectAccessible(lead);
    await source.click();
    await waitForHeading(lead, `Case ${REF.first}`);
    await lead.getByText('Book the educational psychologist', { exact: true }).waitFor();

    const head = await newPage();
    await signIn(head, HEADTEACHER);
    await head.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await enterDemoCode(head);
    await waitForHeading(head, 'Caseload');
    await head.getByRole('link', { name: 'Case-access log' }).click();
    await waitForHeading(head, 'Case-access log');
    const read = head
      .getByRole('row')
      .filter({ hasText: SEND_LEAD_NAME })
      .filter({ hasText: 'Opened the case' })
      .filter({ hasText: REF.first });
    await read.first().waitFor();
    await expectAccessible(head);
  }, 120_000);

  it("refuses another trust's SEND lead: the case is not found", async () => {
    expect(caseUrl).not.toBe('');
    const other = await newPage();
    await signIn(other, OTHER_TRUST_SEND_LEAD);
    await other.goto(caseUrl);
    await enterDemoCode(other);
    await waitForHeading(other, 'Case not found');
    expect(await other.getByText(REF.first).count()).toBe(0);
    await expectAccessible(other);
  });
});
