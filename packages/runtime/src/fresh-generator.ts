// For generator functions created on every evaluation of an async arrow or function expression.
// V8 gives each new generator function its own `prototype` object and, on its first call, a new map
// for its generator objects: about 3 µs, some twenty times the call itself. Sharing one prototype
// makes that first call about three times cheaper. Unobservable: the generator function and its
// generator objects never leave the lowered code and the runtime.
const sharedPrototype = Object.create(Object.getPrototypeOf(function* () {}).prototype);

/** Returns `generatorFunction`, whose generator objects now share one prototype. */
export function freshGenerator<F extends Function>(generatorFunction: F): F {
  generatorFunction.prototype = sharedPrototype;
  return generatorFunction;
}
