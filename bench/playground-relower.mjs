// The playground's two budgets, measured (never asserted by a test):
//   1. re-lowering a 1,000-line file: the transform() its worker runs (source map and suspensions, as
//      the page asks for them), median and min–max after warm-up; and, when Chromium and a built
//      playground are here, the same file through the real transform worker in headless Chromium
//      (post, lower, structured-clone the answer back);
//   2. the JavaScript the page loads before it is ready (entry, preloads and the workers it starts),
//      gzipped, against 1.5 MB; the comparison engines must not be part of it.
//   node bench/playground-relower.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { transform } from '@yieldfrom/transformer';
import { median, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'packages', 'playground', 'dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whole async functions (loops, try/finally, arrows), just over 1,000 lines. */
export function thousandLines() {
  const chunks = [];
  for (let i = 0; chunks.join('\n').split('\n').length < 1000; i++) {
    chunks.push(`export async function load${i}(id, retries = 3) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await fetch(\`/api/\${id}?attempt=\${attempt}\`);
      if (!response.ok) continue;
      const body = await response.json();
      return { id, body, attempt };
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  throw new Error(\`gave up on \${id}\`);
}
export const helper${i} = async (x) => (await load${i}(x)).body;`);
  }
  return chunks.join('\n');
}

function inNode(code, rounds) {
  const once = () => {
    const started = performance.now();
    const result = transform(code, { filename: 'big.js', sourceMaps: true });
    void result.suspensions.length;
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) once();
  return Array.from({ length: rounds * 4 }, once);
}

/** The page, served locally, in headless Chromium; null when either is missing. */
async function withPage(use) {
  if (!fs.existsSync(chromiumPath) || !fs.existsSync(path.join(dist, 'index.html'))) return null;
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../packages/playground/serve.mjs');
  const server = await serve({ port: 0 });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const scripts = new Set();
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.playground?.setSource === 'function' && window.playground.getOutput().length > 0);
    await page.waitForTimeout(1500); // the workers the page starts have loaded by now
    return await use(page, [...scripts]);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function inBrowserWorker(page, code, rounds) {
  const worker = fs.readdirSync(path.join(dist, 'assets')).find((name) => /^transform\.worker-.*\.js$/.test(name));
  return page.evaluate(
    async ({ url, code, count }) => {
      const worker = new Worker(url, { type: 'module' });
      let id = 0;
      const lower = () =>
        new Promise((resolve) => {
          const started = performance.now();
          worker.onmessage = () => resolve(performance.now() - started);
          worker.postMessage({ id: ++id, kind: 'lower', code, filename: 'big.js', options: { helpers: 'import', promise: 'intrinsic', sourceType: 'module' } });
        });
      for (let i = 0; i < 5; i++) await lower();
      const times = [];
      for (let i = 0; i < count; i++) times.push(await lower());
      worker.terminate();
      return times;
    },
    { url: `assets/${worker}`, code, count: rounds * 4 }
  );
}

function gzipped(pathname) {
  return zlib.gzipSync(fs.readFileSync(path.join(dist, pathname))).length;
}

export async function run({ rounds = 5 } = {}) {
  const code = thousandLines();
  const node = inNode(code, rounds);
  const browser = await withPage(async (page, scripts) => ({ worker: await inBrowserWorker(page, code, rounds), scripts }));
  const kb = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
  const rows = [`| transform() in Node | ${summary(node, 1)} | under 100 ms: ${median(node) < 100 ? 'met' : 'not met'} |`];
  if (browser) rows.push(`| the playground's transform worker, headless Chromium (round trip) | ${summary(browser.worker, 1)} | under 100 ms: ${median(browser.worker) < 100 ? 'met' : 'not met'} |`);
  let size = '\n\nThe initial JavaScript was not measured: it needs Chromium and a built playground (`npm run build`).';
  if (browser) {
    const files = browser.scripts.map((pathname) => ({ name: path.basename(pathname), bytes: gzipped(pathname) })).sort((a, b) => b.bytes - a.bytes);
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    size = `\n\nInitial JavaScript (loaded before the page is ready, workers included), gzipped: **${kb(total)}** against a budget of 1,500 kB (${total <= 1_500_000 ? 'met' : 'not met'}): ${files.map((file) => `${file.name.replace(/-[\w-]{8}\.js$/, '.js')} ${kb(file.bytes)}`).join(', ')}. TypeScript and Babel (the Compare pane, TypeScript and JSX runs) load later.`;
  }
  return {
    median: median(node),
    markdown: `### Playground re-lowering (a ${code.split('\n').length}-line file, ${(code.length / 1000).toFixed(0)} kB, with map and suspensions)\n\n| where | ms: median (min–max) | target |\n| --- | ---: | --- |\n${rows.join('\n')}${size}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await run()).markdown);
