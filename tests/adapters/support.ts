// Shared by the adapter tests: projects and build outputs live in temporary folders outside the
// repository (with a node_modules link, so bundles that import @yieldfrom/runtime resolve it like a
// user's project would), and each bundle is run with Node and compared with the native app.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { afterAll } from 'vitest';
import { findAsyncSyntax } from '@yieldfrom/transformer';

export const repoRoot = path.join(import.meta.dirname, '..', '..');
export const appDir = path.join(import.meta.dirname, 'app');
export const appEntry = path.join(appDir, 'src', 'main.js');
const appSources = fs.readdirSync(path.join(appDir, 'src')).filter((name) => name.endsWith('.js'));

const made: string[] = [];
// Registered while the importing test file is collected: its folders go when its tests are done.
afterAll(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * A fresh folder under the system's temporary directory, removed after the test file's tests. With
 * `linkNodeModules` (the default) it sees the repository's packages through a node_modules link.
 */
export function temporaryDir(prefix: string, { linkNodeModules = true } = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `yieldfrom-${prefix}-`)));
  made.push(dir);
  if (linkNodeModules) fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

/** Writes `files` (relative path -> text) under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

export function runNode(file: string): string {
  return execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 }).trim();
}

let nativeOutput: string | undefined;
/** What the unlowered app prints. */
export function nativeAppOutput(): string {
  return (nativeOutput ??= runNode(appEntry));
}

/** Async syntax left in a built file (`[]` when fully lowered). */
export function remainingAsync(file: string): string[] {
  return findAsyncSyntax(fs.readFileSync(file, 'utf8'), { filename: file, sourceType: 'unambiguous' }).map((s) => `${s.what} at ${s.line}:${s.column}`);
}

/**
 * Follows a source map from every `yield` the lowering wrote back to the original files, and counts
 * how many land exactly on an `await` there. `sources` are the original files to look for.
 */
export function yieldsMappedToAwaits(file: string, { mapFile = `${file}.map`, sourceDir = path.join(appDir, 'src'), sources = appSources } = {}): { yields: number; onAwait: number } {
  const code = fs.readFileSync(file, 'utf8');
  const map = new TraceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
  let yields = 0;
  let onAwait = 0;
  code.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\byield\b(?!\*)/g)) {
      const original = originalPositionFor(map, { line: index + 1, column: match.index! });
      const name = original.source?.split(/[\\/]/).pop();
      if (!name || !sources.includes(name)) continue;
      yields++;
      const sourceLine = fs.readFileSync(path.join(sourceDir, name), 'utf8').split('\n')[original.line! - 1] ?? '';
      if (sourceLine.slice(original.column!).startsWith('await')) onAwait++;
    }
  });
  return { yields, onAwait };
}

/** Number of `await`s in the given source files. */
export function awaitCount(sourceDir = path.join(appDir, 'src'), sources = appSources): number {
  return sources.reduce((sum, name) => sum + (fs.readFileSync(path.join(sourceDir, name), 'utf8').match(/\bawait\b/g)?.length ?? 0), 0);
}
