// The playground in Debian's Chromium (playwright-core, no browser download), against the built app
// on a local server. Every request must stay on the page's origin.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = path.join(import.meta.dirname, '../../packages/playground/dist/index.html');
const hasChromium = fs.existsSync(chromiumPath);
const outputDir = path.join(import.meta.dirname, '../../test-results');

let browser: Browser;
let server: { url: string; close: () => void };
let page: Page;
const foreignRequests: string[] = [];

async function openPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const fresh = await context.newPage();
  const origin = new URL(server.url).origin;
  await fresh.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith('blob:') || requestUrl.startsWith('data:') || new URL(requestUrl).origin === origin) return route.continue();
    foreignRequests.push(requestUrl);
    return route.abort();
  });
  await fresh.goto(url);
  await fresh.waitForFunction(() => typeof window.playground?.setSource === 'function');
  return fresh;
}

describe.skipIf(!hasChromium)('playground in Chromium', () => {
  beforeAll(async () => {
    if (!fs.existsSync(dist)) throw new Error('packages/playground/dist is missing: run npm run build first');
    const { serve } = await import('../../packages/playground/serve.mjs');
    server = await serve({ port: 0 });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await openPage(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('lowers code set through the API: three awaits become three yields', async () => {
    const output = await page.evaluate(() => window.playground.setSource('async function f(a) {\n  const x = await a;\n  const y = await x;\n  return await y;\n}\n'));
    expect(output.match(/\byield\b/g)).toHaveLength(3);
    expect(output).not.toMatch(/\bawait\b|\basync\b/);
    expect(await page.evaluate(() => window.playground.getSuspensions().length)).toBe(3);
  });

  it('re-lowers as the user types', async () => {
    await page.evaluate(() => window.playground.setSource(''));
    await page.click('#source .monaco-editor');
    await page.keyboard.type('const g = async () => await 1;');
    await page.waitForFunction(() => window.playground.getOutput().includes('yield 1'));
    expect(await page.evaluate(() => window.playground.getOutput())).toContain('yield 1');
  });

  it('shows a syntax error as a marker and in the list, and clears it once fixed', async () => {
    await page.evaluate(() => window.playground.setSource('async function broken( {'));
    await page.waitForSelector('#source .squiggly-error');
    expect(await page.textContent('#diagnostics')).toContain('YF1001');
    await page.evaluate(() => window.playground.setSource('async function fixed() {}'));
    await page.waitForFunction(() => !document.querySelector('#source .squiggly-error'));
    expect(await page.evaluate(() => window.playground.getDiagnostics().length)).toBe(0);
  });

  it('runs the countdown example: five lines, interleaved, the same as native', async () => {
    await page.evaluate(() => window.playground.loadExample('countdown'));
    const result = await page.evaluate(() => window.playground.run());
    expect(result.console).toEqual(['T-minus 2 (A)', 'T-minus 3 (B)', 'T-minus 1 (A)', 'T-minus 2 (B)', 'T-minus 1 (B)']);
    expect(await page.textContent('#verdict')).toContain('printed the same');
    const trace = await page.evaluate(() => window.playground.getTrace());
    expect(new Set(trace.map((e) => e.id)).size).toBeGreaterThanOrEqual(2);
    expect(trace.some((e) => e.type === 'suspend')).toBe(true);
    await page.click('[data-tab=timeline]');
    expect(await page.locator('#timeline circle').count()).toBe(trace.length);
  }, 20_000);

  it('Stop ends an infinite loop', async () => {
    await page.evaluate(() => window.playground.setSource('async function spin() { await null; for (;;) {} }\nspin();\n'));
    const running = page.evaluate(() => window.playground.run());
    await page.waitForSelector('#stop:not([disabled])');
    await page.waitForTimeout(300);
    await page.click('#stop');
    await running;
    expect(await page.textContent('#verdict')).toContain('Stopped');
    expect(await page.getAttribute('#run', 'disabled')).toBeNull();
  }, 20_000);

  it('links an await and its yield when the cursor is on either', async () => {
    await page.evaluate(() => window.playground.setSource('async function f() {\n  await first();\n  await second();\n}\n'));
    await page.locator('#source .view-line', { hasText: 'await second' }).hover();
    await page.locator('#source .view-line', { hasText: 'await second' }).locator('text=second').hover();
    await page.waitForSelector('#output .suspension-active');
    const highlighted = await page.locator('#output .suspension-active').allTextContents();
    expect(highlighted.join('').replace(/\u00a0/g, ' ')).toContain('yield second()');
  });

  it('reopens a share link with the same state', async () => {
    await page.evaluate(() => window.playground.setSource('// shared\nconst shared = async () => await "x";\n', { filename: 'shared.js' }));
    await page.evaluate(() => window.playground.setOptions({ helpers: 'inline', promise: 'global' }));
    const link = await page.evaluate(() => window.playground.shareLink());
    expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
    const other = await openPage(link);
    expect(await other.evaluate(() => window.playground.getSource())).toBe('// shared\nconst shared = async () => await "x";\n');
    expect(await other.inputValue('#opt-helpers')).toBe('inline');
    expect(await other.inputValue('#opt-promise')).toBe('global');
    expect(await other.inputValue('#filename')).toBe('shared.js');
    await other.close();
  });

  it('writes a screenshot of the main view', async () => {
    await page.evaluate(() => window.playground.loadExample('countdown'));
    await page.evaluate(() => window.playground.selectSuspension(0));
    fs.mkdirSync(outputDir, { recursive: true });
    const file = path.join(outputDir, 'playground.png');
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it('sent no request outside its origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});
