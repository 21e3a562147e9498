// A fresh sandbox per run (the page terminates it on Stop or when the time budget runs out). It
// captures the console, reports uncaught errors with their position, and, for the lowered program,
// installs the runtime's tracer and posts every coroutine event with its microtask tick, its timer
// turn and the index of the `await` it suspended on.
import * as runtime from '@yieldfrom/runtime';
import { describe, formatArguments } from './format';
import { jsxFactory, jsxFragment, runtimeGlobal, suspensionMarker, type ConsoleLine, type RunMessage, type RunRequest, type TracedEvent, type ThrownError } from './protocol';

const post = (message: RunMessage) => (self as unknown as Worker).postMessage(message);
const global = globalThis as unknown as Record<string, unknown>;
const programName = 'program.js';

// ---- console ------------------------------------------------------------------------------------
let consoleLength = 0;
let lastActivity = Date.now();
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  (console as unknown as Record<string, unknown>)[level] = (...values: unknown[]) => {
    consoleLength++;
    lastActivity = Date.now();
    const line: ConsoleLine = { level, text: formatArguments(values) };
    post({ type: 'console', line });
  };
}

// ---- timers: counted, so the run ends when none is pending and nothing happened for a moment -------
const nativeSetTimeout = self.setTimeout.bind(self);
const nativeClearTimeout = self.clearTimeout.bind(self);
const nativeSetInterval = self.setInterval.bind(self);
const nativeClearInterval = self.clearInterval.bind(self);
const pendingTimers = new Set<number>();
let turn = 0;

function timerCallback(handler: TimerHandler, args: unknown[], id: () => number, repeats: boolean) {
  return () => {
    if (!repeats) pendingTimers.delete(id());
    turn++;
    lastActivity = Date.now();
    if (typeof handler === 'function') handler(...args);
    else (0, eval)(handler);
  };
}
global.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = nativeSetTimeout(timerCallback(handler, args, () => id, false), ms);
  pendingTimers.add(id);
  return id;
};
global.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = nativeSetInterval(timerCallback(handler, args, () => id, true), ms);
  pendingTimers.add(id); // an interval never ends by itself: clearInterval, Stop or the budget does
  return id;
};
global.clearTimeout = (id: number) => {
  pendingTimers.delete(id);
  nativeClearTimeout(id);
};
global.clearInterval = (id: number) => {
  pendingTimers.delete(id);
  nativeClearInterval(id);
};

function whenIdle(done: () => void) {
  const check = () => (pendingTimers.size === 0 && Date.now() - lastActivity > 50 ? done() : nativeSetTimeout(check, 20));
  nativeSetTimeout(check, 20);
}

// ---- uncaught errors, with the program's position from the stack -----------------------------------
function thrown(error: unknown, inPromise: boolean): ThrownError {
  const stack = error instanceof Error ? String(error.stack ?? '') : '';
  const frame = new RegExp(`(?:${programName.replace('.', '\\.')}|blob:[^\\s)]+):(\\d+):(\\d+)`).exec(stack);
  return {
    message: error instanceof Error ? `${error.name}: ${error.message}` : describe(error),
    inPromise,
    ...(frame ? { position: { line: Number(frame[1]), column: Number(frame[2]) } } : {}),
  };
}
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  lastActivity = Date.now();
  post({ type: 'uncaught', error: thrown(event.reason, true) });
});
self.addEventListener('error', (event) => {
  event.preventDefault();
  lastActivity = Date.now();
  post({ type: 'uncaught', error: thrown(event.error ?? new Error(event.message), false) });
});

// ---- tracing: microtask ticks, timer turns and the await each suspension came from -------------------
// Ticks are counted by a self-rescheduling promise chain that runs while coroutines are active and
// stops after a few quiet ticks, so timers still get their turn.
let tick = 0;
let order = 0;
let ticking = false;
let quietTicks = 0;
function keepTicking() {
  quietTicks = 0;
  if (ticking) return;
  ticking = true;
  const advance = () => {
    tick++;
    if (++quietTicks < 3) Promise.resolve().then(advance);
    else ticking = false;
  };
  Promise.resolve().then(advance);
}

// The suspension the lowered program marked last, with the value it is about to yield. The runtime's
// suspend event follows the marker synchronously and carries the same value; a suspension nobody
// marked (a `for await`, a `yield*` inside the runtime) yields another value and links to nothing,
// as does one whose coroutine the runtime does not trace.
let marked: { index: number; value: unknown } | null = null;
const suspendedAt = new Map<number, number>();

// Non-enumerable, so a program listing the global object's keys sees what the native run sees.
const hidden = (name: string, value: unknown) => Object.defineProperty(globalThis, name, { value, enumerable: false, configurable: true, writable: false });

// JSX elements as plain objects ({ type, props }), the same in both runs: a program can print them.
hidden(jsxFragment, 'Fragment');
hidden(jsxFactory, (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => ({
  type: typeof type === 'function' ? type.name : type,
  props: { ...props, ...(children.length ? { children: children.length === 1 ? children[0] : children } : {}) },
}));

function installTracer() {
  hidden(runtimeGlobal, runtime);
  // The lowered program calls this between evaluating an await's argument and yielding it; the
  // runtime's suspend event follows synchronously, so it reads the right index.
  hidden(suspensionMarker, (index: number, value: unknown) => {
    marked = { index, value };
    return value;
  });
  runtime.setTracer((event) => {
    keepTicking();
    lastActivity = Date.now();
    let suspension = -1;
    if (event.type === 'suspend') {
      suspension = marked && Object.is(marked.value, event.value) ? marked.index : -1;
      marked = null;
      suspendedAt.set(event.id, suspension);
    } else if (event.type === 'resume') {
      suspension = suspendedAt.get(event.id) ?? -1;
    }
    const value = 'value' in event ? describe(event.value) : undefined;
    post({ type: 'trace', event: { ...event, ...(value === undefined ? {} : { value }), tick, turn, order: order++, consoleLength, suspension } as TracedEvent });
  });
}

// ---- the program ----------------------------------------------------------------------------------
self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { code, mode, isModule } = event.data;
  if (mode === 'lowered') installTracer();
  const source = `${code}\n//# sourceURL=${programName}`;
  try {
    if (isModule) {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      try {
        await import(/* @vite-ignore */ url);
      } finally {
        URL.revokeObjectURL(url);
      }
    } else {
      (0, eval)(source); // a classic script: global scope, sloppy unless it says "use strict"
    }
  } catch (error) {
    post({ type: 'uncaught', error: thrown(error, false) });
  }
  // The program's own promises and timers go on; report the end once they are all done.
  whenIdle(() => post({ type: 'done' }));
};
