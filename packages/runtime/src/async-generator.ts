// The async generator object, as the specification's state machine (ecma262 27.6). The transformer
// turns
//   "async function* g(a) { const x = await a; yield x; const r = yield* xs; return x }"
// into a sync generator driven by this module:
//   "function* _g(a) { const x = yield awaitMarker(a); yield x; const r = yield yieldStar(xs); return yield awaitMarker(x) }"
// What the body yields says what to do: the await sentinel (await-marker.ts) awaits a value and
// resumes the body with it; the delegate sentinel (delegate-marker.ts) runs the `yield*` loop here, with
// the body suspended; any other value is a `yield`: it is awaited, then yielded (the spec's Yield in
// an async generator), and a rejection is thrown at the `yield`. `return v` awaits v inside the body,
// so try/catch/finally see a rejection.
//
// Requests (next/throw/return) queue in FIFO order and are taken synchronously, re-entrant calls
// included. A generator object has at most one await pending at a time (its body's, or one the driver
// makes for it), so one pair of continuations per object serves them all, told apart by `awaiting`:
// nothing is allocated per step beyond what the spec itself creates.
import { apply, awaitPrimitive, awaitValue, newPromise, resumeGenerator, lastResolve, lastReject, type ResumeKind } from './intrinsics.js';
import { AWAIT, takeAwaited } from './await-marker.js';
import { DELEGATE, takeDelegate } from './delegate-marker.js';
import { AsyncIteratorPrototype, call, checkResult, getMethod, type IteratorRecord } from './iterator-protocol.js';

// Captured when the runtime loads, like the other intrinsics: later patches are never observed.
const { create, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf } = Object;
const { ownKeys } = Reflect;
const ObjectPrototype = Object.prototype;
const hasOwnProperty = ObjectPrototype.hasOwnProperty;

// Resumption kinds (also the request kinds).
const NEXT = 0;
const THROW = 1;
const RETURN = 2;

// [[AsyncGeneratorState]]. "draining-queue" was "awaiting-return" before ES2024.
const SUSPENDED_START = 0;
const SUSPENDED_YIELD = 1;
const EXECUTING = 2;
const DRAINING_QUEUE = 3;
const COMPLETED = 4;

// What the one pending await of a generator object is for.
/** An `await` in the body: resume the body with the value, or throw the reason into it. */
const BODY_AWAIT = 0;
/** The operand of a `yield`: yield the value, or throw the reason at the `yield`. */
const YIELD_OPERAND = 1;
/** return(v) at a yield: v, awaited, resumes there as a return (a rejection as a throw). */
const RETURN_AT_YIELD = 2;
/** yield*: the inner iterator's next or throw result. */
const INNER_RESULT = 3;
/** yield*: the inner iterator's return result. */
const INNER_RETURN_RESULT = 4;
/** yield*: the value of a return the inner iterator cannot take, awaited before the body returns it. */
const DELEGATE_RETURN = 5;
/** yield*: the inner iterator closed because it has no `throw`. */
const INNER_CLOSED = 6;
/** return(v) on a generator not started or completed (AsyncGeneratorAwaitReturn). */
const AWAIT_RETURN = 7;

interface Request {
  kind: ResumeKind;
  value: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  next: Request | null;
}

class AsyncGeneratorInternals {
  state = SUSPENDED_START;
  /** The request queue, a linked list: head is the request being served. */
  head: Request | null = null;
  tail: Request | null = null;
  /** Inside `yield*`: the inner iterator; requests go to it, not to the body. */
  delegate: IteratorRecord | null = null;
  awaiting = BODY_AWAIT;
  readonly onFulfilled: (value: unknown) => void;
  readonly onRejected: (reason: unknown) => void;
  readonly onPrimitive: () => void;
  awaited: unknown = undefined;
  constructor(readonly generator: Generator) {
    this.onFulfilled = (value) => settled(this, value, false);
    this.onPrimitive = () => settled(this, this.awaited, false);
    this.onRejected = (reason) => settled(this, reason, true);
  }
}

// The brand: only objects made by `asyncGenerator` have internals.
const internals = new WeakMap<object, AsyncGeneratorInternals>();

