/** Accessibility checks with axe-core, injected from node_modules (never fetched). */
import type { Page } from 'playwright-core';
import type * as Axe from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS: readonly string[] = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
];

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe on the page as it is now and fails with a readable list of every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(formatViolations(page.url(), violations));
  }
}

/** Runs axe on the page as it is now (once it has settled) and returns every violation. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Let data requests and entry animations settle; long-lived connections must not block us.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await finishedAnimations(page);

  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  const violations: Violation[] = await page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map((part) => String(part)).join(' '),
          html: node.html,
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    [...WCAG_TAGS],
  );
  return violations;
}

/**
 * Waits (at most 3 s) for the page's finite CSS animations and transitions to end: a form error
 * fading in is checked as the person reads it, not at 1% opacity (axe measures the colour in between).
 */
async function finishedAnimations(page: Page): Promise<void> {
  await page
    .evaluate(async () => {
      const finite = document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
      const ended = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    })
    .catch(() => undefined);
}

/** A readable list of violations found on `where` (a URL, or a route and role). */
export function formatViolations(where: string, violations: Violation[]): string {
  const lines = [`${violations.length} accessibility violation(s) (axe, WCAG 2.0-2.2 A/AA) on ${where}:`];
  for (const violation of violations) {
    lines.push(
      '',
      `- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`,
      `  ${violation.helpUrl}`,
    );
    for (const node of violation.nodes.slice(0, 10)) {
      lines.push(`    at ${node.target}`, `       ${truncate(node.html, 160)}`);
      for (const reason of node.summary.split('\n').filter(Boolean)) lines.push(`       ${reason.trim()}`);
    }
    if (violation.nodes.length > 10) lines.push(`    ... and ${violation.nodes.length - 10} more element(s)`);
  }
  return lines.join('\n');
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
