/** Small page helpers shared by the specs. */
import type { Locator, Page } from 'playwright-core';

/** The page's level-1 heading with exactly this name. */
export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Waits until the page shows its level-1 heading `name` (the page has rendered). */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await heading(page, name).waitFor({ state: 'visible' });
}

/**
 * Picks `option` in the control labelled `label`, whether it is a native <select> or a combobox
 * (e.g. mat-select). A RegExp matches the option's visible text; a string must match it exactly.
 */
export async function chooseOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  const control = page.getByLabel(label, { exact: true });
  const matches = (text: string): boolean =>
    typeof option === 'string' ? text.trim() === option : option.test(text);

  if ((await control.evaluate((element) => element.tagName)) === 'SELECT') {
    const options = await control.evaluate((element) =>
      Array.from((element as HTMLSelectElement).options).map((o) => ({ value: o.value, text: o.text })),
    );
    const wanted = options.find((o) => matches(o.text));
    if (!wanted) {
      throw new Error(
        `"${label}" has no option ${option}; it offers: ${options.map((o) => o.text).join(' | ')}`,
      );
    }
    await control.selectOption({ value: wanted.value });
    return;
  }
  await control.click();
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .first()
    .click();
}
