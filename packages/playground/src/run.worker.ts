// A fresh sandbox per run: the page terminates it on Stop or when the time budget runs out. Console
// output and (for lowered code) the runtime's trace events are posted back as they happen.
import * as runtime from '@yieldfrom/runtime';
import type { RunMessage, RunRequest, TracedEvent } from './protocol';

const post = (message: RunMessage) => (self as unknown as Worker).postMessage(message);

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

let consoleLength = 0;
let lastActivity = Date.now();
const print = (...values: unknown[]) => {
  consoleLength++;
  lastActivity = Date.now();
  post({ type: 'console', line: values.map(format).join(' ') });
};

// The run is over when no timer is pending and nothing happened for a moment.
let pendingTimers = 0;
const nativeSetTimeout = self.setTimeout.bind(self);
const nativeClearTimeout = self.clearTimeout.bind(self);
const timers = new Set<number>();
(self as unknown as { setTimeout: unknown }).setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  pendingTimers++;
  const id: number = nativeSetTimeout(() => {
    timers.delete(id);
    pendingTimers--;
    lastActivity = Date.now();
    if (typeof handler === 'function') handler(...args);
  }, ms);
  timers.add(id);
  return id;
};
(self as unknown as { clearTimeout: unknown }).clearTimeout = (id: number) => {
  if (timers.delete(id)) pendingTimers--;
  nativeClearTimeout(id);
};
(self as unknown as { setInterval: unknown }).setInterval = (handler: TimerHandler, ms?: number) => {
  pendingTimers++; // an interval never ends by itself: the time budget ends the run
  return self.setTimeout(function repeat() {
    pendingTimers++;
    if (typeof handler === 'function') handler();
    self.setTimeout(repeat, ms);
  }, ms);
};
function whenIdle(done: () => void) {
  const check = () => (pendingTimers === 0 && Date.now() - lastActivity > 40 ? done() : nativeSetTimeout(check, 20));
  nativeSetTimeout(check, 20);
}
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) (console as unknown as Record<string, unknown>)[method] = print;

// Microtask ticks: a counter that advances once per microtask checkpoint while coroutines are active,
// and stops after a few quiet ticks so timers still get their turn.
let tick = 0;
let order = 0;
let armed = false;
let quiet = 0;
function arm() {
  quiet = 0;
  if (armed) return;
  armed = true;
  const advance = () => {
    tick++;
    if (++quiet < 3) Promise.resolve().then(advance);
    else armed = false;
  };
  Promise.resolve().then(advance);
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { code, mode } = event.data;
  if (mode === 'lowered') {
    (globalThis as Record<string, unknown>).__yieldfromRuntime = runtime;
    runtime.setTracer((traceEvent) => {
      arm();
      lastActivity = Date.now();
      post({ type: 'trace', event: { ...traceEvent, value: format((traceEvent as { value?: unknown }).value), tick, order: order++, consoleLength } as TracedEvent });
    });
  }
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  self.addEventListener('unhandledrejection', (e) => print(`Uncaught (in promise) ${format((e as PromiseRejectionEvent).reason)}`));
  try {
    await import(/* @vite-ignore */ url);
    // The program's own promises and timers go on; report the end once they are all done.
    whenIdle(() => post({ type: 'done' }));
  } catch (error) {
    post({ type: 'done', error: { message: format(error), stack: (error as Error)?.stack } });
  } finally {
    URL.revokeObjectURL(url);
  }
};
