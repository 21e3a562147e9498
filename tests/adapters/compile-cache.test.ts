// The Node bundle's code cache for the lowering (packages/transformer/src/lowering-core.node.ts), in
// fresh processes with a temporary directory of their own: the first run writes the cache when it
// exits, the next ones read it without writing, a damaged cache is rejected and replaced, and where
// the cache is switched off or cannot be trusted nothing is read or written. Every run must lower
// exactly as the package does in this process.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transform } from '@yieldfrom/transformer';
import { repoRoot, temporaryDir } from './support.js';

const source = 'export async function load(url) { const response = await fetch(url); return response.ok; }\n';
const expected = transform(source, { filename: 'load.js' }).code;
const posix = typeof process.getuid === 'function';
const cacheDirName = posix ? `yieldfrom-compile-cache-${process.getuid!()}` : 'yieldfrom-compile-cache';

/** Lowers `source` in a fresh Node process whose temporary directory is `tmp`; returns its output. */
function lowerInFreshProcess(tmp: string, { env = {}, nodeArgs = [] as string[], files = 1 } = {}): string {
  // The file lowered `files` times (the cache is rewritten by a process that lowered many more than its writer).
  return runInFreshProcess(tmp, `let code;\nfor (let i = 0; i < ${files}; i++) code = transform(${JSON.stringify(source)}, { filename: 'load.js' }).code;\nprocess.stdout.write(code);`, { env, nodeArgs });
}

