// Real packages from the registry, lowered by the CLI and exercised side by side with the originals:
// p-queue (concurrency, priorities, events, errors, idle promises), p-map (concurrency, errors,
// and pMapIterable, an async generator), undici (an HTTP client of 114 CommonJS modules with 95
// async functions, awaits, async generators and for await loops, against a local server), and the
// build tools themselves: Vite (dist/node: 9 ES modules, 2 MB, 416 async functions and 671 awaits),
// building and serving an app through the yieldfrom plugin, Rollup (dist/es: 94 async functions
// and 152 awaits) and webpack (lib: 161 async constructs, in its filesystem cache and real content
// hashes among others) and rspack (dist: 117), bundling it; and Vitest (dist: 62 modules, 1,119 async constructs) with its
// runner (126), running a test file. And the other way round: code lowered by the CLI that hands
// its async functions to the `async` package, which tells them from callback-style functions by
// Symbol.toStringTag (the `--async-function-prototype` option).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { remainingAsync, repoRoot, temporaryDir, writeTree } from './support.js';

const require = createRequire(import.meta.url);
const bin = path.join(repoRoot, 'node_modules', '.bin', 'yieldfrom');
const work = temporaryDir('third-party');

let loweredQueue: string;
let loweredMap: string;

/** The folder of the package's published code, checked to be worth lowering and safe to install. */
function publishedCode(name: string): string {
  const dir = path.dirname(require.resolve(name));
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
  expect(Object.keys(manifest.scripts ?? {}).filter((script) => /install|prepare/.test(script))).toEqual([]);
  const sources = fs.readdirSync(dir).filter((file) => file.endsWith('.js'));
  expect(sources.flatMap((file) => remainingAsync(path.join(dir, file))).length).toBeGreaterThan(5);
  return dir;
}

