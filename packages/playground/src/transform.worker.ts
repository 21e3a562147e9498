// The transform worker: lowering for display, preparing runs, and (loaded on first use) the
// comparison with TypeScript and Babel, all off the main thread. The page sends at most one display
// lowering at a time and drops stale ones before they are sent (transform-client.ts).
import { lowerForDisplay } from './lower-for-display';
import { prepareRun } from './prepare-run';
import type { TransformRequest, TransformResponse } from './protocol';

const reply = (response: TransformResponse) => (self as unknown as Worker).postMessage(response);

self.onmessage = async (event: MessageEvent<TransformRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'lower':
      reply({ id: request.id, kind: 'lower', lowering: lowerForDisplay(request) });
      break;
    case 'prepare-run':
      reply({ id: request.id, kind: 'prepare-run', ...(await prepareRun(request)) });
      break;
    case 'compare': {
      const { compareLowerings } = await import('./compare');
      reply({ id: request.id, kind: 'compare', comparison: compareLowerings(request.code, request.filename) });
      break;
    }
  }
};
