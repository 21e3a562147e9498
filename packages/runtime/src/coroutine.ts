// The engine room shared by `spawn` and `spawnGlobal`: runs the generator an async function became,
// settling one promise. `subscribe` is the only thing that differs between them: how a suspension
// waits for its value.
import { apply, newPromise, resumeGenerator, lastResolve, lastReject, type ResumeKind } from './intrinsics.js';
import { activeTracer, nextCoroutineId } from './trace.js';

/** Waits for `value` as `await` does and continues with `onFulfilled` or `onRejected`. */
export type Subscribe = (value: unknown, onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void) => void;

// What the wrapper of the coroutine whose body is starting handed over for it: a method passes the
// `super` arrows it created (a generator cannot contain `super`). A method's generator is created
// once per class evaluation, outside any method, so it cannot close over per-call values; its first
// statement reads them from here instead. Each start restores the outer value when its synchronous
// part ends, so a nested start (in a parameter default, say) never leaks its own.
let startingCaptures: unknown;

/** The captures passed to the coroutine whose generator body is starting (read by its first statement). */
export function currentCaptures(): unknown {
  return startingCaptures;
}


/** One running async function: its generator, its promise's resolving functions, its continuations. */
class Coroutine {
  readonly onFulfilled: (value: unknown) => void;
  readonly onRejected: (reason: unknown) => void;
  constructor(
    readonly generator: Generator,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
    readonly subscribe: Subscribe,
    readonly traceId: number
  ) {
    this.onFulfilled = (value) => step(this, 0, value);
    this.onRejected = (reason) => step(this, 1, reason);
  }
}

/** Resumes the generator and either settles the promise or waits for the next awaited value. */
function step(coroutine: Coroutine, kind: ResumeKind, input: unknown): void {
  const traceId = coroutine.traceId;
  let result: IteratorResult<unknown>;
  if (traceId) activeTracer!({ type: 'resume', id: traceId, value: input, threw: kind === 1 });
  try {
    result = resumeGenerator(coroutine.generator, kind, input);
  } catch (error) {
    if (traceId) activeTracer!({ type: 'settle', id: traceId, value: error, threw: true });
    coroutine.reject(error);
    return;
  }
  if (result.done) {
    if (traceId) activeTracer!({ type: 'settle', id: traceId, value: result.value, threw: false });
    coroutine.resolve(result.value);
  } else {
    if (traceId) activeTracer!({ type: 'suspend', id: traceId, value: result.value });
    try {
      coroutine.subscribe(result.value, coroutine.onFulfilled, coroutine.onRejected);
    } catch (error) {
      // PromiseResolve itself threw (a `constructor` getter on a native promise): the await throws.
      step(coroutine, 1, error);
    }
  }
}

export function runCoroutine(
  PromiseConstructor: PromiseConstructor,
  subscribe: Subscribe,
  generatorFunction: (...args: unknown[]) => Generator,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget: Function | undefined,
  captures: unknown
): Promise<unknown> {
  // Async functions are not constructors: `new f()` throws the TypeError the engine would, after the
  // arguments were evaluated, as natively.
  if (newTarget !== undefined) throw new TypeError(`${newTarget.name || 'anonymous'} is not a constructor`);
  const promise = newPromise(PromiseConstructor);
  const resolve = lastResolve;
  const reject = lastReject;
  const outerCaptures = startingCaptures;
  if (captures !== outerCaptures) startingCaptures = captures;
  const traceId = activeTracer ? nextCoroutineId() : 0;
  if (traceId) activeTracer!({ type: 'create', id: traceId, name: generatorFunction.name });
  let generator: Generator;
  // Parameters are bound when the generator function is called: a throwing default or a failed
  // destructuring must reject the promise, as it does natively, not throw at the call site.
  try {
    generator = apply(generatorFunction, self, args) as Generator;
  } catch (error) {
    startingCaptures = outerCaptures;
    if (traceId) activeTracer!({ type: 'settle', id: traceId, value: error, threw: true });
    reject(error);
    return promise;
  }
  // Parameter defaults may have started other coroutines.
  startingCaptures = captures;
  step(new Coroutine(generator, resolve, reject, subscribe, traceId), 0, undefined);
  startingCaptures = outerCaptures;
  return promise;
}