function lowerPackage(name: string): string {
  const out = path.join(work, name);
  const result = spawnSync(bin, [publishedCode(name), '--out-dir', out, '-q'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  // Both are "type": "module" packages: so is their lowered copy.
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  return out;
}

beforeAll(() => {
  loweredQueue = lowerPackage('p-queue');
  loweredMap = lowerPackage('p-map');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scenario that logs the order of starts, ends, events and results (timers at least 30 ms apart, so the order is the same on a busy machine). */
async function queueScenario(PQueue: typeof import('p-queue').default) {
  const log: string[] = [];
  const queue = new PQueue({ concurrency: 2 });
  queue.on('active', () => log.push(`active size=${queue.size} pending=${queue.pending}`));
  queue.on('completed', (result) => log.push(`completed ${result}`));
  queue.on('error', (error) => log.push(`error ${(error as Error).message}`));
  const task = (name: string, ms: number, fail = false) => async () => {
    log.push(`start ${name}`);
    await sleep(ms);
    if (fail) throw new Error(`${name} failed`);
    log.push(`end ${name}`);
    return name;
  };
  const results = [
    queue.add(task('a', 300)),
    queue.add(task('b', 60)),
    queue.add(task('c', 60), { priority: 1 }),
    queue.add(task('d', 30, true)).catch((error: Error) => `caught ${error.message}`),
    queue.add(task('e', 30), { priority: 5 }),
  ];
  await queue.onIdle();
  log.push(`results ${(await Promise.all(results)).join(',')}`);
  return log;
}

async function mapScenario(pMapModule: typeof import('p-map')) {
  const { default: pMap, pMapIterable } = pMapModule;
  const log: string[] = [];
  const mapped = await pMap([50, 10, 20], async (ms, index) => {
    log.push(`start ${index}`);
    await sleep(ms);
    log.push(`end ${index}`);
    return ms * 2;
  }, { concurrency: 2 });
  log.push(`mapped ${mapped.join(',')}`);
  const failure = await pMap([1, 2, 3], async (n) => {
    if (n === 2) throw new Error('two');
    return n;
  }).catch((error: Error) => `rejected ${error.message}`);
  log.push(String(failure));
  for await (const value of pMapIterable([5, 1, 2], async (n) => {
    await sleep(n * 10);
    return n * 10;
  }, { concurrency: 2 })) log.push(`iterable ${value}`);
  return log;
}

describe('third-party packages lowered by the CLI', () => {
  it('leaves no async syntax in p-queue and p-map', () => {
    for (const dir of [loweredQueue, loweredMap]) {
      const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(remainingAsync(path.join(dir, file))).toEqual([]);
    }
  });

  it('p-map, async generator included, behaves like the original', async () => {
    const expected = await mapScenario(await import('p-map'));
    expect(expected.filter((line) => line.startsWith('iterable')).length).toBe(3);
    const lowered = await import(pathToFileURL(path.join(loweredMap, 'index.js')).href);
    expect(await mapScenario(lowered)).toEqual(expected);
  });

  it('p-queue behaves like the original', async () => {
    const original = (await import('p-queue')).default;
    const lowerQueue = (await import(pathToFileURL(path.join(loweredQueue, 'index.js')).href)).default;
    const expected = await queueScenario(original);
    expect(expected.length).toBeGreaterThan(10);
    expect(await queueScenario(lowerQueue)).toEqual(expected);
  });
});

/** Runs a scenario script (tests/adapters/*-scenario.*) with `args`; returns what it prints, parsed. */
function runScenario<T = Record<string, string>>(script: string, ...args: string[]): T {
  const outcome = spawnSync(process.execPath, [path.join(repoRoot, 'tests/adapters', script), ...args], { encoding: 'utf8', timeout: 60_000 });
  expect(outcome.status, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout) as T;
}

describe('undici lowered by the CLI', () => {
  const run = (packageDir: string) => runScenario<string[]>('undici-scenario.cjs', packageDir);

  it('requests, fetches, streams, pools, aborts and times out as the original does', () => {
    const original = path.dirname(require.resolve('undici/package.json'));
    const lowered = temporaryDir('undici');
    const result = spawnSync(bin, [original, '--out-dir', lowered, '-q'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    fs.copyFileSync(path.join(original, 'package.json'), path.join(lowered, 'package.json'));
    const files = fs.readdirSync(path.join(lowered, 'lib'), { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expect(remainingAsync(path.join(lowered, 'lib', file))).toEqual([]);
    expect(fs.readFileSync(path.join(lowered, 'lib/web/fetch/index.js'), 'utf8')).toContain('@yieldfrom/runtime');

    const expected = run(original);
    expect(expected).toHaveLength(19);
    expect(expected).toContain('fetch aborted threw AbortError: 20');
    expect(expected).toContain('request headers timeout threw HeadersTimeoutError: UND_ERR_HEADERS_TIMEOUT');
    expect(run(lowered)).toEqual(expected);
  }, 60_000);
});

/**
 * A temporary node_modules with the repository's packages, but those in `lowered` (package name ->
 * its folders to lower), which are copies lowered in place by the CLI: returns the temporary folder
 * and the copy of each package, by name.
 */
function lowerInstalledCopies(lowered: Record<string, string[]>): { dir: string; packageDirs: Record<string, string> } {
  const dir = temporaryDir('lowered-packages', { linkNodeModules: false });
  const rootModules = path.join(repoRoot, 'node_modules');
  const modules = path.join(dir, 'node_modules');
  const names = Object.keys(lowered);
  // A scope with a lowered package in it is a folder of links to the others.
  const link = (from: string, to: string, skip: (entry: string) => boolean) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from)) {
      if (entry === '.bin' || skip(entry)) continue;
      if (names.some((name) => name.startsWith(`${entry}/`))) link(path.join(from, entry), path.join(to, entry), (member) => names.includes(`${entry}/${member}`));
      else fs.symlinkSync(path.join(from, entry), path.join(to, entry), 'junction');
    }
  };
  link(rootModules, modules, (entry) => names.includes(entry));
  const packageDirs: Record<string, string> = {};
  const folders: string[] = [];
  for (const [name, subfolders] of Object.entries(lowered)) {
    packageDirs[name] = path.join(modules, name);
    fs.cpSync(path.join(rootModules, name), packageDirs[name], { recursive: true });
    folders.push(...subfolders.map((folder) => path.join(packageDirs[name]!, folder)));
  }
  const result = spawnSync(bin, [...folders, '--write', '-q'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  const files = folders.flatMap((folder) => fs.readdirSync(folder, { recursive: true }).map((f) => path.join(folder, String(f))).filter((f) => /\.m?js$/.test(f)));
  for (const file of files) expect(remainingAsync(file), file).toEqual([]);
  expect(files.filter((file) => fs.readFileSync(file, 'utf8').includes('@yieldfrom/runtime/spawn')).length).toBeGreaterThan(1);
  return { dir, packageDirs };
}

/** One package lowered as `lowerInstalledCopies` does. */
function lowerInstalledCopy(name: string, lowered: string[]): { dir: string; packageDir: string } {
  const { dir, packageDirs } = lowerInstalledCopies({ [name]: lowered });
  return { dir, packageDir: packageDirs[name]! };
}

// A test file for the Vitest run by a test below: async hooks, tests and matchers, fake timers, an
// inline snapshot, an expected failure, a skipped test and a table.
const vitestSample = `import { describe, expect, it, beforeEach, afterAll, vi } from 'vitest';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = [];
describe('async suite', () => {
  beforeEach(async () => { await sleep(1); log.push('before'); });
  afterAll(async () => { await sleep(1); expect(log).toHaveLength(9); });
  it('awaits', async () => { await sleep(5); expect(await Promise.resolve(2)).toBe(2); });
  it('rejects', async () => { await expect(Promise.reject(new Error('no'))).rejects.toThrow('no'); });
  it('resolves', async () => { await expect(sleep(1).then(() => 3)).resolves.toBe(3); });
  it('fake timers', async () => {
    vi.useFakeTimers();
    const later = sleep(1000).then(() => 'done');
    await vi.advanceTimersByTimeAsync(1000);
    expect(await later).toBe('done');
    vi.useRealTimers();
  });
  it('inline snapshot', async () => { expect({ a: await Promise.resolve(1) }).toMatchInlineSnapshot(\`
    {
      "a": 1,
    }
  \`); });
  it.fails('fails as expected', async () => { await sleep(1); expect(1).toBe(2); });
  it.skip('skipped', () => {});
  it.each([1, 2, 3])('each %i', async (n) => { await sleep(n); expect(n).toBeGreaterThan(0); });
});
`;

/** The test app (tests/adapters/app) copied into `dir`, with an index.html for Vite. */
function copyApp(dir: string): string {
  const app = path.join(dir, 'app');
  fs.cpSync(path.join(repoRoot, 'tests/adapters/app/src'), path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/src/main.js"></script>\n');
  return app;
}

describe('build tools lowered by the CLI', () => {
  it('Vite builds and serves an app through the yieldfrom plugin as the original does', () => {
    const { dir, packageDir } = lowerInstalledCopy('vite', ['dist/node']);
    const app = copyApp(dir);
    const expected = runScenario('vite-scenario.mjs', path.join(repoRoot, 'node_modules/vite/dist/node/index.js'), app, 'original');
    expect(Object.keys(expected).filter((key) => key.startsWith('build '))).toHaveLength(3);
    expect(expected['dev /src/main.js']).toMatch(/^200 .* [1-9]\d* generators$/);
    expect(runScenario('vite-scenario.mjs', path.join(packageDir, 'dist/node/index.js'), app, 'lowered')).toEqual(expected);
  }, 60_000);

  it('Rollup bundles an app through the yieldfrom plugin as the original does', () => {
    const { dir, packageDir } = lowerInstalledCopy('rollup', ['dist/es']);
    const app = copyApp(dir);
    const expected = runScenario('rollup-scenario.mjs', path.join(repoRoot, 'node_modules/rollup/dist/es/rollup.js'), app, 'original');
    expect(Object.keys(expected).filter((key) => key.startsWith('es '))).toEqual(['es main.js', 'es main.js.map']);
    expect(runScenario('rollup-scenario.mjs', path.join(packageDir, 'dist/es/rollup.js'), app, 'lowered')).toEqual(expected);
  }, 60_000);

  it('Vitest and its runner lowered run a test file as the originals do', () => {
    const { dir, packageDirs } = lowerInstalledCopies({ vitest: ['dist'], '@vitest/runner': ['dist'] });
    writeTree(dir, { 'package.json': '{ "type": "module" }\n', 'sample.test.js': vitestSample });
    const run = (vitestDir: string) => {
      // Not the variables of the Vitest running this test: the child is a Vitest of its own.
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_OPTIONS|TEST$)/.test(key)));
      const outcome = spawnSync(process.execPath, [path.join(vitestDir, 'vitest.mjs'), 'run', '--root', dir, '--reporter=json'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
      const report = JSON.parse(outcome.stdout) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
      return report.testResults.flatMap((file) => file.assertionResults.map((test) => `${test.status} ${test.fullName}`));
    };
    const expected = run(path.join(repoRoot, 'node_modules/vitest'));
    expect(expected).toHaveLength(10);
    expect(expected.filter((line) => line.startsWith('passed'))).toHaveLength(9);
    expect(run(packageDirs.vitest!)).toEqual(expected);
  }, 60_000);

  it.each([
    ['webpack', 'webpack', ['lib'], 'lib/index.js'],
    ['rspack', '@rspack/core', ['dist'], 'dist/index.js'],
  ])('%s bundles an app through the yieldfrom plugin as the original does, cold and from its filesystem cache', (host, name, lowered, entry) => {
    const { dir, packageDir } = lowerInstalledCopy(name, lowered);
    const app = copyApp(dir);
    const expected = runScenario('webpack-scenario.mjs', host, path.join(repoRoot, 'node_modules', name, entry), app, 'original');
    expect(Object.keys(expected).filter((key) => key.endsWith('.cjs'))).toHaveLength(2);
    expect([expected['cold errors'], expected['cached errors'], expected.cache]).toEqual(['', '', 'written']);
    expect(runScenario('webpack-scenario.mjs', host, path.join(packageDir, entry), app, 'lowered')).toEqual(expected);
  }, 60_000);
});

// A user's module handing every form of async function to the `async` package: declarations at
// module top level and `export`ed, arrows, expressions, object and class methods.
const usesAsyncPackage = `import async from 'async';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function double(x) { await null; return x * 2; }
async function fails(n) { if (n === 2) throw new Error('two'); return n; }
class Jobs { static async next(n) { return n + 1; } }
const tools = { async square(n) { return (await n) * n; } };
export default class { static async twice(n) { return 2 * n; } }
export async function scenario() {
  const log = [];
  const limited = await async.mapLimit([100, 20, 40], 2, async (ms) => {
    log.push('start ' + ms);
    await sleep(ms);
    log.push('end ' + ms);
    return ms;
  });
  log.push('mapLimit ' + limited.join());
  log.push('map ' + (await async.map([1, 2, 3], double)).join());
  log.push('mapSeries ' + (await async.mapSeries([1, 2], Jobs.next)).join() + ' ' + (await async.mapSeries([3], tools.square)).join());
  log.push('series ' + JSON.stringify(await async.series({ a: async () => 1, b: async function () { return 2; } })));
  log.push('waterfall ' + (await async.waterfall([async () => 3, async (n) => n + 1])));
  log.push(await async.mapSeries([1, 2, 3], fails).catch((error) => 'rejected ' + error.message));
  log.push('retry ' + (await async.retry(2, async () => 'done')));
  return log;
}
`;

describe('the async package given lowered async functions', () => {
  const work = temporaryDir('async-package');
  writeTree(work, { 'src/scenario.js': usesAsyncPackage, 'package.json': '{ "type": "module" }\n' });
  const lowerTo = (out: string, ...flags: string[]) => {
    const result = spawnSync(bin, [path.join(work, 'src'), '--out-dir', path.join(work, out), '-q', ...flags], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // Without the option, the CLI warns where the file imports the package.
    if (flags.length) expect(result.stderr).toBe('');
    else expect(result.stderr).toContain(`${path.join(work, 'src', 'scenario.js')}:1:19: warning YF3002`);
    return path.join(work, out, 'scenario.js');
  };

  it('behaves as with native async functions when lowered with --async-function-prototype', async () => {
    const expected = await (await import(pathToFileURL(path.join(work, 'src/scenario.js')).href)).scenario();
    expect(expected).toContain('rejected two');
    expect(expected.length).toBe(13);
    const loweredFile = lowerTo('with-prototype', '--async-function-prototype');
    expect(remainingAsync(loweredFile)).toEqual([]);
    const lowered = await import(pathToFileURL(loweredFile).href);
    expect(Object.prototype.toString.call(lowered.double)).toBe('[object AsyncFunction]');
    expect(await lowered.scenario()).toEqual(expected);
    // An anonymous default-exported class keeps its name, and its methods get the stand-in too (read
    // in plain Node: the test runner's own module transform renames default exports).
    const shape = (file: string) => {
      const script = `import(${JSON.stringify(pathToFileURL(file).href)}).then((m) => console.log(m.default.name, Object.prototype.toString.call(m.default.twice)))`;
      return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
    };
    expect(shape(loweredFile)).toBe(shape(path.join(work, 'src/scenario.js')));
    expect(shape(loweredFile)).toBe('default [object AsyncFunction]');
  });

  it('without the option, takes them for callback-style functions and never calls back', async () => {
    const lowered = await import(pathToFileURL(lowerTo('without-prototype')).href);
    const async = (await import('async')).default;
    let settled = false;
    async.map([1], lowered.double).then(() => (settled = true), () => (settled = true));
    await sleep(100);
    expect(settled).toBe(false);
  });
});
