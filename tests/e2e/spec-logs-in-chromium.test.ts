// The fixtures whose expected log states the specification where Node 20 cannot (an `expected.json`:
// `await using`, ecma262 changes newer than V8 11.3) run here in Debian's Chromium, whose V8 has them
// natively: each runs natively and lowered, in a fresh page, and both logs must be the stated one.
// So the stated logs are checked against an engine, not only against our reading of the spec.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { describe as describeValue, lower } from '../support/exec.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
const fixtures = path.join(import.meta.dirname, '../fixtures');

/** Fixture folders with an exec.js and an expected.json, except those whose options ask for non-native behaviour. */
function specLogCases(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(dir, entry.name));
    const options = path.join(dir, 'options.json');
    const deliberate = fs.existsSync(options) && 'promise' in JSON.parse(fs.readFileSync(options, 'utf8'));
    if (fs.existsSync(path.join(dir, 'expected.json')) && fs.existsSync(path.join(dir, 'exec.js')) && !deliberate) found.push(dir);
  };
  walk(fixtures);
  return found;
}

describe.skipIf(!hasChromium)('spec-stated logs in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Runs `code` as a classic script in a fresh page with `log`, and returns the log once it is quiet. */
  async function runInPage(code: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      return await page.evaluate(
        async ({ code, describeSource }) => {
          const describe = (0, eval)(`(${describeSource})`) as (value: unknown) => string;
          const log: string[] = [];
          (globalThis as unknown as { log: unknown }).log = (...values: unknown[]) => log.push(values.map(describe).join(' '));
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
    } finally {
      await page.close();
    }
  }

  const cases = specLogCases();
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  for (const dir of cases) {
    it(path.relative(fixtures, dir), async () => {
      const source = fs.readFileSync(path.join(dir, 'exec.js'), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as string[];
      expect(await runInPage(source)).toEqual(expected);
      expect(await runInPage(lower(source))).toEqual(expected);
    });
  }
});
