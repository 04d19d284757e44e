import { readFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import type { Page } from 'playwright-core';
import { fromBufferPromise } from 'yauzl';
import { expectNoAxeViolations, newPage, signIn, signInElevated, waitForHeading } from './support';

/** Assisi Catholic Trust (Holy Family Primary, Essex). */
const SENCO = 'senco.holy-family@demo.lantern.test';
/** Christus Catholic Trust: the other trust. */
const OTHER_TRUST_SENCO = 'senco.holy-cross@demo.lantern.test';
const TEMPLATE = 'EHCP request template — Essex';

const SECTION_A =
  'They enjoy music, drawing and helping in the library at lunchtime. Their parents want them to make friends in class and to feel calm at the start of each school day, with a familiar adult to greet them.';
const SECTION_B =
  'Speech and language needs affect understanding of spoken instructions in whole-class teaching. Working memory difficulties mean new vocabulary needs repeated, visual teaching across every subject and regular checks.';

/** The entries of a zip file (a .docx), inflated: name -> text (yauzl, the library uploads are read with). */
export async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await fromBufferPromise(bytes, { strictFileNames: true });
  const out = new Map<string, string>();
  for await (const e of zip.eachEntry())
    out.set(e.fileName, (await buffer(await zip.openReadStreamPromise(e))).toString('utf8'));
  return out;
}

/** Type into a section of the draft editor and wait until autosave says it is stored. */
async function fillSection(page: Page, key: string, text: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: new RegExp(`^${key}\\s*,`) })
    .click();
  const box = page.getByLabel(`Section ${key} text`, { exact: true });
  await box.fill(text);
  await page.locator('.save-state', { hasText: /^\s*Saved/ }).waitFor();
}

describe('the library', () => {
  it('a SENCO finds the Essex EHCP template, starts a draft, fills two sections and exports it; the other trust cannot open it', async () => {
    const page = await newPage();
    await signInElevated(page, SENCO);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await waitForHeading(page, 'Library');
    await page.getByRole('list', { name: 'Resources' }).waitFor();
    await expectNoAxeViolations(page);

    // Find it by search.
    await page.getByLabel('Search the library', { exact: true }).fill('Essex EHCP template');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Essex EHCP template');
    const result = page
      .getByRole('list', { name: 'Resources' })
      .getByRole('link', { name: TEMPLATE, exact: true });
    // The results of this search (not the list before it) show snippets with the words marked.
    await page.getByRole('heading', { level: 2, name: 'Results' }).waitFor();
    await page.locator('.snippet mark').first().waitFor();
    await result.waitFor();
    await expectNoAxeViolations(page);
    await result.click();

    // The template: sections, the base it derives from, the differences.
    await waitForHeading(page, TEMPLATE);
    await page.getByRole('list', { name: 'Sections' }).waitFor();
    await page.getByRole('heading', { name: /What this variant changes from/ }).waitFor();
    await expectNoAxeViolations(page);

    // Start a draft with a pseudonymous reference (a name is refused as it is typed).
    await page.getByRole('button', { name: 'Start a draft', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Start an EHCP draft' });
    await dialog.getByLabel('Pupil reference', { exact: true }).fill('Jamie Smith');
    await dialog.getByText('looks like it includes a name').waitFor();
    // Check the dialog once its opening animation (a fade) has finished.
    await page.locator('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)').waitFor();
    await page.waitForTimeout(300);
    await expectNoAxeViolations(page);
    await dialog.getByLabel('Pupil reference', { exact: true }).fill('JS Y4');
    await dialog.getByRole('button', { name: 'Start the draft', exact: true }).click();
    await waitForHeading(page, 'EHCP draft: JS Y4');
    const draftPath = new URL(page.url()).pathname;
    expect(draftPath).toMatch(/^\/ehcp-drafts\/[0-9a-f-]{36}$/);

    // Fill two sections; autosave stores them.
    await fillSection(page, 'A', SECTION_A);
    await fillSection(page, 'B', SECTION_B);
    await page.getByText('0 of 11 sections complete (0%)').waitFor();
    // The writer says when a section is complete (saved at once).
    await page
      .getByRole('radiogroup', { name: 'State of section B' })
      .getByRole('radio', { name: 'Complete' })
      .check();
    await page.getByText('1 of 11 sections complete (9%)').waitFor();
    await expectNoAxeViolations(page);

    // They are really stored: a reload shows them.
    await page.reload();
    await waitForHeading(page, 'EHCP draft: JS Y4');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^B\s*,/ })
      .click();
    expect(await page.getByLabel('Section B text', { exact: true }).inputValue()).toBe(SECTION_B);

    // Export: a .docx (a zip) whose document holds what was written.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export to Word/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const documentXml = (await unzip(bytes)).get('word/document.xml') ?? '';
    expect(documentXml).toContain('helping in the library at lunchtime');
    expect(documentXml).toContain('Working memory difficulties');

    // The school's drafts list shows it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'EHCP drafts' }).click();
    await waitForHeading(page, "Your school's EHCP drafts");
    await page.getByRole('link', { name: 'JS Y4', exact: true }).first().waitFor();
    await expectNoAxeViolations(page);

    // A SENCO in the other trust cannot open it.
    const other = await newPage();
    await signInElevated(other, OTHER_TRUST_SENCO);
    await other.goto(draftPath);
    await waitForHeading(other, 'Draft not found');
    expect(await other.getByText(SECTION_B).count()).toBe(0);
    await expectNoAxeViolations(other);
  });

  it('the share form, the toolkit page and a resource history have no accessibility violations', async () => {
    const page = await newPage();
    await signIn(page, SENCO);
    await page.goto('/library/new');
    await waitForHeading(page, 'Share a resource');
    await page.getByRole('button', { name: 'Choose files', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/library');
    await page
      .getByRole('region', { name: 'Toolkits' })
      .getByRole('link', { name: 'EHCP request toolkit — Essex', exact: true })
      .click();
    await waitForHeading(page, 'EHCP request toolkit — Essex');
    await page.getByRole('link', { name: 'Evidencing the graduated approach', exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });
});
