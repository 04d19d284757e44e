/**
 * Reading mode: turned on in the profile, saved with the account (it survives a reload and a new
 * browser), applied on every page, and still without axe violations (contrast) with every tint.
 */
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, ROUTES, signIn } from './support';

/** Someone who uses reading mode in this file only (no other test signs in as them). */
const READER = 'trust.leader.christus@demo.lantern.test';

async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function rootClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.documentElement.classList).sort());
}

function fontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let loaded = false;
    document.fonts.forEach((f) => {
      if (f.family.includes('Atkinson Hyperlegible') && f.status === 'loaded') loaded = true;
    });
    return loaded;
  });
}

describe('reading mode', () => {
  afterAll(async () => {
    // Leave the account standard for anyone running the tests again on the same server.
    const page = await newPage();
    await signIn(page, READER);
    await gql(
      page,
      `mutation { updateReadingPreferences(input: { readableFont: false, textSize: STANDARD,
        wideSpacing: false, tint: NONE, reduceMotion: false }) { user { id } } }`,
    );
  });

  it('is turned on in the profile, stays on after a reload, applies everywhere and keeps axe at 0', async () => {
    const page = await newPage();
    await signIn(page, READER);
    await page.goto(ROUTES.directory);
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    // Nobody who has not asked for it downloads the font.
    expect(await page.locator('link[data-lan-font]').count()).toBe(0);
    const standardSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

    await page.goto(ROUTES.profile);
    const region = page.getByRole('region', { name: 'Reading mode' });
    await region.getByRole('checkbox', { name: 'Use a font designed for easy reading' }).check();
    await region.getByLabel('Text size', { exact: true }).selectOption({ label: 'Larger' });
    await region.getByRole('checkbox', { name: 'More space between lines, letters and words' }).check();
    await region.getByRole('radio', { name: 'Cream' }).check();
    await region.getByRole('checkbox', { name: 'Turn off animations' }).check();
    await region.getByRole('button', { name: 'Save reading mode' }).click();
    await page.getByText('Your reading mode has been saved.').waitFor();
    expect(await rootClasses(page)).toEqual(
      expect.arrayContaining(['lan-readable-font', 'lan-text-larger', 'lan-wide-spacing', 'lan-tint-cream']),
    );

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await rootClasses(page)).toEqual([
      'lan-readable-font',
      'lan-reduce-motion',
      'lan-text-larger',
      'lan-tint-cream',
      'lan-wide-spacing',
    ]);
    expect(await region.getByRole('radio', { name: 'Cream' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    for (const [path, heading] of [
      [ROUTES.directory, 'Directory'],
      ['/library', 'Library'],
      [ROUTES.people, 'People'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await rootClasses(page)).toContain('lan-tint-cream');
      const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      expect(parseFloat(size)).toBeGreaterThan(parseFloat(standardSize));
      await expectNoAxeViolations(page);
    }
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    expect(await fontLoaded(page)).toBe(true);
    const body = await page.evaluate(
      () => getComputedStyle(document.querySelector('main p') ?? document.body).fontFamily,
    );
    expect(body).toContain('Atkinson Hyperlegible');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(251, 245, 228)');
  });

  it.each(['BLUE', 'GREEN'])('keeps AA contrast with the %s tint', async (tint) => {
    const page = await newPage();
    await signIn(page, READER);
    await gql(
      page,
      `mutation($tint: ReadingTint!) { updateReadingPreferences(input: { readableFont: true, textSize: LARGE,
        wideSpacing: true, tint: $tint, reduceMotion: false }) { user { id } } }`,
      { tint },
    );
    for (const [path, heading] of [
      [ROUTES.profile, 'Your profile'],
      ['/library', 'Library'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await rootClasses(page)).toContain(`lan-tint-${tint.toLowerCase()}`);
      await expectNoAxeViolations(page);
    }
  });
});
