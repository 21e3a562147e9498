// Debian's Chromium for the browser tests (playwright-core, no browser download; .ci/run installs it),
// and a classic script run in one of its pages: its V8 is current, so it is the native oracle for
// what Node 20 cannot run (`await using`, ecma262 changes newer than V8 11.3).
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe as describeValue } from './exec.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
}

/**
 * A page of a Chromium launched before the tests of the calling `describe` and closed after them;
 * call the returned function inside a test to get it.
 */
export function sharedChromiumPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => page;
}

/**
 * Runs `code` as a classic script in a fresh document of `page`, with `log(...values)` formatting as
 * exec.ts does, and returns the log once it is quiet. A synchronous throw is logged as `uncaught`;
 * a log past 3,000 lines throws (a runaway loop).
 */
export async function runInPage(page: Page, code: string): Promise<string[]> {
  await page.goto('about:blank');
  return page.evaluate(
    async ({ code, describeSource }) => {
      const describe = (0, eval)(`(${describeSource})`) as (value: unknown) => string;
      const log: string[] = [];
      (globalThis as unknown as { log: unknown }).log = (...values: unknown[]) => {
        if (log.length > 3000) throw new Error('log too long');
        log.push(values.map(describe).join(' '));
      };
      try {
        (0, eval)(code);
      } catch (error) {
        log.push(`uncaught ${describe(error)}`);
      }
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
      return log;
    },
    { code, describeSource: describeValue.toString() }
  );
}
