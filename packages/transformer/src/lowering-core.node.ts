// The lowering for Node, loaded with V8's code cache: the Node bundle (scripts/bundle-node.mjs) puts
// transform() and all it needs (Babel's parser, magic-string, the source-map modules: about 550 kB)
// into dist-node/lowering-core.cjs, and its entries import them from this module instead of from
// transform.js, analyze/async-syntax.js and source-map.js. Every `vite build`, CLI run and cold start
// pays for that code before its first file is lowered: parsed and compiled afresh, about 35 ms, then
// each function compiled on its first call. Node 22 has a module compile cache (which Vite turns on);
// Node 20 has none, so this module keeps one: V8's code cache of the script, made by a process that
// ran it (so it holds the functions that process compiled; when, see below). A process that finds it
// skips the parsing and most of the compiling (a process lowering 100 small files through the
// plugin: about 25 ms sooner; a `vite build`: 60-90 million instructions fewer,
// bench/plugin-overhead.mjs). Where it cannot help or cannot be trusted, the script is required as
// usual (below), with the same result.
//
// The cache is a file per script text (its SHA-256), V8 version and flags, Node version and
// architecture, in a directory of the system's temporary directory that only this user can write: V8
// checks that cached data matches its version and flags, not what the script says, so a cache
// someone else could write is never read, and one from another script text is never found. Files
// no process has read for 30 days (an older version's) are removed by the next process that writes one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as asyncWords from './async-words.js';
import * as diagnostics from './diagnostics.js';
import * as options from './options.js';
import * as runtimeModules from './runtime-modules.js';
import type { transform as Transform } from './transform.js';
import type { findAsyncSyntax as FindAsyncSyntax } from './analyze/async-syntax.js';
import type { chainMaps as ChainMaps, inlineMapComment as InlineMapComment } from './source-map.js';

interface LoweringCore {
  transform: typeof Transform;
  findAsyncSyntax: typeof FindAsyncSyntax;
  inlineMapComment: typeof InlineMapComment;
  chainMaps: typeof ChainMaps;
}

// The modules the core shares with the entries that load it (one YieldfromError class, one set of
// diagnostic codes), handed to it by these ids; the bundle script fails if the core asks for another.
const sharedModules: Record<string, unknown> = {
  'yieldfrom:async-words': asyncWords,
  'yieldfrom:diagnostics': diagnostics,
  'yieldfrom:options': options,
  'yieldfrom:runtime-modules': runtimeModules,
};

const coreFile = fileURLToPath(new URL('./lowering-core.cjs', import.meta.url));

function loadCore(): LoweringCore {
  if (!fs.existsSync(coreFile)) {
    // The package bundled into another file (its own files are read from where it is installed).
    throw new Error(`@yieldfrom/transformer: ${coreFile} is missing. The package reads its files from where it is installed: leave it out of a bundle (mark it external).`);
  }
  const nodeRequire = createRequire(coreFile);
  // What the file exports: a factory of the core, given the modules it shares with the entries.
  const instantiate = (factory: unknown) => (factory as (require: (id: string) => unknown) => LoweringCore)((id) => sharedModules[id] ?? nodeRequire(id));
  /** The file loaded as Node loads it, without a code cache. */
  const requireCore = () => instantiate(nodeRequire(coreFile));
  // With --enable-source-maps, stack traces map through the bundle's source map only for files Node
  // loads itself; with Node 22's compile cache on, Node caches the file itself; in a vm context (a
  // sandbox such as Jest's), vm.Script would run the file with the main context's globals, not the
  // sandbox's, as `require` does.
  const cacheDirectory = process.sourceMapsEnabled || nodeCompileCacheIsOn() || !inMainContext() ? null : compileCacheDirectory();
  if (!cacheDirectory) return requireCore();
  const source = fs.readFileSync(coreFile, 'utf8');
  // Keyed by V8's own compatibility tag too (its version, flags and CPU features): V8 rejects a cache
  // made under other flags, so processes started with different ones (NODE_OPTIONS=--max-old-space-size=…
  // for a build, none for the CLI) would otherwise replace each other's cache every time.
  const v8Tag = v8.cachedDataVersionTag().toString(16).padStart(8, '0');
  const cachePath = path.join(cacheDirectory, `lowering-core-${createHash('sha256').update(source).digest('hex').slice(0, 32)}-${v8Tag}-${process.version}-${process.arch}.bin`);
  const cache = readCache(cachePath);
  // The file's text as a function of `module`, on a line of its own, so positions in stack traces
  // are the file's (lineOffset).
  let script: vm.Script;
  const module = { exports: undefined as unknown };
  try {
    script = new vm.Script(`(function (module) {\n${source}\n})`, { filename: coreFile, lineOffset: -1, cachedData: cache?.data });
    (script.runInThisContext() as (module: { exports: unknown }) => void)(module);
  } catch {
    // A runtime whose `vm` falls short of Node's (the file itself parses: Node's `require` reads it).
    return requireCore();
  }
  const core = instantiate(module.exports);

  // The cache holds the functions compiled when it is made. Made too late, it lacks the biggest: V8
  // drops the bytecode of a function not run in its last 5 major garbage collections, and the code
  // that runs once at load (the whole file's outer function among it) then has to be compiled from
  // the source again, about 15 ms (a cache made at the exit of a 4-minute process did that). So it is
  // made once the first file is lowered, and again at exit by a process that lowered more than twice
  // as many files as its writer (at most a few times, as the count doubles), but never after 4 major
  // collections: a build of 1,000 modules makes one.
  let written = cache && !script.cachedDataRejected ? cache.lowerings : -1;
  let lowerings = 0;
  const majorCollections = countMajorCollections(4);
  const writeIfCovering = () => {
    if (lowerings <= 2 * written || majorCollections() >= 4) return;
    written = lowerings;
    writeAtomically(cachePath, () => Buffer.concat([cacheHeader(lowerings), script.createCachedData()]));
    removeUnusedCaches(cacheDirectory, cachePath);
  };
  process.once('exit', writeIfCovering);
  const lowered = () => {
    if (++lowerings === 1 && written < 0) setImmediate(writeIfCovering).unref();
  };
  return {
    ...core,
    transform: (code, options) => (lowered(), core.transform(code, options)),
    findAsyncSyntax: (code, options) => (lowered(), core.findAsyncSyntax(code, options)),
  };
}

