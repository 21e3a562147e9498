// The intrinsics every helper uses, captured once when the runtime loads (the "primordials" pattern).
// Native `await` uses %Promise%, PromiseResolve and PerformPromiseThen, never the current global
// `Promise` or an instance's `then`: reading them later would let user code observe or change what
// `await` does (SEMANTICS.md A5-A7).
//
// Every call goes through the captured `Reflect.apply` with an array literal, so a patched
// `Function.prototype.call` or `apply` is never observed either; V8 compiles that form to a direct
// call (measured no slower than `fn.call(...)`), and it minifies to less than any other.

/** Reflect.apply as it was at load. */
export const apply: (fn: Function, self: unknown, args: ArrayLike<unknown>) => unknown = Reflect.apply;

/** %Promise% as it was when the runtime loaded. */
export const IntrinsicPromise: PromiseConstructor = Promise;

// NewPromiseCapability without an executor closure per promise: the executor is one shared function
// (promise constructors call it synchronously), and the resolving functions are read right after.
/** The resolving functions of the promise `newPromise` made last (read them right after the call). */
export let lastResolve: (value: unknown) => void;
export let lastReject: (reason: unknown) => void;
function captureCapability(resolve: (value: unknown) => void, reject: (reason: unknown) => void) {
  lastResolve = resolve;
  lastReject = reject;
}

/** A new promise from `PromiseConstructor`; its resolving functions are then `lastResolve`/`lastReject`. */
export function newPromise(PromiseConstructor: PromiseConstructor = IntrinsicPromise): Promise<unknown> {
  lastResolve = undefined as never;
  const promise = new PromiseConstructor(captureCapability);
  // Only a replaced global Promise (`promise: 'global'`) can skip its executor.
  if (!lastResolve) throw TypeError();
  return promise;
}

const promiseResolve = IntrinsicPromise.resolve;
const promiseThen = IntrinsicPromise.prototype.then;

/**
 * Await's subscription: PerformPromiseThen(PromiseResolve(%Promise%, value), onFulfilled, onRejected).
 * Returns the promise `then` derives (resolved with what the handler returns), for callers that
 * stand in for PerformPromiseThen with a result capability.
 */
export function awaitValue(value: unknown, onFulfilled: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown): Promise<unknown> {
  return apply(promiseThen, apply(promiseResolve, IntrinsicPromise, [value]), [onFulfilled, onRejected]) as Promise<unknown>;
}

const fulfilledPromise = apply(promiseResolve, IntrinsicPromise, []);

/**
 * Await of a value that is not an object (PromiseResolve makes an already fulfilled promise without
 * any observable step): `continuation` runs one tick later, with no promise made for the value.
 */
export function awaitPrimitive(continuation: () => void): void {
  apply(promiseThen, fulfilledPromise, [continuation]);
}

// %GeneratorPrototype%.next / .throw / .return, called without reading them off the generator object.
/** %GeneratorPrototype%: read its methods when the runtime loads, never later. */
export const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
const generatorMethods = [GeneratorPrototype.next, GeneratorPrototype.throw, GeneratorPrototype.return];

/** How to resume a generator: 0 next, 1 throw, 2 return. */
export type ResumeKind = 0 | 1 | 2;

/** %GeneratorPrototype%[next|throw|return].call(generator, value), immune to later patches. */
export function resumeGenerator(generator: Generator, kind: ResumeKind, value: unknown): IteratorResult<unknown> {
  return apply(generatorMethods[kind]!, generator, [value]) as IteratorResult<unknown>;
}