/** AsyncGenerator.prototype.next/throw/return: validate, queue, and resume if suspended. */
function enqueue(self: unknown, kind: ResumeKind, value: unknown): Promise<unknown> {
  const promise = newPromise();
  const resolve = lastResolve;
  const reject = lastReject;
  const g = internals.get(self as object);
  if (g === undefined) {
    reject(new TypeError('AsyncGenerator method called on an incompatible receiver'));
    return promise;
  }
  let state = g.state;
  if (kind === THROW && state === SUSPENDED_START) g.state = state = COMPLETED;
  if (state === COMPLETED && kind !== RETURN) {
    if (kind === NEXT) resolve({ value: undefined, done: true });
    else reject(value);
    return promise;
  }
  const request: Request = { kind, value, resolve, reject, next: null };
  if (g.tail) g.tail.next = request;
  else g.head = request;
  g.tail = request;
  if (state === SUSPENDED_YIELD) {
    resumeAtYield(g, kind, value);
  } else if (state === SUSPENDED_START || state === COMPLETED) {
    if (kind === RETURN) {
      g.state = DRAINING_QUEUE;
      awaitFor(g, AWAIT_RETURN, value);
    } else {
      resumeBody(g, NEXT, value);
    }
  }
  return promise;
}

// Our own `next`, recognised by `yield*` to skip a generic call.
const next = { next(value: unknown) { return enqueue(this, NEXT, value); } }.next;

/** %AsyncGeneratorPrototype%: next, return and throw, shared by every lowered async generator. */
export const AsyncGeneratorPrototype: object = create(AsyncIteratorPrototype, {
  next: { value: next, writable: true, configurable: true },
  return: { value: { return(value: unknown) { return enqueue(this, RETURN, value); } }.return, writable: true, configurable: true },
  throw: { value: { throw(value: unknown) { return enqueue(this, THROW, value); } }.throw, writable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'AsyncGenerator', configurable: true },
});

/** Await(value) on the generator's behalf, for `purpose`. */
function awaitFor(g: AsyncGeneratorInternals, purpose: number, value: unknown): void {
  g.awaiting = purpose;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    // Nothing to subscribe to: the value waits in `awaited` for the tick to pass.
    g.awaited = value;
    awaitPrimitive(g.onPrimitive);
    return;
  }
  try {
    awaitValue(value, g.onFulfilled, g.onRejected);
  } catch (error) {
    // PromiseResolve itself threw (a broken promise): the await throws, right here.
    settled(g, error, true);
  }
}

/** The pending await settled: carry on with what it was for. */
function settled(g: AsyncGeneratorInternals, value: unknown, rejected: boolean): void {
  switch (g.awaiting) {
    case BODY_AWAIT:
      return resumeBody(g, rejected ? THROW : NEXT, value);
    case YIELD_OPERAND:
      return rejected ? resumeBody(g, THROW, value) : yieldValue(g, value);
    case RETURN_AT_YIELD:
      return continueAtYield(g, rejected ? THROW : RETURN, value);
    case INNER_RESULT:
    case INNER_RETURN_RESULT:
      return rejected ? resumeBody(g, THROW, value) : innerResult(g, value);
    case DELEGATE_RETURN:
      return resumeBody(g, rejected ? THROW : RETURN, value);
    case INNER_CLOSED:
      if (!rejected) {
        try {
          checkResult(value);
          value = new TypeError('The iterator does not provide a throw method');
        } catch (error) {
          value = error;
        }
      }
      return resumeBody(g, THROW, value);
    default:
      // AWAIT_RETURN
      g.state = DRAINING_QUEUE;
      completeStep(g, value, rejected, true);
      return drainQueue(g);
  }
}

/** Runs the body until it awaits, yields, delegates or completes. */
function resumeBody(g: AsyncGeneratorInternals, kind: ResumeKind, value: unknown): void {
  g.state = EXECUTING;
  g.delegate = null;
  let result: IteratorResult<unknown>;
  try {
    result = resumeGenerator(g.generator, kind, value);
  } catch (error) {
    return complete(g, error, true);
  }
  const yielded = result.value;
  if (result.done) return complete(g, yielded, false);
  if (yielded === AWAIT) return awaitFor(g, BODY_AWAIT, takeAwaited());
  if (yielded === DELEGATE) {
    g.delegate = takeDelegate();
    return delegateStep(g, NEXT, undefined);
  }
  awaitFor(g, YIELD_OPERAND, yielded);
}

/**
 * AsyncGeneratorYield: settle the head request with the value, then go straight on with the next
 * request if one is queued (the state stays executing meanwhile, so a request made while settling,
 * from a `then` getter say, is queued too), or suspend.
 */
