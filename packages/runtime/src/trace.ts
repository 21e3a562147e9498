// Tracing hooks for tools that draw coroutines (the playground's timeline). Installing a tracer
// installs spawn.ts's start hook, which wraps each new coroutine's generator in one that reports
// its life; the driver itself knows nothing of tracing, so an inlined `spawn` carries none of this
// and untraced code pays one falsy check per call.
import { apply, resumeGenerator } from './intrinsics.js';
import { setStartHook } from './spawn.js';

/** One observable step in a coroutine's life. `id` numbers coroutine instances from 1. */
export type TraceEvent =
  | { type: 'create'; id: number; name: string }
  | { type: 'suspend'; id: number; value: unknown }
  | { type: 'resume'; id: number; value: unknown; threw: boolean }
  | { type: 'settle'; id: number; value: unknown; threw: boolean };

export type Tracer = (event: TraceEvent) => void;

let activeTracer: Tracer | undefined;
let lastCoroutineId = 0;

/** Installs `tracer` (or removes it with `undefined`); returns the previous one. */
export function setTracer(tracer: Tracer | undefined): Tracer | undefined {
  const previous = activeTracer;
  activeTracer = tracer;
  setStartHook(tracer ? startTraced : undefined);
  return previous;
}

function report(event: TraceEvent): void {
  if (activeTracer) activeTracer(event);
}

function startTraced(generatorFunction: Function, self: unknown, args: ArrayLike<unknown>): Generator {
  const id = ++lastCoroutineId;
  report({ type: 'create', id, name: generatorFunction.name });
  try {
    return traced(apply(generatorFunction, self, args) as Generator, id);
  } catch (error) {
    report({ type: 'settle', id, value: error, threw: true });
    throw error;
  }
}

// Stands between the driver and the body's generator, synchronously, so ticks are unchanged.
function* traced(body: Generator, id: number): Generator {
  let value: unknown;
  let threw = false;
  for (;;) {
    report({ type: 'resume', id, value, threw });
    let result: IteratorResult<unknown>;
    try {
      result = resumeGenerator(body, threw ? 1 : 0, value);
    } catch (error) {
      report({ type: 'settle', id, value: error, threw: true });
      throw error;
    }
    if (result.done) {
      report({ type: 'settle', id, value: result.value, threw: false });
      return result.value;
    }
    report({ type: 'suspend', id, value: result.value });
    try {
      value = yield result.value;
      threw = false;
    } catch (error) {
      value = error;
      threw = true;
    }
  }
}
