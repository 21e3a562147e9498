// Tracing hooks for tools that draw coroutines (the playground's timeline). A single module-level
// slot: when no tracer is installed every hook site is one falsy check, so untraced code pays nothing
// measurable.

/** One observable step in a coroutine's life. `id` numbers coroutine instances from 1. */
export type TraceEvent =
  | { type: 'create'; id: number; name: string }
  | { type: 'suspend'; id: number; value: unknown }
  | { type: 'resume'; id: number; value: unknown; threw: boolean }
  | { type: 'settle'; id: number; value: unknown; threw: boolean };

export type Tracer = (event: TraceEvent) => void;

export let activeTracer: Tracer | undefined;
let lastCoroutineId = 0;

/** Installs `tracer` (or removes it with `undefined`); returns the previous one. */
export function setTracer(tracer: Tracer | undefined): Tracer | undefined {
  const previous = activeTracer;
  activeTracer = tracer;
  return previous;
}

export function nextCoroutineId(): number {
  return ++lastCoroutineId;
}
