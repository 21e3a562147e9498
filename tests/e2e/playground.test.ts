// The playground in Debian's Chromium (playwright-core, no browser download), against the built app
// served on 127.0.0.1. Every request must stay on the page's origin: the route handler records and
// aborts anything else, and the last test checks the record is empty.
//
// PLAYGROUND_DIST points the tests at another build (a developer's private one); by default they
// use packages/playground/dist, building it first if it is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, hasChromium } from '../support/chromium.js';

const root = path.join(import.meta.dirname, '../..');
const dist = process.env.PLAYGROUND_DIST ?? path.join(root, 'packages/playground/dist');
const outputDir = path.join(root, 'test-results');

if (!hasChromium) console.warn(`Skipping the playground browser tests: no Chromium at ${chromiumPath} (.ci/run installs Debian's chromium).`);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const foreignRequests: string[] = [];
const requested: string[] = [];
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

async function openPage(url: string, { width = 1400, height = 900 } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  const origin = new URL(server.url).origin;
  // Workers' requests go through the context's routes too (pages' routes miss them).
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    requested.push(requestUrl);
    if (requestUrl.startsWith('blob:') || requestUrl.startsWith('data:') || new URL(requestUrl).origin === origin) return route.continue();
    foreignRequests.push(requestUrl);
    return route.abort();
  });
  const fresh = await context.newPage();
  fresh.on('pageerror', (error) => pageErrors.push(error.message));
  await fresh.goto(url);
  await fresh.waitForFunction(() => typeof window.playground?.setSource === 'function');
  return fresh;
}

const countdownLines = ['T-minus 2 (A)', 'T-minus 3 (B)', 'T-minus 1 (A)', 'T-minus 2 (B)', 'T-minus 1 (B)'];

