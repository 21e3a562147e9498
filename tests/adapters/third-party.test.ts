// Real packages from the registry, lowered by the CLI and exercised side by side with the originals:
// p-queue (concurrency, priorities, events, errors, idle promises) and p-map (concurrency, errors,
// and pMapIterable, an async generator).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { remainingAsync, repoRoot, temporaryDir } from './support.js';

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
