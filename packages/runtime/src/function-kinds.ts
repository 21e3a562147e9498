// What lowered async functions and async generator functions share: the stand-in constructors
// %AsyncFunction% and %AsyncGeneratorFunction% with their prototypes, and finding an object literal's
// or a class's methods once it exists, by keys converted where they stood.
//   "Object.getPrototypeOf(async function () {}).constructor"
//   =>  the stand-in, whose calls build functions from source text through the engine's constructor
import { apply } from './intrinsics.js';

// Captured when the runtime loads, like the other intrinsics: later patches are never observed.
export const { create, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf } = Object;
export const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * A built-in's property: not enumerable, configurable, writable when said. Like every descriptor the
 * runtime builds, it has a null prototype, so fields put on Object.prototype (`get`, `enumerable`...)
 * are not part of it.
 */
export const builtIn = (value: unknown, writable?: boolean) => ({ __proto__: null, value, writable, configurable: true }) as PropertyDescriptor;

/**
 * Stands in for %AsyncFunction% or %AsyncGeneratorFunction% (made by the syntax `async` `keyword`),
 * which only native syntax can reach, and returns its prototype: it inherits `Function.prototype` and
 * has `constructor` and `Symbol.toStringTag`. Calling the stand-in builds a function from source text,
 * which cannot be lowered: the engine's own constructor builds it, and an async function is made to
 * inherit the stand-in. `instancePrototype` is the prototype's `prototype` (%AsyncGeneratorPrototype%,
 * which async generator functions' own `prototype`s inherit).
 */
export function functionKind(name: string, keyword: 'function' | 'function*', instancePrototype?: object): object {
  // A function expression, named by its key: constructible, as the intrinsics are.
  const constructor = {
    [name]: function (this: unknown, _body: string): Function {
      // Spelled in two parts so that no tool scanning the runtime's text for leftover async syntax is misled.
      const made = apply(Function(`return Object.getPrototypeOf(async ${keyword} () {}).constructor`)(), undefined, arguments) as Function;
      // An async function is made an instance of the stand-in, as the lowered ones are. An async
      // generator function keeps the engine's prototypes: its `prototype` inherits the engine's
      // %AsyncGeneratorPrototype%, which its objects need, and must stay `prototype` of its prototype.
      return instancePrototype ? made : setPrototypeOf(made, prototype);
    },
  }[name]!;
  // (Symbol keys come after string keys in any order of definition, as natively.)
  const prototype = create(Function.prototype, { constructor: builtIn(constructor), [Symbol.toStringTag]: builtIn(name) });
  if (instancePrototype) defineProperty(prototype, 'prototype', builtIn(instancePrototype));
  defineProperty(constructor, 'prototype', { __proto__: null, value: prototype, writable: false } as PropertyDescriptor);
  setPrototypeOf(constructor, Function);
  return prototype;
}

/**
 * Calls `give(method, extra)` for each method listed of an object literal, or of a class (prototype
 * methods in `methods`, static ones in `staticMethods`), once it exists. A list holds
 * keys, each followed by `stride - 1` extras. A method replaced in the meantime (by an accessor, or a
 * value that is not a function) is left alone.
 */
export function eachMethod(home: object, methods: unknown[], staticMethods: unknown[] | undefined, stride: number, give: (method: Function, extra: unknown) => unknown): void {
  if (staticMethods) {
    eachMethod(home, staticMethods, undefined, stride, give);
    home = (home as { prototype: object }).prototype;
  }
  for (let i = 0; i < methods.length; i += stride) {
    const descriptor = getOwnPropertyDescriptor(home, methods[i] as PropertyKey);
    // An accessor's descriptor has no `value` of its own: one on Object.prototype is not the method.
    const method = descriptor && apply(hasOwnProperty, descriptor, ['value']) && descriptor.value;
    if (typeof method === 'function') give(method, methods[i + 1]);
  }
}
