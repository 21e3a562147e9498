// A real package from the registry, lowered by the CLI and exercised side by side with the original:
// p-queue (concurrency, priorities, events, errors, idle promises).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remainingAsync, temporaryDir } from './support.js';

const require = createRequire(import.meta.url);
const cli = path.join(import.meta.dirname, '../../packages/transformer/dist/cli.js');
const work = temporaryDir('third-party');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let loweredQueue: string;

function lowerPackage(name: string, from: string): string {
  const out = path.join(work, name);
  const result = spawnSync(process.execPath, [cli, from, '--out-dir', out, '-q'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

beforeAll(() => {
  loweredQueue = lowerPackage('p-queue', path.dirname(require.resolve('p-queue')));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scenario that logs the order of starts, ends, events and results. */
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
    queue.add(task('a', 20)),
    queue.add(task('b', 5)),
    queue.add(task('c', 5), { priority: 1 }),
    queue.add(task('d', 1, true)).catch((error: Error) => `caught ${error.message}`),
    queue.add(task('e', 1), { priority: 5 }),
  ];
  await queue.onIdle();
  log.push(`results ${(await Promise.all(results)).join(',')}`);
  return log;
}

describe('third-party package lowered by the CLI', () => {
  it('leaves no async syntax in p-queue', () => {
    const files = fs.readdirSync(loweredQueue, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(remainingAsync(path.join(loweredQueue, file))).toEqual([]);
  });

  it('p-queue behaves like the original', async () => {
    const original = (await import('p-queue')).default;
    const lowerQueue = (await import(pathToFileURL(path.join(loweredQueue, 'index.js')).href)).default;
    const expected = await queueScenario(original);
    expect(expected.length).toBeGreaterThan(10);
    expect(await queueScenario(lowerQueue)).toEqual(expected);
  });

});
