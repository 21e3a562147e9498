// One unit of CLI work, the same on the main thread and in a worker: read, lower (or check), and
// describe the outcome. Nothing is written here.
import fs from 'node:fs';
import path from 'node:path';
import { transform } from './transform.js';
import { findAsyncSyntax, type AsyncSyntaxSite } from './analyze/async-syntax.js';
import { YieldfromError, formatDiagnostic } from './diagnostics.js';
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
  | { file: string; ok: true; code: string; map: string | null; bytes: number; changed: boolean; remaining: string[] }
  | { file: string; ok: false; error: string; bytes: number };

export function work(item: WorkItem): WorkResult {
  let source = '';
  try {
    source = fs.readFileSync(item.file, 'utf8');
    const bytes = Buffer.byteLength(source);
    // Outputs run as they are, so a file is what Node will take it for (see source-type.ts).
    const options = { ...item.options, filename: item.file, sourceType: item.options.sourceType ?? sourceTypeFor(item.file, source, packageTypeOf(item.file)) };
    if (item.mode === 'check') {
      const remaining = describeRemaining(item.file, findAsyncSyntax(source, options));
      return { file: item.file, ok: true, code: source, map: null, bytes, changed: false, remaining };
    }
    const wantsMap = !!options.sourceMaps;
    const input = wantsMap ? takeInputMap(item.file, source) : { code: source, map: null };
    const result = transform(input.code, { ...options, sourceMaps: wantsMap, inputSourceMap: input.map });
    const map = result.map && item.output ? withSourcesRelativeTo(result.map, path.dirname(item.output)) : result.map;
    const inline = map && options.sourceMaps === 'inline';
    const code = inline ? result.code + inlineMapComment(map) : result.code;
    return {
      file: item.file,
      ok: true,
      code,
      map: map && !inline ? JSON.stringify(map) : null,
      bytes,
      changed: code !== source,
      remaining: [],
    };
  } catch (error) {
    const message = error instanceof YieldfromError ? error.diagnostics.map(formatDiagnostic).join('\n\n') : `${item.file}: ${(error as Error).message}`;
    return { file: item.file, ok: false, error: message, bytes: Buffer.byteLength(source) };
  }
}

/** `file:line:column: async function is not lowered`, one line per site, for `--check`. */
export function describeRemaining(file: string, sites: AsyncSyntaxSite[]): string[] {
  return sites.map((site) => `${file}:${site.line}:${site.column + 1}: ${site.what} is not lowered`);
}

export { findAsyncSyntax, transform };
