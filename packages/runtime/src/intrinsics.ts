// The intrinsics every helper uses, captured once when the runtime loads (the "primordials" pattern).
// Native `await` uses %Promise%, PromiseResolve and PerformPromiseThen, never the current global
// `Promise` or an instance's `then`: reading them later would let user code observe or change what
// `await` does (SEMANTICS.md A5-A7).
//
// Calls go through `fn.call(...)` while `Function.prototype.call` is the original (V8 inlines that
// form; a bound `call` costs about a third more per step), and through copies bound at load time once
// user code has replaced it, so a patched `call` is never observed either way.

const FunctionPrototype = Function.prototype;
const originalCall = FunctionPrototype.call;
const bindCall = <F extends Function>(fn: F) => originalCall.bind(fn) as (self: unknown, ...args: unknown[]) => unknown;

/** True while `Function.prototype.call` is the one the runtime loaded with. */
export function callIsIntact(): boolean {
  return FunctionPrototype.call === originalCall;
}

/** %Promise% as it was when the runtime loaded. */
export const IntrinsicPromise: PromiseConstructor = Promise;

// NewPromiseCapability without an executor closure per promise: the executor is one shared function
// (promise constructors call it synchronously), and the resolving functions are read right after.
/** The resolving functions of the promise `newPromise` made last (read them right after the call). */
export let lastResolve: (value: unknown) => void = () => {};
export let lastReject: (reason: unknown) => void = () => {};
let executorCalled = false;
function captureCapability(resolve: (value: unknown) => void, reject: (reason: unknown) => void) {
  lastResolve = resolve;
  lastReject = reject;
  executorCalled = true;
}

/** A new promise from `PromiseConstructor`; its resolving functions are then `lastResolve`/`lastReject`. */
export function newPromise(PromiseConstructor: PromiseConstructor = IntrinsicPromise): Promise<unknown> {
  executorCalled = false;
  const promise = new PromiseConstructor(captureCapability);
  if (!executorCalled) throw new TypeError('the Promise constructor did not call its executor');
  return promise;
}

const promiseResolveMethod = Promise.resolve;
const promiseThenMethod = Promise.prototype.then;
const boundResolve = bindCall(promiseResolveMethod);
const boundThen = bindCall(promiseThenMethod);

/**
 * Await's subscription: PerformPromiseThen(PromiseResolve(%Promise%, value), onFulfilled, onRejected).
 * Returns the promise `then` derives (resolved with what the handler returns), for callers that
 * stand in for PerformPromiseThen with a result capability.
 */
export function awaitValue(value: unknown, onFulfilled: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown): Promise<unknown> {
  if (callIsIntact()) return promiseThenMethod.call(promiseResolveMethod.call(IntrinsicPromise, value), onFulfilled, onRejected);
  return boundThen(boundResolve(IntrinsicPromise, value), onFulfilled, onRejected) as Promise<unknown>;
}

const fulfilledPromise = promiseResolveMethod.call(IntrinsicPromise, undefined);

/**
 * Await of a value that is not an object (PromiseResolve makes an already fulfilled promise without
 * any observable step): `continuation` runs one tick later, with no promise made for the value.
 */
export function awaitPrimitive(continuation: () => void): void {
  if (callIsIntact()) promiseThenMethod.call(fulfilledPromise, continuation);
  else boundThen(fulfilledPromise, continuation);
}

/** Reflect.apply as it was at load. */
export const apply: (fn: Function, self: unknown, args: ArrayLike<unknown>) => unknown = Reflect.apply;

// %GeneratorPrototype%.next / .throw / .return, called without reading them off the generator object.
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
const generatorMethods = [GeneratorPrototype.next, GeneratorPrototype.throw, GeneratorPrototype.return];
const boundGeneratorMethods = generatorMethods.map(bindCall);

/** How to resume a generator: 0 next, 1 throw, 2 return. */
export type ResumeKind = 0 | 1 | 2;

/** %GeneratorPrototype%[next|throw|return].call(generator, value), immune to later patches. */
export function resumeGenerator(generator: Generator, kind: ResumeKind, value: unknown): IteratorResult<unknown> {
  return (
    callIsIntact() ? generatorMethods[kind]!.call(generator, value as never) : boundGeneratorMethods[kind]!(generator, value)
  ) as IteratorResult<unknown>;
}
