// Lowers code off the main thread. Only the newest request matters: the page drops stale answers.
import { YieldfromError, transform } from '@yieldfrom/transformer';
import type { TransformRequest, TransformResponse } from './protocol';

self.onmessage = (event: MessageEvent<TransformRequest>) => {
  const { id, code, filename, options } = event.data;
  let response: TransformResponse;
  try {
    const result = transform(code, { ...options, filename, sourceMaps: true });
    response = { id, ok: true, code: result.code, map: result.map, suspensions: result.suspensions, diagnostics: result.diagnostics };
  } catch (error) {
    response =
      error instanceof YieldfromError
        ? { id, ok: false, diagnostics: error.diagnostics, message: error.message }
        : { id, ok: false, diagnostics: [], message: String((error as Error)?.stack ?? error) };
  }
  (self as unknown as Worker).postMessage(response);
};
