/**
 * Node test environment that screenshots every open page when a test fails, into
 * apps/web-e2e/test-output/screenshots/<test name>-<n>.png (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import type { BrowserContext } from 'playwright-core';
import { TEST_OUTPUT_DIR } from './chromium';

export default class LanternE2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure') return;
    const contexts = this.global['__LANTERN_E2E_CONTEXTS__'] as Set<BrowserContext> | undefined;
    const pages = [...(contexts ?? [])].flatMap((context) => context.pages());
    if (pages.length === 0) return;

    const dir = join(TEST_OUTPUT_DIR, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const name = fullName(event.test)
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 120);
    let n = 0;
    for (const page of pages) {
      const path = join(dir, `${name}-${++n}.png`);
      try {
        await page.screenshot({ path, fullPage: true, timeout: 5_000 });
        process.stdout.write(`[e2e] screenshot of ${page.url()} -> ${path}\n`);
      } catch {
        // The page may already be closed; a missing screenshot must not hide the real failure.
      }
    }
  }
}

function fullName(test: Circus.TestEntry): string {
  const names = [test.name];
  let block: Circus.DescribeBlock | undefined = test.parent;
  for (; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) {
    names.unshift(block.name);
  }
  return names.join(' ');
}
