// Drives the generator that an async function became. The transformer turns
//   "async function f(a, b) { body }"
// into
//   "function f(a) { return spawn(_f, this, [a], new.target) } function* _f(a, b) { body }"
// and every `await x` in the body into `yield x`; spawn plays the part of the engine.
//
// Native-exact timing: each suspension subscribes with PerformPromiseThen(PromiseResolve(value)),
// exactly what the spec's Await does, so a native promise or plain value resumes after 1 tick, a
// thenable after 2 and a Promise subclass after 3; `return v` settles the returned promise through the
// capability's resolve function, as native does (1 tick for a value, 3 for a promise). The intrinsics
// were captured when the runtime loaded, so patches made later are never observed.
//
// Per call it makes the promise and the generator object, and at the first await two continuations
// (one context, two closures: a body that returns before awaiting, as a recursion's base case does,
// never makes them); per await, what the spec's Await makes (PromiseResolve, then). `spawnGlobal` runs on
// the same driver with another Promise and subscription.
import { IntrinsicPromise, apply, awaitValue, newPromise, resumeGenerator, lastResolve, lastReject } from './intrinsics.js';

/** Waits for `value` as `await` does and continues with `onFulfilled` or `onRejected`. */
export type Subscribe = (value: unknown, onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void) => void;

/** Makes a coroutine's generator; installed by trace.ts while a tracer is, to report its life. */
export type StartHook = (generatorFunction: Function, self: unknown, args: ArrayLike<unknown>) => Generator;

// The captures of the coroutine whose body is starting (read through coroutine.ts's
// `currentCaptures`). Each start restores the outer value when its synchronous part ends, so a nested
// start (in a parameter default, say) never leaks its own.
export let startingCaptures: unknown;

let startHook: StartHook | undefined;

/** Installs (or removes) the hook that makes each coroutine's generator (trace.ts). */
export function setStartHook(hook: StartHook | undefined): void {
  startHook = hook;
}

/**
 * Runs `generatorFunction` with `self` and `args` as an async function body would run, and returns
 * the async function's promise (an intrinsic Promise). `newTarget` is the wrapper's `new.target`;
 * `captures` carries a method's `super` arrows to a generator created outside the method.
 * `PromiseConstructor` and `subscribe` are for `spawnGlobal` only.
 */
export function spawn(
  generatorFunction: Function,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget?: Function,
  captures?: unknown,
  PromiseConstructor: PromiseConstructor = IntrinsicPromise,
  subscribe: Subscribe = awaitValue
): Promise<unknown> {
  // Async functions are not constructors: `new f()` throws the TypeError the engine would, after the
  // arguments were evaluated, as natively.
  if (newTarget !== undefined) throw TypeError(newTarget.name + ' is not a constructor');
  const promise = newPromise(PromiseConstructor);
  const resolve = lastResolve;
  const reject = lastReject;
  const outerCaptures = startingCaptures;
  startingCaptures = captures;
  // Parameters are bound when the generator function is called: a throwing default or a failed
  // destructuring must reject the promise, as it does natively, not throw at the call site.
  try {
    const generator = startHook ? startHook(generatorFunction, self, args) : (apply(generatorFunction, self, args) as Generator);
    const result = resumeGenerator(generator, 0, undefined);
    // A body that returns before its first await needs no continuations.
    if (result.done) resolve(result.value);
    else suspend(generator, result.value, resolve, reject, subscribe);
  } catch (error) {
    reject(error);
  }
  startingCaptures = outerCaptures;
  return promise;
}

/** The body awaits `awaited`: makes the continuations that resume it, once per call, and subscribes. */
function suspend(generator: Generator, awaited: unknown, resolve: (value: unknown) => void, reject: (reason: unknown) => void, subscribe: Subscribe): void {
  // One continuation serves every fulfilled await; `threw` is only ever passed by the rejection
  // continuation and by a failed subscription.
  const step = (value?: unknown, threw?: boolean): void => {
    let result: IteratorResult<unknown>;
    try {
      result = resumeGenerator(generator, threw ? 1 : 0, value);
    } catch (error) {
      return reject(error);
    }
    if (result.done) resolve(result.value);
    else wait(result.value, step, onRejected, subscribe);
  };
  const onRejected = (reason: unknown) => step(reason, true);
  wait(awaited, step, onRejected, subscribe);
}

/** Subscribes the continuations to `value`; a subscription that throws throws into the body at its await. */
function wait(value: unknown, step: (value?: unknown, threw?: boolean) => void, onRejected: (reason: unknown) => void, subscribe: Subscribe): void {
  try {
    subscribe(value, step, onRejected);
  } catch (error) {
    // PromiseResolve itself threw (a `constructor` getter on a native promise): the await throws.
    step(error, true);
  }
}
