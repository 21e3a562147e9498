// The runtime's own generators that lowered code runs with `yield*` (the exits of a `for await` loop,
// the disposal of an `await using` block): what `yield*` reads off them is fixed at load.
import { GeneratorPrototype } from './intrinsics.js';

/**
 * Gives the runtime's own generator methods (which lowered code runs with `yield*`) a prototype with
 * %GeneratorPrototype%'s next and throw as they were at load, and nothing else: `yield*` reads
 * [Symbol.iterator], next and throw off the generator object, and %IteratorPrototype% and
 * %GeneratorPrototype% may have been patched since. No `return`: while these run, the body is
 * awaiting, and a driver resumes an await with next or throw only.
 */
export function withLoadTimeGeneratorMethods(...generatorFunctions: { prototype: object }[]): void {
  const prototype = {
    __proto__: null,
    next: GeneratorPrototype.next,
    throw: GeneratorPrototype.throw,
    [Symbol.iterator]() {
      return this;
    },
  } as object;
  for (const generatorFunction of generatorFunctions) generatorFunction.prototype = prototype;
}
