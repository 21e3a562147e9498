// `yield*` inside an async generator:
//   "const r = yield* xs"  =>  "const r = yield yieldStar(xs)"
// GetIterator(xs, async) runs here, in the body, so its errors are thrown where `yield*` stands. The
// body then yields the delegate sentinel (await-marker.ts) and stays suspended at that one `yield`
// while the driver (async-generator.ts) runs the spec's delegation loop itself (ecma262 15.5.5):
// `next` read once, inner results awaited and type-checked, values passed on without a second
// await, `throw` and `return` forwarded. The body is resumed once, when the loop ends: with the inner
// iterator's done value (the value of `yield*`), a return completion, or an error.
//
// No generator runs per element, so delegation costs what native delegation costs: 2 ticks per value.
import { getAsyncIterator } from './async-iterator.js';
import { DELEGATE, mark } from './await-marker.js';

/** GetIterator(iterable, async); returns the sentinel for the body to yield. */
export function yieldStar(iterable: unknown): object {
  return mark(DELEGATE, getAsyncIterator(iterable));
}
