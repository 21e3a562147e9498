// A position in the program a run executed, led back to the source through the chain of maps
// prepare-run.ts kept (compiled -> instrumented -> lowered -> source).
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { SourceMap } from '@yieldfrom/transformer';

/** 1-based line and column in, 1-based line and column out; null when a map has no answer. */
export function locateInSource(maps: SourceMap[], position: { line: number; column: number }): { line: number; column: number } | null {
  let line = position.line;
  let column = position.column - 1;
  for (const map of maps) {
    const original = originalPositionFor(new TraceMap(map as never), { line, column });
    if (original.line === null || original.line === undefined) return null;
    line = original.line;
    column = original.column ?? 0;
  }
  return { line, column: column + 1 };
}
