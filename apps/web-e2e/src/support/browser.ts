/**
 * Pages for the tests: one Chromium per test file, one fresh browser context (own cookies,
 * own storage) per `newPage()`. Contexts are closed after each test by setup-after-env.ts,
 * after the test environment has screenshotted the pages of a failed test.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { baseUrl } from './server-state';

declare global {
  var __LANTERN_E2E_CONTEXTS__: Set<BrowserContext> | undefined;
}

let browser: Promise<Browser> | undefined;

function openContexts(): Set<BrowserContext> {
  return (globalThis.__LANTERN_E2E_CONTEXTS__ ??= new Set());
}

/** A page in a brand-new browser context, with relative URLs resolved against the server under test. */
export async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  browser ??= launchChromium();
  const context = await (
    await browser
  ).newContext({
    baseURL: baseUrl(),
    // axe is injected as an inline script; the app's Content-Security-Policy must not block it.
    bypassCSP: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  openContexts().add(context);
  context.on('close', () => openContexts().delete(context));
  return context.newPage();
}

export async function closeContexts(): Promise<void> {
  await Promise.all([...openContexts()].map((context) => context.close().catch(() => undefined)));
  openContexts().clear();
}

export async function closeBrowser(): Promise<void> {
  await closeContexts();
  if (browser) {
    const running = browser;
    browser = undefined;
    await (await running).close();
  }
}
