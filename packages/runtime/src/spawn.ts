// Drives the generator that an async function became. The transformer turns
//   "async function f(a, b) { body }"
// into
//   "function f(a, b) { return spawn(f$, this, arguments, new.target) } function* f$(a, b) { body }"
// and every `await x` in the body into `yield x`; this function plays the part of the engine.
//
// Native-exact timing: each suspension subscribes with PerformPromiseThen(PromiseResolve(value)),
// exactly what the spec's Await does, so a native promise or plain value resumes after 1 tick, a
// thenable after 2 and a Promise subclass after 3; `return v` settles the returned promise through the
// capability's resolve function, as native does (1 tick for a value, 3 for a promise).
import {
  IntrinsicPromise,
  apply,
  generatorNext,
  generatorThrow,
  promiseResolve,
  promiseThen,
} from './intrinsics.js';
import { activeTracer, nextCoroutineId } from './trace.js';

type Resume = typeof generatorNext;

/**
 * Runs `generatorFunction` with `self` and `args` as an async function body would run, and returns
 * the async function's promise. `newTarget` is the wrapper's `new.target`: async functions are not
 * constructors, so a `new` call throws the TypeError the engine would.
 */
export function spawn(
  generatorFunction: (...args: unknown[]) => Generator,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget?: Function
): Promise<unknown> {
  if (newTarget !== undefined) throw new TypeError(`${newTarget.name || 'anonymous'} is not a constructor`);
  return new IntrinsicPromise((resolve, reject) => {
    const traceId = activeTracer ? nextCoroutineId() : 0;
    if (traceId) activeTracer!({ type: 'create', id: traceId, name: generatorFunction.name });
    let generator: Generator;
    // Parameters are bound when the generator function is called: a throwing default or a failed
    // destructuring must reject the promise, as it does natively, not throw at the call site.
    try {
      generator = apply(generatorFunction, self, args) as Generator;
    } catch (error) {
      if (traceId) activeTracer!({ type: 'settle', id: traceId, value: error, threw: true });
      reject(error);
      return;
    }
    const onFulfilled = (value: unknown) => step(generatorNext, value, false);
    const onRejected = (reason: unknown) => step(generatorThrow, reason, true);
    function step(resume: Resume, input: unknown, threw: boolean) {
      let result: IteratorResult<unknown>;
      if (traceId) activeTracer!({ type: 'resume', id: traceId, value: input, threw });
      try {
        result = resume(generator, input);
      } catch (error) {
        if (traceId) activeTracer!({ type: 'settle', id: traceId, value: error, threw: true });
        reject(error);
        return;
      }
      if (result.done) {
        if (traceId) activeTracer!({ type: 'settle', id: traceId, value: result.value, threw: false });
        resolve(result.value);
      } else {
        if (traceId) activeTracer!({ type: 'suspend', id: traceId, value: result.value });
        promiseThen(promiseResolve(result.value), onFulfilled, onRejected);
      }
    }
    step(generatorNext, undefined, false);
  });
}
