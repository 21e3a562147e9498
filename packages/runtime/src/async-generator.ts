// The async generator object, as the specification's state machine (ecma262 27.6). The transformer
// turns
//   "async function* g(a) { const x = await a; yield x; const r = yield* xs; return x }"
// into a sync generator driven by this module:
//   "function* _g(a) { const x = yield awaitMarker(a); yield x; const r = yield yieldStar(xs); return yield awaitMarker(x) }"
// What the body yields says what to do: the await sentinel (await-marker.ts) awaits a value and
// resumes the body with it; the delegate sentinel runs the `yield*` loop here, with the body
// suspended; any other value is a `yield`: it is awaited, then yielded (the spec's Yield in an async
// generator), and a rejection is thrown at the `yield`. `return v` awaits v inside the body, so
// try/catch/finally see a rejection.
//
// Requests (next/throw/return) queue in FIFO order and are taken synchronously, re-entrant calls
// included. A generator object has at most one await pending at a time (its body's, or one the driver
// makes for it), so one pair of continuations per object serves them all; what the await is for is
// the function in `then`: nothing is allocated per step beyond what the spec itself creates.
import { apply, awaitPrimitive, awaitValue, newPromise, resumeGenerator, lastResolve, lastReject, type ResumeKind } from './intrinsics.js';
import { AWAIT, DELEGATE, takePending } from './await-marker.js';
import { builtIn, create, defineProperty, eachMethod, functionKind, getPrototypeOf, hasOwnProperty, setPrototypeOf } from './function-kinds.js';
import { AsyncIteratorPrototype, checkResult, fail, isObject, NO_METHOD, noArguments, settledPromise, type Send } from './iterator-protocol.js';

// Captured when the runtime loads, like the other intrinsics: later patches are never observed.
const ObjectPrototype = Object.prototype;
const { get: weakMapGet, set: weakMapSet } = WeakMap.prototype;

// Resumption kinds (also the request kinds), as ResumeKind numbers them. Const enums compile to
// plain numbers, which is what the minifier needs.
const enum Kind {
  Next,
  Throw,
  Return,
}

// [[AsyncGeneratorState]]. "draining-queue" was "awaiting-return" before ES2024.
const enum State {
  SuspendedStart,
  SuspendedYield,
  Executing,
  DrainingQueue,
  Completed,
}

// The runtime's own objects inherit nothing from Object.prototype (their prototype's chain ends in
// null), so an accessor or setter user code puts there under one of their field names is never run:
// writing `next` or `head`, or reading one not yet written, finds nothing on the way.
class Request {
  /** The request queued behind this one. */
  next?: Request;
  constructor(
    readonly kind: ResumeKind,
    readonly value: unknown,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void
  ) {}
}
setPrototypeOf(Request.prototype, null);

/** What to do when the pending await settles. */
type Then = (g: Internals, value: unknown, rejected: boolean) => void;

class Internals {
  state: State = State.SuspendedStart;
  /** The request queue, a linked list: its head is the request being served. */
  head?: Request;
  tail?: Request;
  /** Inside `yield*`: the inner iterator; requests go to it, not to the body. */
  delegate: Send | null = null;
  continuation: Then = afterAwait;
  awaited: unknown;
  readonly onFulfilled = (value: unknown) => this.continuation(this, value, false);
  readonly onRejected = (reason: unknown) => this.continuation(this, reason, true);
  readonly onPrimitive = () => this.continuation(this, this.awaited, false);
  constructor(readonly generator: Generator) {}
}
setPrototypeOf(Internals.prototype, null);

// The brand: only objects made by `asyncGenerator` have internals. Read and written with the
// WeakMap methods captured at load, through `apply`, like every other intrinsic.
const internals = new WeakMap<object, Internals>();

/** AsyncGenerator.prototype.next/throw/return: validate, queue, and resume if suspended. */
function enqueue(self: unknown, kind: ResumeKind, value: unknown): Promise<unknown> {
  const g = apply(weakMapGet, internals, [self]) as Internals | undefined;
  if (!g) return settledPromise(new TypeError('not an AsyncGenerator'), true);
  let state = g.state;
  if (kind === Kind.Throw && state === State.SuspendedStart) g.state = state = State.Completed;
  if (state === State.Completed && kind !== Kind.Return) return settledPromise(kind ? value : { value: undefined, done: true }, !!kind);
  const promise = newPromise();
  const request = new Request(kind, value, lastResolve, lastReject);
  if (g.head) g.tail!.next = request;
  else g.head = request;
  g.tail = request;
  if (state === State.SuspendedYield) resumeAtYield(g, kind, value);
  else if (state === State.SuspendedStart || state === State.Completed) {
    if (kind === Kind.Return) {
      g.state = State.DrainingQueue;
      awaitFor(g, complete, value);
    } else {
      resumeBody(g, Kind.Next, value);
    }
  }
  return promise;
}

const methods = {
  next(value: unknown) { return enqueue(this, Kind.Next, value); },
  return(value: unknown) { return enqueue(this, Kind.Return, value); },
  throw(value: unknown) { return enqueue(this, Kind.Throw, value); },
};

