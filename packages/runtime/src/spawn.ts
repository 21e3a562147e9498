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
// Per call it makes the promise, the generator object and two continuations (one context, two
// closures); per await, what the spec's Await makes (PromiseResolve, then). `spawnGlobal` runs on
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
  let generator: Generator;
  // One continuation serves both the start and every fulfilled await; `threw` is only ever passed by
  // the rejection continuation and by a failed subscription.
  const step = (value?: unknown, threw?: boolean): void => {
    let result: IteratorResult<unknown>;
    try {
      result = resumeGenerator(generator, threw ? 1 : 0, value);
    } catch (error) {
      return reject(error);
    }
    if (result.done) resolve(result.value);
    else {
      try {
        subscribe(result.value, step, onRejected);
      } catch (error) {
        // PromiseResolve itself threw (a `constructor` getter on a native promise): the await throws.
        step(error, true);
      }
    }
  };
  const onRejected = (reason: unknown) => step(reason, true);
  const outerCaptures = startingCaptures;
  startingCaptures = captures;
  // Parameters are bound when the generator function is called: a throwing default or a failed
  // destructuring must reject the promise, as it does natively, not throw at the call site.
  try {
    generator = startHook ? startHook(generatorFunction, self, args) : (apply(generatorFunction, self, args) as Generator);
    step();
  } catch (error) {
    reject(error);
  }
  startingCaptures = outerCaptures;
  return promise;
}