/** Runs `body` (a module with `transform` imported) in a fresh Node process whose temporary directory is `tmp`. */
function runInFreshProcess(tmp: string, body: string, { env = {}, nodeArgs = [] as string[] } = {}): string {
  const script = `import { transform } from '@yieldfrom/transformer';\n${body}\n`;
  const result = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', NODE_DISABLE_COMPILE_CACHE: '', TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** A file's identity and last change: a rewrite (a new file renamed into place) changes it. */
const version = (file: string) => {
  const { ino, mtimeNs } = fs.statSync(file, { bigint: true });
  return `${ino}@${mtimeNs}`;
};

/** Overwrites a cache file with its header kept and V8's data spoilt (only V8 itself can reject it); returns the bytes. */
function spoil(file: string): Buffer {
  const original = fs.readFileSync(file);
  const spoilt = Buffer.concat([original.subarray(0, 8), Buffer.alloc(original.length - 8, 0x5a)]);
  fs.writeFileSync(file, spoilt);
  return spoilt;
}

function cacheFiles(tmp: string): string[] {
  const dir = path.join(tmp, cacheDirName);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
}

describe('the lowering loaded with a code cache (Node bundle)', () => {
  it('writes the cache in the first process that lowers a file, and later processes read it without writing it again', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    const [file, ...others] = cacheFiles(tmp);
    expect(others).toEqual([]);
    expect(path.basename(file!)).toMatch(new RegExp(`^lowering-core-[0-9a-f]{32}-[0-9a-f]{8}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.bin$`));
    const written = fs.statSync(file!);
    expect(written.size).toBeGreaterThan(100_000);
    if (posix) {
      expect(fs.statSync(path.dirname(file!)).mode & 0o777).toBe(0o700);
      expect(written.mode & 0o777).toBe(0o600);
    }
    // Accepted: nothing is written at exit.
    const first = version(file!);
    for (let run = 0; run < 2; run++) {
      expect(lowerInFreshProcess(tmp)).toBe(expected);
      expect(version(file!)).toBe(first);
    }
    expect(cacheFiles(tmp)).toEqual([file]);
  });

  it('is written again by a process that lowered more than twice as many files as its writer, so it covers more of the lowering', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    lowerInFreshProcess(tmp, { files: 1 });
    const [file] = cacheFiles(tmp);
    const small = fs.readFileSync(file!);
    expect(small.readUInt32LE(4)).toBe(1);
    const first = version(file!);
    expect(lowerInFreshProcess(tmp, { files: 2 })).toBe(expected);
    expect(version(file!)).toBe(first);
    expect(lowerInFreshProcess(tmp, { files: 3 })).toBe(expected);
    expect(version(file!)).not.toBe(first);
    expect(fs.readFileSync(file!).readUInt32LE(4)).toBe(3);
    const second = version(file!);
    expect(lowerInFreshProcess(tmp, { files: 6 })).toBe(expected);
    expect(version(file!)).toBe(second);
  });

  it('is made once the first file is lowered, and not made again after 4 major garbage collections (V8 may have dropped code run at load by then)', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    const lowerings = (collect: boolean) =>
      runInFreshProcess(
        tmp,
        [
          `const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`,
          `transform(${JSON.stringify(source)}, { filename: 'load.js' });`,
          'await wait(20);',
          `for (let i = 0; i < 10; i++) transform(${JSON.stringify(source)}, { filename: 'load.js' });`,
          collect ? 'for (let i = 0; i < 5; i++) globalThis.gc();' : '',
          'await wait(50);',
        ].join('\n'),
        // The same flags in every run: V8 rejects a cache made under others.
        { nodeArgs: ['--expose-gc'] }
      );
    const count = () => fs.readFileSync(cacheFiles(tmp)[0]!).readUInt32LE(4);
    lowerings(true);
    expect(count()).toBe(1);
    fs.rmSync(path.join(tmp, cacheDirName), { recursive: true });
    lowerings(false);
    expect(count()).toBe(11);
  });

  it('keeps one cache per set of Node flags, so processes started with different ones do not replace each other\'s', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    lowerInFreshProcess(tmp);
    lowerInFreshProcess(tmp, { nodeArgs: ['--max-semi-space-size=32'] });
    const files = cacheFiles(tmp).sort();
    expect(files).toHaveLength(2);
    const versions = files.map(version);
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    expect(lowerInFreshProcess(tmp, { nodeArgs: ['--max-semi-space-size=32'] })).toBe(expected);
    expect(files.map(version)).toEqual(versions);
  });

  it('rejects a damaged cache, lowers the same, and replaces it with one the next process accepts', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    lowerInFreshProcess(tmp);
    const [file] = cacheFiles(tmp);
    const damaged = spoil(file!);
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    const replaced = fs.readFileSync(file!);
    expect(replaced.equals(damaged)).toBe(false);
    const remade = version(file!);
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    expect(version(file!)).toBe(remade);
  });

  it('removes the caches no process has read for 30 days, and stale temporaries, when it writes one; reading a cache keeps it', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    lowerInFreshProcess(tmp);
    const [current] = cacheFiles(tmp);
    const dir = path.dirname(current!);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const plant = (name: string, days: number) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'old');
      fs.utimesSync(file, daysAgo(days), daysAgo(days));
      return file;
    };
    // The current cache, last read 40 days ago: a process that reads it marks it as in use.
    fs.utimesSync(current!, daysAgo(40), daysAgo(40));
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    expect(Date.now() - fs.statSync(current!).mtimeMs).toBeLessThan(60 * 60 * 1000);
    const unused = plant('lowering-core-00000000000000000000000000000000-00000000-v18.0.0-x64.bin', 31);
    const recent = plant('lowering-core-11111111111111111111111111111111-00000000-v18.0.0-x64.bin', 29);
    const leftTemporary = plant(`${path.basename(current!)}.12345-abc`, 2);
    const newTemporary = plant(`${path.basename(current!)}.12346-abd`, 0);
    const other = plant('notes.txt', 100);
    // Nothing is removed by a process that only reads; the next writer (here a new set of flags) prunes.
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    expect(cacheFiles(tmp)).toContain(unused);
    expect(lowerInFreshProcess(tmp, { nodeArgs: ['--max-semi-space-size=32'] })).toBe(expected);
    const left = cacheFiles(tmp);
    expect(left).not.toContain(unused);
    expect(left).not.toContain(leftTemporary);
    expect(left).toEqual(expect.arrayContaining([current, recent, newTemporary, other]));
    expect(left).toHaveLength(5);
  });

  it('reads and writes nothing with NODE_DISABLE_COMPILE_CACHE or --enable-source-maps (whose stack traces need the file loaded by Node)', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    expect(lowerInFreshProcess(tmp, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } })).toBe(expected);
    expect(lowerInFreshProcess(tmp, { nodeArgs: ['--enable-source-maps'] })).toBe(expected);
    expect(cacheFiles(tmp)).toEqual([]);
  });

  it('says what is wrong when the package was bundled into another file, away from its own files', async () => {
    const dir = temporaryDir('compile-cache-bundled');
    fs.writeFileSync(path.join(dir, 'in.mjs'), `import { transform } from '@yieldfrom/transformer';\ntransform('async function f() { await 1 }', { filename: 'a.js' });\n`);
    await esbuild.build({ entryPoints: [path.join(dir, 'in.mjs')], outfile: path.join(dir, 'out.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'bundle', external: ['@babel/types', 'unplugin', '@rollup/pluginutils'], logLevel: 'silent' });
    const result = spawnSync(process.execPath, [path.join(dir, 'out.mjs')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`@yieldfrom/transformer: ${path.join(dir, 'lowering-core.cjs')} is missing. The package reads its files from where it is installed: leave it out of a bundle (mark it external).`);
  });

  it.runIf(posix)('never reads or writes a cache directory that others can write to', () => {
    const tmp = temporaryDir('compile-cache', { linkNodeModules: false });
    lowerInFreshProcess(tmp);
    const [file] = cacheFiles(tmp);
    const planted = spoil(file!);
    fs.chmodSync(path.dirname(file!), 0o777);
    expect(lowerInFreshProcess(tmp)).toBe(expected);
    expect(fs.readFileSync(file!).equals(planted)).toBe(true);
  });
});
