// Drives the generator that an async function became. The transformer turns
//   "async function f(a, b) { body }"
// into
//   "function f(a) { return spawn(_f, this, arguments, new.target) } function* _f(a, b) { body }"
// and every `await x` in the body into `yield x`; spawn plays the part of the engine.
//
// Native-exact timing: each suspension subscribes with PerformPromiseThen(PromiseResolve(value)),
// exactly what the spec's Await does, so a native promise or plain value resumes after 1 tick, a
// thenable after 2 and a Promise subclass after 3; `return v` settles the returned promise through the
// capability's resolve function, as native does (1 tick for a value, 3 for a promise). The intrinsics
// were captured when the runtime loaded, so patches made later are never observed.
import { IntrinsicPromise, awaitValue } from './intrinsics.js';
import { runCoroutine } from './coroutine.js';

/**
 * Runs `generatorFunction` with `self` and `args` as an async function body would run, and returns
 * the async function's promise (always an intrinsic Promise). `newTarget` is the wrapper's
 * `new.target`; `captures` carries a method's `super` arrows to a generator created outside the method.
 */
export function spawn(
  generatorFunction: (...args: unknown[]) => Generator,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget?: Function,
  captures?: unknown
): Promise<unknown> {
  return runCoroutine(IntrinsicPromise, awaitValue, generatorFunction, self, args, newTarget, captures);
}