function yieldValue(g: AsyncGeneratorInternals, value: unknown): void {
  completeStep(g, value, false, false);
  const request = g.head;
  if (request) resumeAtYield(g, request.kind, request.value);
  else g.state = SUSPENDED_YIELD;
}

/**
 * Resumes at a yield (of the body, or inside `yield*`) for a request. A return first awaits its
 * value there (AsyncGeneratorUnwrapYieldResumption): `finally` blocks run only after it settles, and
 * a rejection becomes a throw at the yield.
 */
function resumeAtYield(g: AsyncGeneratorInternals, kind: ResumeKind, value: unknown): void {
  g.state = EXECUTING;
  if (kind === RETURN) awaitFor(g, RETURN_AT_YIELD, value);
  else continueAtYield(g, kind, value);
}

function continueAtYield(g: AsyncGeneratorInternals, kind: ResumeKind, value: unknown): void {
  if (g.delegate) delegateStep(g, kind, value);
  else resumeBody(g, kind, value);
}

/** One turn of the `yield*` loop (ecma262 15.5.5, async): forward what was received to the inner iterator. */
function delegateStep(g: AsyncGeneratorInternals, kind: ResumeKind, received: unknown): void {
  const record = g.delegate!;
  const iterator = record.iterator;
  let purpose: number;
  let awaited: unknown;
  try {
    if (kind === NEXT) {
      purpose = INNER_RESULT;
      awaited = record.next === next ? enqueue(iterator, NEXT, received) : call(record.next, iterator, 1, received);
    } else if (kind === THROW) {
      const method = getMethod(iterator, 'throw');
      if (method !== undefined) {
        purpose = INNER_RESULT;
        awaited = call(method, iterator, 1, received);
      } else {
        // No `throw`: AsyncIteratorClose with a normal completion, then the protocol violation.
        const returnMethod = getMethod(iterator, 'return');
        if (returnMethod === undefined) throw new TypeError('The iterator does not provide a throw method');
        purpose = INNER_CLOSED;
        awaited = call(returnMethod, iterator, 0);
      }
    } else {
      const method = getMethod(iterator, 'return');
      if (method === undefined) {
        // No `return`: the body returns the (awaited) value itself.
        purpose = DELEGATE_RETURN;
        awaited = received;
      } else {
        purpose = INNER_RETURN_RESULT;
        awaited = call(method, iterator, 1, received);
      }
    }
  } catch (error) {
    return resumeBody(g, THROW, error);
  }
  awaitFor(g, purpose, awaited);
}

/** The inner iterator's awaited result: type-check it, then yield its value, or end the delegation. */
function innerResult(g: AsyncGeneratorInternals, result: unknown): void {
  let done: boolean;
  let value: unknown;
  try {
    done = !!checkResult(result).done;
    value = (result as IteratorResult<unknown>).value;
  } catch (error) {
    return resumeBody(g, THROW, error);
  }
  if (!done) return yieldValue(g, value);
  // A done result of a forwarded return makes the body return its value (not awaited again since
  // ecma262 PR 2819); of next or throw, it is the value of the `yield*` expression.
  resumeBody(g, g.awaiting === INNER_RETURN_RESULT ? RETURN : NEXT, value);
}

/** The body returned or threw: settle the head request, then drain the queue. */
function complete(g: AsyncGeneratorInternals, value: unknown, threw: boolean): void {
  g.state = DRAINING_QUEUE;
  completeStep(g, value, threw, true);
  drainQueue(g);
}

/** AsyncGeneratorCompleteStep: take the head request and settle its promise. */
function completeStep(g: AsyncGeneratorInternals, value: unknown, threw: boolean, done: boolean): void {
  const request = g.head!;
  g.head = request.next;
  if (!g.head) g.tail = null;
  if (threw) request.reject(value);
  else request.resolve({ value, done });
}

/** AsyncGeneratorDrainQueue: what was queued behind a completion. */
function drainQueue(g: AsyncGeneratorInternals): void {
  for (let request = g.head; request; request = g.head) {
    if (request.kind === RETURN) return awaitFor(g, AWAIT_RETURN, request.value);
    completeStep(g, request.kind === THROW ? request.value : undefined, request.kind === THROW, true);
  }
  g.state = COMPLETED;
}

