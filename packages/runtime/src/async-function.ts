// Lowered async functions as instances of a stand-in %AsyncFunction% (the transformer's
// `asyncFunctionPrototype` option), so that code telling async functions apart by
// `fn[Symbol.toStringTag]` or `Object.prototype.toString` (the `async` package) sees them as async.
// (Code that compares the prototype with the engine's own %AsyncFunction.prototype%, as
// is-async-function does, or reads the source text, still cannot.)
//   "const f = async (a) => a"    =>  "const f = asyncFunction({ f: (a) => spawn(_f, void 0, [a]) }.f)"
//   "({ async m() {} })"          =>  "asyncFunctionMethods({ m() { return spawn(_m, this, []) } }, ["m"])"
//   "class C { async m() {} }"    =>  "class C { ... } asyncFunctionMethods(C, ["m"], [])"
// Off by default: the prototype is set on each function object as it is made, one more step per
// evaluation of an async arrow or function expression.
import { eachMethod, functionKind, setPrototypeOf } from './function-kinds.js';

/** Stands in for %AsyncFunction.prototype%: `constructor` and `Symbol.toStringTag` "AsyncFunction". */
export const AsyncFunctionPrototype: object = functionKind('AsyncFunction', 'function');

/** Makes a lowered async function inherit from the stand-in %AsyncFunction.prototype%, and returns it. */
export function asyncFunction<F extends Function>(wrapper: F): F {
  return setPrototypeOf(wrapper, AsyncFunctionPrototype);
}

/**
 * Does what `asyncFunction` does for the async methods of an object literal or class (their keys; for
 * a class, prototype methods then static ones), once the object or class exists.
 */
export function asyncFunctionMethods<T extends object>(home: T, methods: unknown[], staticMethods?: unknown[]): T {
  eachMethod(home, methods, staticMethods, 1, asyncFunction);
  return home;
}
