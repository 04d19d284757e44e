/**
 * The one place that knows where the browser is and how it is launched.
 *
 * We never download browsers: the tests drive Debian's Chromium (`apt-get install -y chromium`).
 * Override the binary with CHROMIUM_PATH if it lives elsewhere on your machine.
 */
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Where screenshots of failed tests and the api's log go (git-ignored). */
export const TEST_OUTPUT_DIR = join(__dirname, '..', '..', 'test-output');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}
