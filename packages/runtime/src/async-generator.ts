// The async generator object, as the specification's state machine (ecma262 27.6). The transformer
// turns
//   "async function* g(a) { const x = await a; yield x; return x }"
// into a sync generator driven by this module:
//   "function* _g(a) { const x = yield awaitMarker(a); yield yield awaitMarker(x); return yield awaitMarker(x) }"
// `yield v` awaits v and then yields it (the spec's Yield for async generators); `return v` awaits v
// inside the body, so try/catch/finally see a rejection. Requests (next/throw/return) queue in FIFO
// order and are taken synchronously, re-entrant calls included.
import { apply, awaitValue, newPromise, resumeGenerator, lastResolve, lastReject, type ResumeKind } from './intrinsics.js';
import { AWAIT, takeAwaited } from './await-marker.js';
import { DELEGATE_RETURN, delegateResumption, takeDelegateReturn } from './yield-star-protocol.js';

type State = 'suspendedStart' | 'suspendedYield' | 'executing' | 'draining-queue' | 'completed';

interface Request {
  kind: ResumeKind;
  value: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface Internals {
  state: State;
  queue: Request[];
  generator: Generator;
  /** The body is suspended inside `yield*`: requests go to the delegate, not to the body's own yield. */
  delegating: boolean;
  /** Continuations of the body's awaits, made once per generator object rather than per await. */
  resumeAwait: (value: unknown) => void;
  throwAwait: (reason: unknown) => void;
}

const internals = new WeakMap<object, Internals>();

function iterResult(value: unknown, done: boolean) {
  return { value, done };
}


/** %AsyncIteratorPrototype%: `[Symbol.asyncIterator]() { return this }`. */
export const AsyncIteratorPrototype: object = {};
const asyncIteratorSymbol: symbol = (Symbol as { asyncIterator?: symbol }).asyncIterator || Symbol('Symbol.asyncIterator');
Object.defineProperty(AsyncIteratorPrototype, asyncIteratorSymbol, {
  value: { [Symbol.iterator]() { return this; } }[Symbol.iterator],
  writable: true,
  configurable: true,
});
// The function above is named "[Symbol.iterator]"; the spec's is "[Symbol.asyncIterator]".
Object.defineProperty((AsyncIteratorPrototype as Record<symbol, Function>)[asyncIteratorSymbol], 'name', { value: '[Symbol.asyncIterator]' });

/** The method every lowered async iteration reads: Symbol.asyncIterator, or a stand-in on old engines. */
export const symbolAsyncIterator = asyncIteratorSymbol;

/** Validates `this` and queues one request, as next/return/throw all begin. */
function enqueue(self: unknown, kind: ResumeKind, value: unknown): Promise<unknown> {
  const promise = newPromise();
  const resolve = lastResolve;
  const reject = lastReject;
  const state = typeof self === 'object' && self !== null ? internals.get(self) : undefined;
  if (!state) {
    reject(new TypeError(`AsyncGenerator.prototype.${['next', 'throw', 'return'][kind]} called on an incompatible receiver`));
    return promise;
  }
  if (kind === 1 && state.state === 'suspendedStart') state.state = 'completed';
  if (state.state === 'completed' && kind !== 2) {
    if (kind === 0) resolve(iterResult(undefined, true));
    else reject(value);
    return promise;
  }
  state.queue.push({ kind, value, resolve, reject });
  if (kind === 2 && (state.state === 'suspendedStart' || state.state === 'completed')) {
    state.state = 'draining-queue';
    awaitReturn(state);
  } else if (state.state === 'suspendedStart' || state.state === 'suspendedYield') {
    resumeRequest(state, kind, value);
  }
  return promise;
}

/** %AsyncGeneratorPrototype%: next, return and throw, shared by every lowered async generator. */
export const AsyncGeneratorPrototype: object = Object.create(AsyncIteratorPrototype, {
  next: { value: { next(value: unknown) { return enqueue(this, 0, value); } }.next, writable: true, configurable: true },
  return: { value: { return(value: unknown) { return enqueue(this, 2, value); } }.return, writable: true, configurable: true },
  throw: { value: { throw(value: unknown) { return enqueue(this, 1, value); } }.throw, writable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'AsyncGenerator', configurable: true },
});

/**
 * Resumes a suspended body for the request at the head of the queue. At a `yield` of the body itself a
 * return request first awaits its value there (AsyncGeneratorUnwrapYieldResumption): the body's
 * `finally` runs only after it settles, and a rejection is thrown into the body.
 */
function resumeRequest(state: Internals, kind: ResumeKind, value: unknown) {
  if (kind === 2 && state.state === 'suspendedYield') {
    state.state = 'executing';
    try {
      awaitValue(value, (awaited) => resumeAt(state, 2, awaited), (reason) => resumeAt(state, 1, reason));
    } catch (error) {
      // PromiseResolve itself threw (a broken promise): that is thrown into the body at the yield.
      resumeAt(state, 1, error);
    }
    return;
  }
  resumeAt(state, kind, value);
}

/** Resumes the body's own yield, or, inside `yield*`, the delegate, which forwards the request. */
function resumeAt(state: Internals, kind: ResumeKind, value: unknown) {
  if (state.delegating) run(state, 0, delegateResumption(kind, value));
  else run(state, kind, value);
}

/** Runs the body until it awaits, yields or completes. */
function run(state: Internals, kind: ResumeKind, value: unknown) {
  state.state = 'executing';
  let result: IteratorResult<unknown>;
  try {
    result = resumeGenerator(state.generator, kind, value);
  } catch (error) {
    complete(state, 1, error);
    return;
  }
  if (result.done) {
    complete(state, 0, result.value);
    return;
  }
  const yielded = result.value;
  if (yielded === AWAIT) {
    // An await (also while a return unwinds `finally` blocks: it resumes with next, never return).
    try {
      awaitValue(takeAwaited(), state.resumeAwait, state.throwAwait);
    } catch (error) {
      run(state, 1, error);
    }
    return;
  }
  if (yielded === DELEGATE_RETURN) {
    // `yield*` received a return that completed the inner iterator: the body returns from there.
    state.delegating = false;
    run(state, 2, takeDelegateReturn());
    return;
  }
  state.delegating = isDelegating();
  // A yield: settle the head request, then go straight on with the next one if there is one.
  state.state = 'suspendedYield';
  const request = state.queue.shift()!;
  request.resolve(iterResult(yielded, false));
  if (state.queue.length) resumeRequest(state, state.queue[0]!.kind, state.queue[0]!.value);
}

/** The body finished (returned or threw): settle the head request, then drain the queue. */
function complete(state: Internals, kind: 0 | 1, value: unknown) {
  state.state = 'draining-queue';
  state.delegating = false;
  const request = state.queue.shift()!;
  if (kind === 1) request.reject(value);
  else request.resolve(iterResult(value, true));
  drain(state);
}

/** AsyncGeneratorDrainQueue: what was queued behind a completion. */
function drain(state: Internals) {
  while (state.queue.length) {
    const request = state.queue[0]!;
    if (request.kind === 2) {
      awaitReturn(state);
      return;
    }
    state.queue.shift();
    if (request.kind === 1) request.reject(request.value);
    else request.resolve(iterResult(undefined, true));
  }
  state.state = 'completed';
}

/** AsyncGeneratorAwaitReturn: `return(v)` on a generator that is not started or already completed. */
function awaitReturn(state: Internals) {
  const request = state.queue[0]!;
  const settle = (kind: 0 | 1, value: unknown) => {
    state.queue.shift();
    if (kind === 1) request.reject(value);
    else request.resolve(iterResult(value, true));
    drain(state);
  };
  try {
    awaitValue(request.value, (value) => settle(0, value), (reason) => settle(1, reason));
  } catch (error) {
    settle(1, error);
  }
}

// Set by the yield* delegate when it yields an inner value, read right after the body yields.
let delegatingFlag = false;
function isDelegating(): boolean {
  const flag = delegatingFlag;
  delegatingFlag = false;
  return flag;
}
/** Called by the yield* delegate just before it yields an inner result's value. */
export function markDelegatedYield(): void {
  delegatingFlag = true;
}

/**
 * Stands in for %AsyncGeneratorFunction.prototype%, which only native syntax can reach: lowered async
 * generator functions inherit from it, so `Object.getPrototypeOf(g).prototype` is
 * %AsyncGeneratorPrototype% as it is natively.
 */
export const AsyncGeneratorFunctionPrototype: object = Object.create(Function.prototype, {
  prototype: { value: AsyncGeneratorPrototype, configurable: true },
  [Symbol.toStringTag]: { value: 'AsyncGeneratorFunction', configurable: true },
});
Object.defineProperty(AsyncGeneratorPrototype, 'constructor', { value: AsyncGeneratorFunctionPrototype, configurable: true });

// Each lowered async generator function's `prototype` (or, for methods, which have none, a
// per-generator stand-in), read when it is called as the spec reads F.prototype.
const wrappers = new WeakMap<Function, Function>();
const methodPrototypes = new WeakMap<Function, object>();

/**
 * Gives a lowered async generator function its own `prototype` (inheriting %AsyncGeneratorPrototype%),
 * as every async generator function has, and returns it.
 */
export function asyncGeneratorFunction<F extends Function>(wrapper: F, generatorFunction: Function): F {
  Object.defineProperty(wrapper, 'prototype', { value: Object.create(AsyncGeneratorPrototype), writable: true });
  Object.setPrototypeOf(wrapper, AsyncGeneratorFunctionPrototype);
  wrappers.set(generatorFunction, wrapper);
  return wrapper;
}

/**
 * Calls an async generator function: binds the parameters (a throwing default throws here,
 * synchronously, as natively) and returns the suspended async generator object.
 */
export function asyncGenerator(
  generatorFunction: (...args: unknown[]) => Generator,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget?: Function,
  declaration?: Function
): object {
  if (newTarget !== undefined) throw new TypeError(`${newTarget.name || 'anonymous'} is not a constructor`);
  // A function declaration that stayed one (module top level, `export`, a `switch` case) owns an
  // ordinary `prototype`: on its first call it is made to inherit %AsyncGeneratorPrototype%.
  if (declaration && !wrappers.has(generatorFunction)) {
    const own = (declaration as { prototype?: unknown }).prototype;
    if (typeof own === 'object' && own !== null && Object.getPrototypeOf(own) === Object.prototype) Object.setPrototypeOf(own, AsyncGeneratorPrototype);
    Object.setPrototypeOf(declaration, AsyncGeneratorFunctionPrototype);
    wrappers.set(generatorFunction, declaration);
  }
  const wrapper = wrappers.get(generatorFunction);
  let prototype = wrapper ? (wrapper as { prototype?: unknown }).prototype : methodPrototypes.get(generatorFunction);
  if (!wrapper && !prototype) methodPrototypes.set(generatorFunction, (prototype = Object.create(AsyncGeneratorPrototype)));
  if (typeof prototype !== 'object' || prototype === null) prototype = AsyncGeneratorPrototype;
  const generator = apply(generatorFunction, self, args) as Generator;
  const object = Object.create(prototype as object);
  const state: Internals = {
    state: 'suspendedStart',
    queue: [],
    generator,
    delegating: false,
    resumeAwait: (value) => run(state, 0, value),
    throwAwait: (reason) => run(state, 1, reason),
  };
  internals.set(object, state);
  return object;
}