describe.skipIf(!hasChromium)('playground in Chromium', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      execFileSync('npm', ['run', 'build', '-w', '@yieldfrom/playground'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
    }
    const { serve } = await import('../../packages/playground/serve.mjs');
    server = await serve({ port: 0, dist });
    // launch() starts from a fresh, empty profile of its own (the --user-data-dir the probe used).
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await openPage(server.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lowers code set through the API: three awaits become three yields', async () => {
    const output = await page.evaluate(() => window.playground.setSource('async function f(a) {\n  const x = await a;\n  const y = await x;\n  return await y;\n}\n', { filename: 'three.js' }));
    expect(output.match(/\byield\b/g)).toHaveLength(3);
    expect(output).not.toMatch(/\bawait\b|\basync\b/);
    expect(await page.evaluate(() => window.playground.getSuspensions().length)).toBe(3);
    await expect.poll(() => page.locator('#output .view-lines').textContent()).toContain('yield');
  });

  it('re-lowers as the user types', async () => {
    await page.evaluate(() => window.playground.setSource(''));
    await page.click('#source .monaco-editor');
    await page.keyboard.type('const g = async () => await 1;');
    await page.waitForFunction(() => window.playground.getOutput().includes('yield 1'));
    await expect.poll(async () => (await page.locator('#output .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('yield 1');
  });

  it('shows a syntax error as a marker and in the list with its code, and clears both once fixed', async () => {
    await page.evaluate(() => window.playground.setSource('async function broken( {\n'));
    await page.waitForSelector('#source .squiggly-error');
    expect(await page.textContent('#diagnostics')).toContain('YF1001');
    expect(await page.textContent('#diagnostic-count')).toBe('1');
    await page.evaluate(() => window.playground.setSource('async function fixed() {}\n'));
    await page.waitForFunction(() => !document.querySelector('#source .squiggly-error'));
    expect(await page.evaluate(() => window.playground.getDiagnostics())).toEqual([]);
    expect(await page.textContent('#diagnostics')).toBe('');
  });

  it('runs the countdown example: five lines, interleaved, the same as native', async () => {
    await page.evaluate(() => window.playground.loadExample('countdown'));
    await expect.poll(async () => (await page.locator('#twins .band').allTextContents()).map((line) => line.replace(/\u00a0/g, ' ').trim())).toEqual(['yield from asyncio.sleep(1)', 'await asyncio.sleep(1)']);
    const result = await page.evaluate(() => window.playground.run());
    expect(result.console).toEqual(countdownLines);
    expect(result.native).toEqual(countdownLines);
    expect(result.same).toBe(true);
    expect(await page.textContent('#verdict')).toContain('printed the same 5 lines');
    expect(await page.locator('#console li').allTextContents()).toEqual(countdownLines);
  }, 30_000);

  it('draws the countdown on the timeline; clicking a suspension shows its await, its yield and the console line', async () => {
    const trace = await page.evaluate(() => window.playground.getTrace());
    // Two coroutines: created, then suspended on sleep() and resumed once per line, then settled.
    expect(new Set(trace.map((e) => e.id)).size).toBe(2);
    expect(trace.filter((e) => e.type === 'suspend')).toHaveLength(5);
    expect(trace.filter((e) => e.type === 'suspend').every((e) => e.suspension === 0)).toBe(true);
    await page.click('[data-tab=timeline]');
    expect(await page.locator('#timeline .event').count()).toBe(trace.length);
    expect(await page.locator('#timeline .lane-label').allTextContents()).toEqual(['#1 countdown', '#2 countdown']);
    // The third suspension in time is A's second one, right after "T-minus 1 (A)" was printed.
    const third = trace.filter((e) => e.type === 'suspend')[2]!;
    await page.click(`#timeline .event[data-order="${third.order}"]`);
    await page.waitForSelector('#source .suspension-active');
    expect((await page.locator('#source .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toContain('await sleep(1000)');
    expect((await page.locator('#output .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toContain('yield sleep(1000)');
    expect(await page.locator('#timeline-console li.selected').textContent()).toBe('T-minus 1 (A)');
    expect(await page.textContent('#timeline-detail')).toContain('suspended on Promise');
    // The other way: a console line selects the event just before it, B's resumption for line 4.
    await page.click('#timeline-console li >> nth=3');
    expect(await page.textContent('#timeline-detail')).toMatch(/^#2 countdown resumed with undefined/);
    // Arrow keys step through the events in order.
    const selected = await page.locator('#timeline .event.selected').getAttribute('data-order');
    await page.focus('#timeline .event.selected');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#timeline .event.selected').getAttribute('data-order')).toBe(String(Number(selected) + 1));
  });

  it('links each timeline event to its own await when a function has several', async () => {
    await page.evaluate(() => window.playground.setSource('async function twice() {\n  const a = await Promise.resolve(1);\n  const b = await (await Promise.resolve(async () => 2))();\n  console.log(a + b);\n}\ntwice();\n', { filename: 'twice.js' }));
    const result = await page.evaluate(() => window.playground.run());
    expect(result.console).toEqual(['3']);
    const trace = await page.evaluate(() => window.playground.getTrace());
    const suspensions = await page.evaluate(() => window.playground.getSuspensions().map((s) => s.source.line));
    // The nested await suspends first, then the outer one: each event names its own await.
    const linked = trace.filter((e) => e.type === 'suspend' && e.id === 1).map((e) => suspensions[e.suspension]);
    expect(linked).toEqual([2, 3, 3]);
    const order = trace.filter((e) => e.type === 'suspend' && e.id === 1).map((e) => e.suspension);
    expect(new Set(order).size).toBe(3);
  }, 20_000);

  it('runs every example in the menu the same natively and lowered', async () => {
    const ids = await page.evaluate(() => window.playground.listExamples().map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(13);
    for (const id of ids) {
      await page.evaluate((example) => window.playground.loadExample(example), id);
      const result = await page.evaluate(() => window.playground.run());
      expect({ id, same: result.same, error: result.error }).toEqual({ id, same: true, error: undefined });
      expect(result.console.length, id).toBeGreaterThan(0);
    }
  }, 90_000);

  it('shows where the two runs printed differently, and what a difference can mean', async () => {
    // Function.prototype.toString shows the lowered wrapper (docs/semantics.md B6).
    await page.evaluate(() => window.playground.setSource('async function f() { await null; }\nconsole.log("same line");\nconsole.log(String(f).startsWith("async"));\n', { filename: 'to-string.js' }));
    const result = await page.evaluate(() => window.playground.run());
    expect(result.same).toBe(false);
    expect(result.native).toEqual(['same line', 'true']);
    expect(result.console).toEqual(['same line', 'false']);
    expect(await page.textContent('#verdict')).toContain('printed differently');
    expect(await page.locator('#native-diff li.differs').allTextContents()).toEqual(['false', 'true']);
    expect(await page.textContent('#native-diff .diff-hint')).toContain('docs/semantics.md');
    await page.click('[data-tab=console]');
    expect(await page.isVisible('#native-diff .diff-hint')).toBe(true);
  }, 30_000);

  it('maps a runtime error back to its source line', async () => {
    await page.evaluate(() =>
      window.playground.setSource('async function load(id) {\n  await null;\n  if (id < 0) throw new RangeError(`negative id ${id}`);\n}\nload(-1);\n', { filename: 'throws.js' })
    );
    const result = await page.evaluate(() => window.playground.run());
    expect(result.error).toBe('RangeError: negative id -1 (throws.js:3:21)');
    expect(result.same).toBe(true);
    expect(await page.textContent('#console li.uncaught')).toContain('Uncaught (in promise) RangeError: negative id -1throws.js:3:21');
    // TypeScript adds a map (types compiled away) to the chain; the position still lands in the source.
    await page.evaluate(() =>
      window.playground.setSource('interface Id { value: number }\nasync function load(id: Id): Promise<void> {\n  await null;\n  if (id.value < 0) throw new RangeError("negative");\n}\nload({ value: -1 });\n', { filename: 'throws.ts' })
    );
    expect((await page.evaluate(() => window.playground.run())).error).toBe('RangeError: negative (throws.ts:4:27)');
  }, 30_000);

  it('Stop ends an infinite loop', async () => {
    await page.evaluate(() => window.playground.setSource('async function spin() {\n  await null;\n  for (;;) {}\n}\nspin();\n', { filename: 'spin.js' }));
    const running = page.evaluate(() => window.playground.run());
    await page.waitForSelector('#stop:not([disabled])');
    await page.click('#stop');
    const result = await running;
    expect(result.ended).toBe('stopped');
    expect(await page.textContent('#verdict')).toContain('Stopped');
    await page.waitForSelector('#run:not([disabled])');
    // The page is responsive again and the next run works.
    await page.evaluate(() => window.playground.setSource('console.log("after");\n'));
    expect((await page.evaluate(() => window.playground.run())).console).toEqual(['after']);
  }, 30_000);

  it('ends a run that outlives its time budget', async () => {
    await page.evaluate(() => window.playground.setSource('setInterval(() => {}, 50);\nconsole.log("started");\n', { filename: 'forever.js' }));
    const result = await page.evaluate(() => window.playground.run({ budgetMs: 800 }));
    expect(result.ended).toBe('out of time');
    expect(result.console).toEqual(['started']);
    expect(await page.textContent('#verdict')).toContain('time budget');
  }, 20_000);

  it('runs TypeScript: types compiled away for both runs', async () => {
    await page.evaluate(() => window.playground.loadExample('typescript'));
    const result = await page.evaluate(() => window.playground.run());
    expect(result.console).toEqual(['1: Ada, 2: Ada']);
    expect(result.same).toBe(true);
  }, 30_000);

  it('links an await and its yield on hover, and other tokens through the source map', async () => {
    await page.evaluate(() => window.playground.setSource('async function f() {\n  await first();\n  await second();\n  return third();\n}\n', { filename: 'hover.js' }));
    await page.locator('#source .view-line', { hasText: 'await second' }).locator('text=second').hover();
    await page.waitForSelector('#output .suspension-active');
    expect((await page.locator('#output .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toContain('yield second()');
    // Hovering the yield highlights the await.
    await page.locator('#output .view-line', { hasText: 'yield first' }).locator('text=first').hover();
    await expect.poll(async () => (await page.locator('#source .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toContain('await first()');
    // Elsewhere, the source map: `third` in the source lights up `third` in the output.
    await page.locator('#source .view-line', { hasText: 'return third' }).locator('text=third').hover();
    await expect.poll(() => page.locator('#output .mapped-token').textContent()).toBe('third');
  });

  it('jumps to the next and previous suspension point with Alt+] and Alt+[', async () => {
    await page.evaluate(() => window.playground.setSource('async function f() {\n  await a;\n  await b;\n}\n', { filename: 'jump.js' }));
    await page.click('#source .view-line >> nth=0');
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(async () => (await page.locator('#source .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toBe('await a');
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(async () => (await page.locator('#source .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toBe('await b');
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(async () => (await page.locator('#source .suspension-active').allTextContents()).join('').replace(/\u00a0/g, ' ')).toBe('await a');
  });

  it('reopens a share link with the same state', async () => {
    await page.evaluate(() => window.playground.setSource('// shared\nconst shared = async () => await "x";\n', { filename: 'shared.js' }));
    await page.evaluate(() => window.playground.setOptions({ helpers: 'inline', promise: 'global' }));
    await page.click('[data-tab=config]');
    await page.click('#diff');
    const link = await page.evaluate(() => window.playground.shareLink());
    expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
    expect(await page.textContent('#link-length')).toMatch(/^link: [\d,]+ chars$/);
    const other = await openPage(link);
    expect(await other.evaluate(() => window.playground.getSource())).toBe('// shared\nconst shared = async () => await "x";\n');
    expect(await other.evaluate(() => window.playground.getOptions())).toEqual({ helpers: 'inline', promise: 'global', sourceType: 'module', asyncFunctionPrototype: false, filename: 'shared.js' });
    expect(await other.inputValue('#opt-helpers')).toBe('inline');
    expect(await other.getAttribute('[data-tab=config]', 'aria-selected')).toBe('true');
    expect(await other.getAttribute('#diff', 'aria-pressed')).toBe('true');
    await other.waitForFunction(() => window.playground.getOutput().includes('yield "x"'));
    expect(await other.textContent('#config')).toContain("yieldfrom({ helpers: 'inline', promise: 'global' })");
    await other.close();
    await page.click('#diff');
    await page.click('[data-tab=console]');
  }, 30_000);

  it('opens a link made by an earlier version of the share format', async () => {
    // Made with the v1 format on 2026-11-25; links already shared must keep opening.
    const v1 = '#v1.JY9BbsMwDAS_QuhkA4WDFjm5SF_RYy6MRTlqKVKQ5ARGkL-Haq-zs-Dy4Rb15GZ3OAACR_mFhJ7gskO7EoRYaoMblRpVQMMfzIz7WnQTf5ZFxQSUeqcCJ8C6ywLDCKcvwDvGBsePz7P858M4WV2G3lGmiXUdLXRvLkQmwdR33N6nn2pIc7OT1c0PdyXOtsDCmLKWZmkummLt_sp6QTZUdSsLfe-506R-Y3JPM1E6aDGRfUcm-hiCmwNypecL';
    const old = await openPage(`${server.url}${v1}`);
    expect(await old.evaluate(() => window.playground.getSource())).toBe('// a link made by the first version of the playground\nconst answer = async () => await 42;\nanswer().then(console.log);\n');
    expect(await old.evaluate(() => window.playground.getOptions())).toEqual({ helpers: 'import', promise: 'global', sourceType: 'module', asyncFunctionPrototype: false, filename: 'v1.js' });
    expect(await old.getAttribute('[data-tab=timeline]', 'aria-selected')).toBe('true');
    await old.close();
  });

  it('shows the options as build configuration, ready to copy', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.evaluate(() => window.playground.setOptions({ helpers: 'inline', promise: 'intrinsic', sourceType: 'script' }));
    await page.click('[data-tab=config]');
    const config = await page.textContent('#config');
    expect(config).toContain("plugins: [yieldfrom({ helpers: 'inline', sourceType: 'script' })]");
    expect(config).toContain('npx yieldfrom src --out-dir lib --helpers inline --source-type script');
    await page.click('#copy-config');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(config);
    await page.evaluate(() => window.playground.setOptions({ helpers: 'import', sourceType: 'module' }));
    await page.click('[data-tab=console]');
  });

  it('gives async functions the AsyncFunction stand-in when asked, and runs them so', async () => {
    await page.evaluate(() => window.playground.setSource('const f = async () => 1;\nconsole.log(Object.prototype.toString.call(f));\n', { filename: 'tag.js' }));
    await page.selectOption('#opt-asyncFunctionPrototype', 'true');
    await page.waitForFunction(() => window.playground.getOutput().includes('_asyncFunction('));
    expect(await page.evaluate(() => window.playground.getOptions().asyncFunctionPrototype)).toBe(true);
    const run = await page.evaluate(() => window.playground.run());
    expect(run.console).toEqual(['[object AsyncFunction]']);
    expect(run.native).toEqual(run.console);
    expect(run.same).toBe(true);
    await page.click('[data-tab=config]');
    const config = await page.textContent('#config');
    expect(config).toContain('plugins: [yieldfrom({ asyncFunctionPrototype: true })]');
    expect(config).toContain('npx yieldfrom src --out-dir lib --async-function-prototype');
    await page.selectOption('#opt-asyncFunctionPrototype', 'false');
    await page.waitForFunction(() => !window.playground.getOutput().includes('_asyncFunction('));
    await page.click('[data-tab=console]');
  });

  it('keeps work: the address bar follows every edit, and a fresh visit restores the autosave', async () => {
    await page.evaluate(() => window.playground.setSource('// kept\nawait0();\n', { filename: 'kept.js' }));
    await page.waitForFunction(() => location.hash.startsWith('#v1.') && window.playground.getSource().startsWith('// kept'));
    await expect.poll(() => page.evaluate(() => localStorage.getItem('yieldfrom-playground') ?? '')).toContain('// kept');
    await page.reload();
    await page.waitForFunction(() => typeof window.playground?.getSource === 'function');
    expect(await page.evaluate(() => window.playground.getSource())).toBe('// kept\nawait0();\n');
    // Without a hash, the same browser profile reopens the autosaved work.
    const sameProfile = await page.context().newPage();
    await sameProfile.goto(server.url);
    await sameProfile.waitForFunction(() => typeof window.playground?.getSource === 'function');
    await expect.poll(() => sameProfile.evaluate(() => window.playground.getSource())).toBe('// kept\nawait0();\n');
    await sameProfile.close();
  });

  it('lists the keyboard shortcuts on ?', async () => {
    await page.click('header h1');
    await page.keyboard.press('?');
    await page.waitForSelector('#shortcuts[open]');
    const text = await page.textContent('#shortcuts');
    for (const action of ['Run', 'Stop a run', 'Copy the share link']) expect(text).toContain(action);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#shortcuts:not([open])', { state: 'attached' });
  });

  it('loads TypeScript and Babel for Compare only when the pane opens', async () => {
    // The engines are the chunks over a megabyte that the page does not load up front: TypeScript's
    // compiler and Babel.
    const assets = path.join(dist, 'assets');
    const entry = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const engines = fs.readdirSync(assets).filter((name) => name.endsWith('.js') && !entry.includes(name) && fs.statSync(path.join(assets, name)).size > 1_000_000);
    expect(engines.length).toBeGreaterThanOrEqual(2);
    const start = requested.length;
    const compareChunks = () => requested.slice(start).filter((url) => engines.some((name) => url.endsWith(`/assets/${name}`)));
    const fresh = await openPage(server.url);
    await fresh.evaluate(() => window.playground.setSource('async function f() { await g(); }\n', { filename: 'compare.js' }));
    expect(compareChunks()).toEqual([]);
    await fresh.click('[data-tab=compare]');
    await fresh.waitForFunction(() => document.querySelector('#compare-ts')?.textContent?.includes('__awaiter'), undefined, { timeout: 60_000 });
    await fresh.waitForFunction(() => document.querySelector('#compare-babel')?.textContent?.includes('asyncToGenerator'));
    expect((await fresh.textContent('#compare-yieldfrom'))?.replace(/\u00a0/g, ' ')).toContain('yield g()');
    expect(compareChunks().length).toBe(engines.length);
    await fresh.close();
  }, 90_000);

  it('lays out one column with tabs on a narrow screen, and follows the dark theme', async () => {
    const narrow = await openPage(server.url, { width: 420, height: 800 });
    expect(await narrow.isVisible('#narrow-tabs')).toBe(true);
    expect(await narrow.isVisible('#source-pane')).toBe(true);
    expect(await narrow.isVisible('#output-pane')).toBe(false);
    await narrow.click('#narrow-tabs [data-show=output]');
    expect(await narrow.isVisible('#output-pane')).toBe(true);
    expect(await narrow.isVisible('#source-pane')).toBe(false);
    await narrow.selectOption('#theme', 'dark');
    expect(await narrow.getAttribute('html', 'data-theme')).toBe('dark');
    fs.mkdirSync(outputDir, { recursive: true });
    await narrow.screenshot({ path: path.join(outputDir, 'playground-narrow-dark.png') });
    await narrow.close();
  });

  it('keeps a program inside the sandbox: fetch to another origin is refused', async () => {
    await page.evaluate(() => window.playground.setSource('async function probe() {\n  try {\n    await fetch("https://example.com/");\n    console.log("reached");\n  } catch (error) {\n    console.log("refused");\n  }\n}\nprobe();\n', { filename: 'probe.js' }));
    const result = await page.evaluate(() => window.playground.run());
    expect(result.console).toEqual(['refused']);
  }, 20_000);

  it('writes a screenshot of the main view', async () => {
    await page.evaluate(() => window.playground.setOptions({ helpers: 'import', promise: 'intrinsic' }));
    await page.evaluate(() => window.playground.loadExample('countdown'));
    await page.evaluate(() => window.playground.run());
    await page.click('[data-tab=timeline]');
    const trace = await page.evaluate(() => window.playground.getTrace());
    await page.click(`#timeline .event[data-order="${trace.find((e) => e.type === 'suspend')!.order}"]`);
    // Every control of the output pane's bar is on screen (the bar wraps when its options do not fit).
    const width = page.viewportSize()!.width;
    for (const control of ['#opt-helpers', '#opt-promise', '#opt-asyncFunctionPrototype', '#opt-sourceType', '#diff']) {
      const box = (await page.locator(control).boundingBox())!;
      expect(box.x + box.width, control).toBeLessThanOrEqual(width);
    }
    fs.mkdirSync(outputDir, { recursive: true });
    const file = path.join(outputDir, 'playground.png');
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }, 30_000);

  it('sent no request outside its origin, and the page threw nothing', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
