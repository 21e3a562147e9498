// Shared by the adapter tests: build outputs go to a temporary folder inside the repository (so
// bundles that import @yieldfrom/runtime resolve it like a user's project would), and each bundle is
// run with Node and compared with the native app.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { findAsyncSyntax } from '@yieldfrom/transformer';

export const appDir = path.join(import.meta.dirname, 'app');
export const appEntry = path.join(appDir, 'src', 'main.js');

export function temporaryDir(prefix: string): string {
  return fs.mkdtempSync(path.join(import.meta.dirname, `.tmp-${prefix}-`));
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
 * Follows the bundle's source map from every `yield` the lowering wrote back to the original files,
 * and returns how many of them land exactly on an `await` there.
 */
export function yieldsMappedToAwaits(file: string, mapFile = `${file}.map`): { yields: number; onAwait: number } {
  const code = fs.readFileSync(file, 'utf8');
  const map = new TraceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
  const lines = code.split('\n');
  let yields = 0;
  let onAwait = 0;
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/\byield\b(?!\*)/g)) {
      const original = originalPositionFor(map, { line: index + 1, column: match.index! });
      if (!original.source || !/src[\\/](main|util)\.js$/.test(original.source)) continue;
      yields++;
      const sourcePath = path.resolve(path.dirname(mapFile), map.sourceRoot ?? '', original.source);
      const sourceFile = fs.existsSync(sourcePath) ? sourcePath : path.join(appDir, 'src', path.basename(original.source));
      const sourceLine = fs.readFileSync(sourceFile, 'utf8').split('\n')[original.line! - 1] ?? '';
      if (sourceLine.slice(original.column!).startsWith('await')) onAwait++;
    }
  });
  return { yields, onAwait };
}

/** Number of `await`s in the app's sources. */
export function awaitCount(): number {
  return ['main.js', 'util.js'].reduce((sum, name) => sum + (fs.readFileSync(path.join(appDir, 'src', name), 'utf8').match(/\bawait\b/g)?.length ?? 0), 0);
}
