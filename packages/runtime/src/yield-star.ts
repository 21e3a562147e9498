// `yield*` inside an async generator, as the spec's loop (ecma262 15.5.5): the body runs
//   "yield* x"  =>  "yield* yieldStar(x)"
// and this sync generator drives the inner async iterator: `next` read once, every inner result
// awaited and type-checked (a non-object is a TypeError, never a hang), values passed through
// without a second await, `throw` forwarded (or the inner iterator closed and a TypeError thrown when
// it has none), `return` forwarded keeping its value.
import { awaitMarker } from './await-marker.js';
import { markDelegatedYield } from './async-generator.js';
import { call, getAsyncIterator, getMethod, isObject } from './async-iterator.js';
import { delegateReturn, takeResumeKind } from './yield-star-protocol.js';

function checked(result: unknown): IteratorResult<unknown> {
  if (!isObject(result)) throw new TypeError('Iterator result is not an object');
  return result as IteratorResult<unknown>;
}

export function* yieldStar(iterable: unknown): Generator<unknown, unknown, unknown> {
  const record = getAsyncIterator(iterable);
  const iterator = record.iterator;
  let kind = 0;
  let received: unknown = undefined;
  for (;;) {
    let result: IteratorResult<unknown>;
    if (kind === 0) {
      result = checked(yield awaitMarker(call(record.next, iterator, [received])));
    } else if (kind === 1) {
      const throwMethod = getMethod(iterator, 'throw');
      if (throwMethod === undefined) {
        // AsyncIteratorClose with a normal completion, then the protocol violation.
        const returnMethod = getMethod(iterator, 'return');
        if (returnMethod !== undefined) checked(yield awaitMarker(call(returnMethod, iterator, [])));
        throw new TypeError('The iterator does not provide a throw method');
      }
      result = checked(yield awaitMarker(call(throwMethod, iterator, [received])));
    } else {
      const returnMethod = getMethod(iterator, 'return');
      if (returnMethod === undefined) {
        yield delegateReturn(received);
        return;
      }
      result = checked(yield awaitMarker(call(returnMethod, iterator, [received])));
      if (result.done) {
        yield delegateReturn(result.value);
        return;
      }
    }
    if (kind !== 2 && result.done) return result.value;
    const value = result.value;
    markDelegatedYield();
    received = yield value;
    kind = takeResumeKind();
  }
}
