// The intrinsics every helper uses, captured once when the runtime loads (the "primordials" pattern).
// Native `await` uses %Promise%, PromiseResolve and PerformPromiseThen, never the current global
// `Promise` or an instance's `then`: reading them later would let user code observe or change what
// `await` does (SEMANTICS.md A5-A7). Binding `call` up front also keeps a patched
// `Function.prototype.call`/`apply` out of the driver.


/** %Promise% as it was when the runtime loaded. */
export const IntrinsicPromise: PromiseConstructor = Promise;

/** PromiseResolve(%Promise%, value): returns a native promise as is, wraps anything else. */
export const promiseResolve: (value: unknown) => Promise<unknown> = Promise.resolve.bind(Promise);

/** PerformPromiseThen on an intrinsic promise, immune to a patched `Promise.prototype.then`. */
export const promiseThen = Function.prototype.call.bind(Promise.prototype.then) as (
  promise: Promise<unknown>,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void
) => Promise<unknown>;

/** Reflect.apply as it was at load. */
export const apply: (fn: Function, self: unknown, args: ArrayLike<unknown>) => unknown = Reflect.apply;

// %GeneratorPrototype%.next / .throw / .return, called without reading them off the generator object.
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
type Resume = (generator: Generator, value: unknown) => IteratorResult<unknown>;
export const generatorNext = Function.prototype.call.bind(GeneratorPrototype.next) as Resume;
export const generatorThrow = Function.prototype.call.bind(GeneratorPrototype.throw) as Resume;
export const generatorReturn = Function.prototype.call.bind(GeneratorPrototype.return) as Resume;

