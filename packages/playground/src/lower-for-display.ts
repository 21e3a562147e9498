// transform() with a source map, its errors caught into diagnostics: what the output pane shows.
import { YieldfromError, transform } from '@yieldfrom/transformer';
import type { Lowering, SourceInput } from './protocol';

export function lowerForDisplay({ code, filename, options }: SourceInput): Lowering {
  try {
    const result = transform(code, { ...options, filename, sourceMaps: true });
    return { ok: true, code: result.code, map: result.map!, suspensions: result.suspensions, diagnostics: result.diagnostics };
  } catch (error) {
    if (error instanceof YieldfromError) return { ok: false, diagnostics: error.diagnostics, message: error.message };
    return { ok: false, diagnostics: [], message: `internal error: ${String((error as Error)?.stack ?? error)}` };
  }
}
