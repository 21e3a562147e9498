// The runtime's own generators that lowered code runs with `yield*` (the exits of a `for await` loop,
// the disposal of an `await using` block): what `yield*` reads off them is fixed at load.
import { GeneratorPrototype } from './intrinsics.js';

/**
 * The `prototype` of the runtime's own generator methods that lowered code runs with `yield*`:
 * %GeneratorPrototype%'s next and throw as they were at load, and nothing else. `yield*` reads
 * [Symbol.iterator], next and throw off the generator object, and %IteratorPrototype% and
 * %GeneratorPrototype% may have been patched since. No `return`: while these run, the body is
 * awaiting, and a driver resumes an await with next or throw only. The generator objects never reach
 * user code, so one prototype serves them all.
 */
export const loadTimeGeneratorPrototype = {
  __proto__: null,
  next: GeneratorPrototype.next,
  throw: GeneratorPrototype.throw,
  [Symbol.iterator]() {
    return this;
  },
} as object;
