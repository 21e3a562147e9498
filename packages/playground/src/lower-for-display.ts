// transform() with a source map, its errors caught into diagnostics: what the output pane shows.
import { YieldfromError, transform } from '@yieldfrom/transformer';
import type { Lowering, SourceInput } from './protocol';

export function lowerForDisplay({ code, filename, options }: SourceInput): Lowering {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    // The selector's "off" is the default, not a choice: a file importing `async` still gets YF3002.
    const result = transform(code, { ...options, asyncFunctionPrototype: options.asyncFunctionPrototype || undefined, filename, sourceMaps: true });
    const suspensions = result.suspensions;
    return { ok: true, code: result.code, map: result.map!, suspensions, diagnostics: result.diagnostics, elapsedMs: elapsed() };
  } catch (error) {
    if (error instanceof YieldfromError) return { ok: false, diagnostics: error.diagnostics, message: error.message, elapsedMs: elapsed() };
    return { ok: false, diagnostics: [], message: `internal error: ${String((error as Error)?.stack ?? error)}`, elapsedMs: elapsed() };
  }
}
