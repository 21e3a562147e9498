// One unit of CLI work, the same on the main thread and in a worker: read, lower (or check), and
// describe the outcome. Nothing is written here.
import fs from 'node:fs';
import path from 'node:path';
import { transform } from './transform.js';
import { findAsyncSyntax, type AsyncSyntaxSite } from './analyze/async-syntax.js';
import { YieldfromError, fileWarnings, formatDiagnostic } from './diagnostics.js';
import type { TransformOptions } from './options.js';
import { sourceTypeFor } from './source-type.js';
import { packageTypeOf } from './cli-files.js';
import { takeInputMap, withSourcesRelativeTo } from './cli-source-maps.js';
import { inlineMapComment } from './source-map.js';

export interface WorkItem {
  file: string;
  mode: 'lower' | 'check';
  options: TransformOptions;
  /** Where the output goes (its map beside it or inside it); null for standard output. */
  output: string | null;
}

export type WorkResult =
  | { file: string; ok: true; code: string; map: string | null; bytes: number; changed: boolean; remaining: string[]; warnings: string[] }
  | { file: string; ok: false; error: string; bytes: number };

/**
 * The options to lower or check `file` (absolute; for standard input, where `--filename` places it)
 * with. Outputs run as they are, so a file is what Node will take it for (see source-type.ts).
 * `filename` is the name diagnostics give, `file` unless said otherwise.
 */
export function optionsFor(file: string, source: string, options: TransformOptions, { filename = file } = {}): TransformOptions {
  return { ...options, filename, sourceType: options.sourceType ?? sourceTypeFor(file, source, packageTypeOf(file)) };
}

/**
 * Lowers the text of `item.file` as the CLI writes it: with its map inline, or as text beside the
 * code (the caller adds the comment naming it), or with none. Throws a YieldfromError.
 */
export function lowerText(source: string, item: Omit<WorkItem, 'mode'>, { filename = item.file } = {}): { code: string; map: string | null; changed: boolean; warnings: string[] } {
  const options = optionsFor(item.file, source, item.options, { filename });
  const wantsMap = !!options.sourceMaps;
  const input = takeInputMap(item.file, source, { read: wantsMap });
  const result = transform(input.code, { ...options, sourceMaps: wantsMap, inputSourceMap: input.map });
  const map = result.map && item.output ? withSourcesRelativeTo(result.map, path.dirname(item.output)) : result.map;
  const inline = map && options.sourceMaps === 'inline';
  // A file left as it was keeps its own comment where it still leads to its map: where the file was
  // (in place, or on standard output), or anywhere when the map is inside the comment.
  const keepsComment = !wantsMap && result.code === input.code && input.url !== null && (item.output === null || item.output === item.file || input.url.startsWith('data:'));
  const code = inline ? result.code + inlineMapComment(map) : keepsComment ? source : result.code;
  const warnings = fileWarnings(result.diagnostics).map(formatDiagnostic);
  return { code, map: map && !inline ? JSON.stringify(map) : null, changed: code !== source, warnings };
}

export function work(item: WorkItem): WorkResult {
  let source = '';
  try {
    source = fs.readFileSync(item.file, 'utf8');
    const bytes = Buffer.byteLength(source);
    if (item.mode === 'check') {
      const remaining = describeRemaining(item.file, findAsyncSyntax(source, optionsFor(item.file, source, item.options)));
      return { file: item.file, ok: true, code: source, map: null, bytes, changed: false, remaining, warnings: [] };
    }
    return { file: item.file, ok: true, ...lowerText(source, item), bytes, remaining: [] };
  } catch (error) {
    const message = error instanceof YieldfromError ? error.diagnostics.map(formatDiagnostic).join('\n\n') : `${item.file}: ${(error as Error).message}`;
    return { file: item.file, ok: false, error: message, bytes: Buffer.byteLength(source) };
  }
}

/** `file:line:column: async function is not lowered`, one line per site, for `--check`. */
export function describeRemaining(file: string, sites: AsyncSyntaxSite[]): string[] {
  return sites.map((site) => `${file}:${site.line}:${site.column + 1}: ${site.what} is not lowered`);
}

export { findAsyncSyntax };
