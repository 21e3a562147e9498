// GetIterator(obj, async) and %AsyncFromSyncIteratorPrototype% (ecma262 7.4.3, 27.1.6), shared by
// `for await` and `yield*`:
//   "for await (x of [p])" / "yield* [p]"  =>  getAsyncIterator([p]) sends to an async-from-sync view
// An iterator is handed to its consumer as one function, `send(kind, args)`: it calls the iterator's
// next (read once, by GetIterator), throw or return (read by GetMethod at each call) and returns what
// the call returned, for the consumer to await, or NO_METHOD when throw or return is missing (a
// missing `next` is called all the same, and throws). The
// async-from-sync view is never reachable from user code, so it needs no object: it is a `send` over
// the sync iterator's `send`. It follows the current specification (ecma262 PR 2600): a rejected value
// closes the sync iterator, and a missing `throw` closes it and rejects with a TypeError (Node 20
// predates that change). Each step subscribes once with `then` and returns the promise `then`
// derives, which is the spec's PerformPromiseThen(valueWrapper, unwrap, closeIterator, capability).
import { apply, awaitValue } from './intrinsics.js';
import { checkResult, fail, getMethod, isObject, noArguments, NO_METHOD, settledPromise, symbolAsyncIterator, type Send } from './iterator-protocol.js';

/** GetIterator(value, async), falling back to an async-from-sync view of the sync iterator. */
export function getAsyncIterator(value: unknown): Send {
  let method = getMethod(value, symbolAsyncIterator);
  const isSync = method === undefined;
  if (isSync) method = getMethod(value, Symbol.iterator) || fail('not async iterable');
  const iterator = apply(method!, value, noArguments);
  if (!isObject(iterator)) fail('not an object');
  const next = (iterator as { next: Function }).next;
  const send: Send = (kind, args) => {
    // `next` is called whatever it is: one that is missing or not callable is a TypeError (IteratorNext).
    if (!kind) return apply(next, iterator, args);
    const method = getMethod(iterator, kind === 1 ? 'throw' : 'return');
    return method === undefined ? NO_METHOD : apply(method, iterator, args);
  };
  return isSync ? fromSync(send) : send;
}

// The unwrap steps of AsyncFromSyncIteratorContinuation, shared by every step.
const unwrapDone = (value: unknown) => ({ value, done: true });
const unwrapNotDone = (value: unknown) => ({ value, done: false });

/** %AsyncFromSyncIteratorPrototype% next/throw/return over a sync iterator's `send`: each returns a promise. */
function fromSync(syncSend: Send): Send {
  // IteratorClose for a throw completion: call `return`, ignore what happens; the original error wins.
  const close = () => {
    try {
      syncSend(2, noArguments);
    } catch {}
  };
  // closeIterator: a rejected value closes the sync iterator.
  const closeIterator = (error: unknown) => {
    close();
    throw error;
  };
  return (kind, args) => {
    try {
      const result = syncSend(kind, args);
      if (result === NO_METHOD) {
        // No `return`: the value, done. No `throw`: close the iterator (checking the result), then a TypeError.
        if (kind === 2) return settledPromise({ value: args[0], done: true });
        const closed = syncSend(2, noArguments);
        if (closed !== NO_METHOD) checkResult(closed);
        fail('no throw method');
      }
      const done = !!checkResult(result).done;
      const value = (result as IteratorResult<unknown>).value;
      const closing = !done && kind !== 2;
      try {
        return awaitValue(value, done ? unwrapDone : unwrapNotDone, closing ? closeIterator : undefined);
      } catch (error) {
        // PromiseResolve threw (a throwing `constructor` getter on a native promise).
        if (closing) close();
        throw error;
      }
    } catch (error) {
      return settledPromise(error, true);
    }
  };
}