/** Counts the major garbage collections from now on, up to `limit`, as they are reported. */
function countMajorCollections(limit: number): () => number {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) count++;
    if (count >= limit) observer.disconnect();
  });
  try {
    observer.observe({ entryTypes: ['gc'] });
  } catch {
    // A runtime that reports no collections has no V8 code cache to spoil either.
  }
  return () => count;
}

// A cache file: "yfc1", the number of files its writer had lowered (uint32, little-endian), V8's data.
const cacheMagic = 'yfc1';

function cacheHeader(lowerings: number): Buffer {
  const header = Buffer.alloc(8);
  header.write(cacheMagic, 0, 'latin1');
  header.writeUInt32LE(Math.min(lowerings, 0xffffffff), 4);
  return header;
}

function readCache(file: string): { data: Buffer; lowerings: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= 8 || bytes.toString('latin1', 0, 4) !== cacheMagic) return undefined;
  markInUse(file);
  return { data: bytes.subarray(8), lowerings: bytes.readUInt32LE(4) };
}

// Every upgrade of the package, of Node or of its flags makes a new cache file (about 0.5 MB) and
// leaves the old one behind. A file's modification time says when a process last used it: reading it
// touches it (at most once a day), and a process that writes a cache removes the files no process has
// used for 30 days, and temporaries a crashed writer left behind.
const day = 24 * 60 * 60 * 1000;
const unusedFor = 30 * day;

function markInUse(file: string): void {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs > day) fs.utimesSync(file, new Date(now), new Date(now));
  } catch {
    // Only pruning depends on it.
  }
}

function removeUnusedCaches(directory: string, current: string): void {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(directory)) {
      const file = path.join(directory, name);
      if (file === current || !name.startsWith('lowering-core-')) continue;
      const isTemporary = !name.endsWith('.bin');
      if (now - fs.statSync(file).mtimeMs > (isTemporary ? day : unusedFor)) fs.rmSync(file, { force: true });
    }
  } catch {
    // Another process pruning at the same time, or a directory gone: the next writer tries again.
  }
}

function inMainContext(): boolean {
  return vm.runInThisContext('globalThis') === globalThis;
}

/** Whether Node's own module compile cache (Node 22.1 and later) covers what `require` loads. */
function nodeCompileCacheIsOn(): boolean {
  return Boolean((Module as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.());
}

/**
 * The cache directory, made if missing, or null when caching is off (NODE_DISABLE_COMPILE_CACHE, as
 * for Node's own cache) or the directory is not this user's alone.
 */
function compileCacheDirectory(): string | null {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return null;
  const uid = process.getuid?.();
  const directory = path.join(os.tmpdir(), uid === undefined ? 'yieldfrom-compile-cache' : `yieldfrom-compile-cache-${uid}`);
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(directory);
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return null;
    return directory;
  } catch {
    return null;
  }
}

/** Writes a new file and renames it into place, so a process reading at the same time sees the whole old or new file. */
function writeAtomically(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(temporary, data(), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    // A cache is an optimization: a full disk, a read-only directory or a runtime without V8's code
    // cache costs only the next start.
    fs.rmSync(temporary, { force: true });
  }
}

export const { transform, findAsyncSyntax, inlineMapComment, chainMaps } = loadCore();
