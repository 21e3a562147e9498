// One unit of CLI work, the same on the main thread and in a worker: read, lower (or check), and
// describe the outcome. Nothing is written here.
import fs from 'node:fs';
import { transform } from './transform.js';
import { findAsyncSyntax } from './analyze/async-syntax.js';
import { YieldfromError, formatDiagnostic } from './diagnostics.js';
import type { TransformOptions } from './options.js';

export interface WorkItem {
  file: string;
  mode: 'lower' | 'check';
  options: TransformOptions;
}

export type WorkResult =
  | { file: string; ok: true; code: string; map: string | null; bytes: number; changed: boolean; remaining: string[] }
  | { file: string; ok: false; error: string; bytes: number };

export function work(item: WorkItem): WorkResult {
  let source = '';
  try {
    source = fs.readFileSync(item.file, 'utf8');
    const bytes = Buffer.byteLength(source);
    if (item.mode === 'check') {
      const remaining = findAsyncSyntax(source, { ...item.options, filename: item.file }).map(
        (site) => `${item.file}:${site.line}:${site.column + 1}: ${site.what} is not lowered`
      );
      return { file: item.file, ok: true, code: source, map: null, bytes, changed: false, remaining };
    }
    const result = transform(source, { ...item.options, filename: item.file });
    return {
      file: item.file,
      ok: true,
      code: result.code,
      map: result.map ? JSON.stringify(result.map) : null,
      bytes,
      changed: result.code !== source,
      remaining: [],
    };
  } catch (error) {
    const message = error instanceof YieldfromError ? error.diagnostics.map(formatDiagnostic).join('\n\n') : `${item.file}: ${(error as Error).message}`;
    return { file: item.file, ok: false, error: message, bytes: Buffer.byteLength(source) };
  }
}