/** %AsyncGeneratorPrototype%: next, return and throw, shared by every lowered async generator. */
export const AsyncGeneratorPrototype: object = create(AsyncIteratorPrototype, {
  next: builtIn(methods.next, true),
  return: builtIn(methods.return, true),
  throw: builtIn(methods.throw, true),
  [Symbol.toStringTag]: builtIn('AsyncGenerator'),
});

/** Await(value) on the generator's behalf, then `then`. */
function awaitFor(g: Internals, then: Then, value: unknown): void {
  g.continuation = then;
  if (!isObject(value)) {
    // Nothing to subscribe to: the value waits in `awaited` for the tick to pass.
    g.awaited = value;
    awaitPrimitive(g.onPrimitive);
    return;
  }
  try {
    awaitValue(value, g.onFulfilled, g.onRejected);
  } catch (error) {
    // PromiseResolve itself threw (a broken promise): the await throws, right here.
    then(g, error, true);
  }
}

// What an await is for. An `await` in the body (also the value of a return the inner iterator of
// `yield*` cannot take): resume the body with the value, or throw the reason into it.
const afterAwait: Then = (g, value, rejected) => resumeBody(g, rejected ? Kind.Throw : Kind.Next, value);
const afterDelegateReturn: Then = (g, value, rejected) => resumeBody(g, rejected ? Kind.Throw : Kind.Return, value);
/** The operand of a `yield`: yield the value, or throw the reason at the `yield`. */
const afterYieldOperand: Then = (g, value, rejected) => (rejected ? resumeBody(g, Kind.Throw, value) : yieldValue(g, value));
/** return(v) at a yield: v, awaited, resumes there as a return (a rejection as a throw). */
const afterReturnAtYield: Then = (g, value, rejected) => continueAtYield(g, rejected ? Kind.Throw : Kind.Return, value);
/** yield*: the inner iterator's next or throw result, or its return result. */
const afterInnerResult: Then = (g, result, rejected) => innerResult(g, result, rejected, Kind.Next);
const afterInnerReturnResult: Then = (g, result, rejected) => innerResult(g, result, rejected, Kind.Return);
/** yield*: the inner iterator closed because it has no `throw`. */
const afterInnerClosed: Then = (g, result, rejected) => {
  try {
    if (!rejected) {
      checkResult(result);
      fail('no throw method');
    }
  } catch (error) {
    result = error;
  }
  resumeBody(g, Kind.Throw, result);
};

/** Runs the body until it awaits, yields, delegates or completes. */
function resumeBody(g: Internals, kind: ResumeKind, value: unknown): void {
  g.state = State.Executing;
  g.delegate = null;
  let result: IteratorResult<unknown>;
  try {
    result = resumeGenerator(g.generator, kind, value);
  } catch (error) {
    return complete(g, error, true);
  }
  const yielded = result.value;
  if (result.done) complete(g, yielded, false);
  else if (yielded === AWAIT) awaitFor(g, afterAwait, takePending());
  else if (yielded === DELEGATE) {
    g.delegate = takePending() as Send;
    delegateStep(g, Kind.Next, undefined);
  } else awaitFor(g, afterYieldOperand, yielded);
}

/**
 * AsyncGeneratorYield: settle the head request with the value, then go straight on with the next
 * request if one is queued (the state stays executing meanwhile, so a request made while settling,
 * from a `then` getter say, is queued too), or suspend.
 */
function yieldValue(g: Internals, value: unknown): void {
  completeStep(g, value, false, false);
  const request = g.head;
  if (request) resumeAtYield(g, request.kind, request.value);
  else g.state = State.SuspendedYield;
}

/**
 * Resumes at a yield (of the body, or inside `yield*`) for a request. A return first awaits its
 * value there (AsyncGeneratorUnwrapYieldResumption): `finally` blocks run only after it settles, and
 * a rejection becomes a throw at the yield.
 */
function resumeAtYield(g: Internals, kind: ResumeKind, value: unknown): void {
  g.state = State.Executing;
  if (kind === Kind.Return) awaitFor(g, afterReturnAtYield, value);
  else continueAtYield(g, kind, value);
}

function continueAtYield(g: Internals, kind: ResumeKind, value: unknown): void {
  if (g.delegate) delegateStep(g, kind, value);
  else resumeBody(g, kind, value);
}

/** One turn of the `yield*` loop (ecma262 15.5.5, async): forward what was received to the inner iterator. */
function delegateStep(g: Internals, kind: ResumeKind, received: unknown): void {
  const send = g.delegate!;
  let then = kind === Kind.Return ? afterInnerReturnResult : afterInnerResult;
  let awaited: unknown;
  try {
    awaited = send(kind, [received]);
    if (awaited === NO_METHOD) {
      if (kind === Kind.Return) {
        // No `return`: the body returns the (awaited) value itself.
        then = afterDelegateReturn;
        awaited = received;
      } else {
        // No `throw`: AsyncIteratorClose with a normal completion, then the protocol violation.
        then = afterInnerClosed;
        awaited = send(Kind.Return, noArguments);
        if (awaited === NO_METHOD) fail('no throw method');
      }
    }
  } catch (error) {
    return resumeBody(g, Kind.Throw, error);
  }
  awaitFor(g, then, awaited);
}