/**
 * Stands in for %AsyncGeneratorFunction%, which only native syntax can reach. Calling it builds an
 * async generator from source text, which cannot be lowered: it is handed to the engine's own
 * AsyncGeneratorFunction when there is one.
 */
function AsyncGeneratorFunction(this: unknown, _body: string): Function {
  // Split so that no tool scanning the runtime's text for leftover async syntax is misled.
  return apply(Function('return Object.getPrototypeOf(async ' + 'function* () {}).constructor')(), undefined, arguments) as Function;
}

/**
 * Stands in for %AsyncGeneratorFunction.prototype%: lowered async generator functions inherit from
 * it, so `Object.getPrototypeOf(g).prototype` is %AsyncGeneratorPrototype% as it is natively.
 */
export const AsyncGeneratorFunctionPrototype: object = create(Function.prototype, {
  constructor: { value: AsyncGeneratorFunction, configurable: true },
  prototype: { value: AsyncGeneratorPrototype, configurable: true },
  [Symbol.toStringTag]: { value: 'AsyncGeneratorFunction', configurable: true },
});
defineProperty(AsyncGeneratorFunction, 'prototype', { value: AsyncGeneratorFunctionPrototype, writable: false });
setPrototypeOf(AsyncGeneratorFunction, Function);
defineProperty(AsyncGeneratorPrototype, 'constructor', { value: AsyncGeneratorFunctionPrototype, configurable: true });

// Each lowered async generator function's `prototype` (or, for methods, which have none, a
// per-generator stand-in), read when it is called as the spec reads F.prototype.
const wrappers = new WeakMap<Function, Function>();
const methodPrototypes = new WeakMap<Function, object>();

/**
 * Gives a lowered async generator function its own `prototype` (inheriting %AsyncGeneratorPrototype%),
 * as every async generator function has, and returns it.
 */
export function asyncGeneratorFunction<F extends Function>(wrapper: F, generatorFunction: Function): F {
  defineProperty(wrapper, 'prototype', { value: create(AsyncGeneratorPrototype), writable: true });
  setPrototypeOf(wrapper, AsyncGeneratorFunctionPrototype);
  wrappers.set(generatorFunction, wrapper);
  return wrapper;
}

/**
 * Gives the async generator methods of an object literal or class (`key, generator` pairs; for a
 * class, prototype methods then static ones) what `asyncGeneratorFunction` gives functions. Called
 * once the object or class exists; a method replaced in the meantime is left alone.
 */
export function asyncGeneratorMethods<T extends object>(home: T, methods: unknown[], staticMethods?: unknown[]): T {
  if (staticMethods) {
    defineMethods(home, staticMethods);
    defineMethods((home as unknown as { prototype: object }).prototype, methods);
  } else {
    defineMethods(home, methods);
  }
  return home;
}

/**
 * ToPropertyKey, exactly once, as a computed key in a class or object literal performs it (the
 * lowering keeps an async generator method's computed key to find the method by it afterwards).
 */
export function toPropertyKey(value: unknown): PropertyKey {
  return ownKeys({ [value as PropertyKey]: 0 })[0]!;
}

function defineMethods(home: object, methods: unknown[]) {
  for (let i = 0; i < methods.length; i += 2) {
    const descriptor = getOwnPropertyDescriptor(home, methods[i] as PropertyKey);
    const method = descriptor && descriptor.value;
    if (typeof method === 'function' && !apply(hasOwnProperty, method, ['prototype'])) asyncGeneratorFunction(method, methods[i + 1] as Function);
  }
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
    if (typeof own === 'object' && own !== null && getPrototypeOf(own) === ObjectPrototype) setPrototypeOf(own, AsyncGeneratorPrototype);
    setPrototypeOf(declaration, AsyncGeneratorFunctionPrototype);
    wrappers.set(generatorFunction, declaration);
  }
  const generator = apply(generatorFunction, self, args) as Generator;
  // The object is made after the parameters are bound (a default may replace `g.prototype`).
  const wrapper = wrappers.get(generatorFunction);
  let prototype = wrapper ? (wrapper as { prototype?: unknown }).prototype : methodPrototypes.get(generatorFunction);
  if (!wrapper && !prototype) methodPrototypes.set(generatorFunction, (prototype = create(AsyncGeneratorPrototype)));
  if (typeof prototype !== 'object' || prototype === null) prototype = AsyncGeneratorPrototype;
  const object = create(prototype as object);
  internals.set(object, new AsyncGeneratorInternals(generator));
  return object;
}
