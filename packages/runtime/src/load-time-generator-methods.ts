// The runtime's own generators that lowered code runs with `yield*` (the exits of a `for await` loop,
// the disposal of an `await using` block): what they yield to await, and what `yield*` reads off
// them, fixed at load.
import { GeneratorPrototype } from './intrinsics.js';
import { awaitMarker } from './await-marker.js';

/**
 * What such a generator (or a `for await` step) yields to await `value`: the value itself in an
 * async function's body, whose driver awaits whatever is yielded; the await sentinel in an async
 * generator's (`marked`), whose plain yields are yields.
 */
export function awaiting(marked: boolean | undefined, value: unknown): unknown {
  return marked ? awaitMarker(value) : value;
}

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