/**
 * The inner iterator's awaited result: type-check it, then yield its value, or end the delegation.
 * A done result of a forwarded return makes the body return its value (not awaited again since
 * ecma262 PR 2819); of next or throw, it is the value of the `yield*` expression.
 */
function innerResult(g: Internals, result: unknown, rejected: boolean, doneKind: ResumeKind): void {
  let done: unknown;
  let value = result;
  if (!rejected) {
    try {
      done = checkResult(result).done;
      value = (result as IteratorResult<unknown>).value;
    } catch (error) {
      rejected = true;
      value = error;
    }
  }
  if (rejected) resumeBody(g, Kind.Throw, value);
  else if (done) resumeBody(g, doneKind, value);
  else yieldValue(g, value);
}

/**
 * The body returned or threw, or a return(v) queued behind a completion has its v: settle the head
 * request, then AsyncGeneratorDrainQueue, what was queued behind it.
 */
function complete(g: Internals, value: unknown, threw: boolean): void {
  g.state = State.DrainingQueue;
  completeStep(g, value, threw, true);
  for (let request; (request = g.head); ) {
    if (request.kind === Kind.Return) return awaitFor(g, complete, request.value);
    const isThrow = request.kind === Kind.Throw;
    completeStep(g, isThrow ? request.value : undefined, isThrow, true);
  }
  g.state = State.Completed;
}

/** AsyncGeneratorCompleteStep: take the head request and settle its promise. */
function completeStep(g: Internals, value: unknown, threw: boolean, done: boolean): void {
  const request = g.head!;
  if (!(g.head = request.next)) g.tail = undefined;
  if (threw) request.reject(value);
  else request.resolve({ value, done });
}

/**
 * Stands in for %AsyncGeneratorFunction.prototype%: lowered async generator functions inherit from
 * it, so `Object.getPrototypeOf(g).prototype` is %AsyncGeneratorPrototype% as it is natively.
 */
export const AsyncGeneratorFunctionPrototype: object = functionKind('AsyncGeneratorFunction', 'function*', AsyncGeneratorPrototype);
defineProperty(AsyncGeneratorPrototype, 'constructor', builtIn(AsyncGeneratorFunctionPrototype));

// Whose `prototype` the objects of each generator function inherit from, read when it is called as
// the spec reads F.prototype: its lowered async generator function, or for a method that has none
// yet, a per-generator stand-in prototype object.
const owners = new WeakMap<Function, Function | object>();

/**
 * Gives a lowered async generator function its own `prototype` (inheriting %AsyncGeneratorPrototype%),
 * as every async generator function has, and returns it.
 */
export function asyncGeneratorFunction<F extends Function>(wrapper: F, generatorFunction: Function): F {
  defineProperty(wrapper, 'prototype', { __proto__: null, value: create(AsyncGeneratorPrototype), writable: true } as PropertyDescriptor);
  setPrototypeOf(wrapper, AsyncGeneratorFunctionPrototype);
  apply(weakMapSet, owners, [generatorFunction, wrapper]);
  return wrapper;
}

/**
 * Gives the async generator methods of an object literal or class (`key, generator` pairs; for a
 * class, prototype methods then static ones) what `asyncGeneratorFunction` gives functions. Called
 * once the object or class exists; a method replaced in the meantime is left alone.
 */
export function asyncGeneratorMethods<T extends object>(home: T, methods: unknown[], staticMethods?: unknown[]): T {
  eachMethod(home, methods, staticMethods, 2, (method, generatorFunction) => {
    if (!apply(hasOwnProperty, method, ['prototype'])) asyncGeneratorFunction(method, generatorFunction as Function);
  });
  return home;
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
  // (`owners` holds only objects and functions: a get is as good as a has.)
  if (declaration && !apply(weakMapGet, owners, [generatorFunction])) {
    const own = (declaration as { prototype?: unknown }).prototype;
    if (isObject(own) && getPrototypeOf(own) === ObjectPrototype) setPrototypeOf(own, AsyncGeneratorPrototype);
    setPrototypeOf(declaration, AsyncGeneratorFunctionPrototype);
    apply(weakMapSet, owners, [generatorFunction, declaration]);
  }
  const generator = apply(generatorFunction, self, args) as Generator;
  // The object is made after the parameters are bound (a default may replace `g.prototype`).
  let owner = apply(weakMapGet, owners, [generatorFunction]) as Function | object | undefined;
  if (!owner) apply(weakMapSet, owners, [generatorFunction, (owner = create(AsyncGeneratorPrototype))]);
  let prototype = typeof owner === 'function' ? (owner as { prototype?: unknown }).prototype : owner;
  if (!isObject(prototype)) prototype = AsyncGeneratorPrototype;
  const object = create(prototype as object);
  apply(weakMapSet, internals, [object, new Internals(generator)]);
  return object;
}
