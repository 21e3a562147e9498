// GetIterator(obj, async) and %AsyncFromSyncIteratorPrototype% (ecma262 7.4.3, 27.1.6), shared by
// `for await` and `yield*`:
//   "for await (x of [p])" / "yield* [p]"  =>  getAsyncIterator([p]) is an async-from-sync iterator
// The async-from-sync wrapper follows the current specification (ecma262 PR 2600): a rejected value
// closes the sync iterator, and a missing `throw` closes it and throws a TypeError. Node 20 predates
// that change. Each step subscribes once with `then` and returns the promise `then` derives, which is
// the spec's PerformPromiseThen(valueWrapper, unwrap, closeIterator, promiseCapability): no promise
// capability and no closure per step.
import { apply, awaitValue, newPromise, lastResolve, lastReject } from './intrinsics.js';
import { AsyncIteratorPrototype, call, checkResult, getMethod, isObject, symbolAsyncIterator, type IteratorRecord } from './iterator-protocol.js';

function getIteratorFromMethod(value: unknown, method: Function): IteratorRecord {
  const iterator = apply(method, value, []);
  if (!isObject(iterator)) throw new TypeError('Result of the iterator method is not an object');
  return { iterator, next: (iterator as { next: unknown }).next };
}

/** GetIterator(value, async), falling back to an async-from-sync wrapper around the sync iterator. */
export function getAsyncIterator(value: unknown): IteratorRecord {
  const method = getMethod(value, symbolAsyncIterator);
  if (method !== undefined) return getIteratorFromMethod(value, method);
  const syncMethod = getMethod(value, Symbol.iterator);
  if (syncMethod === undefined) throw new TypeError(`${typeof value === 'object' ? 'object' : String(value)} is not async iterable`);
  const asyncIterator = new AsyncFromSyncIterator(getIteratorFromMethod(value, syncMethod));
  return { iterator: asyncIterator, next: asyncIterator.next };
}

/** IteratorClose(record, completion) for a throw completion: call `return`, ignore what happens. */
function closeQuietly(record: IteratorRecord) {
  try {
    const method = getMethod(record.iterator, 'return');
    if (method !== undefined) apply(method, record.iterator, []);
  } catch {
    // The original error wins.
  }
}

function rejected(error: unknown): Promise<unknown> {
  const promise = newPromise();
  lastReject(error);
  return promise;
}

// The unwrap steps of AsyncFromSyncIteratorContinuation, shared by every step.
const unwrapDone = (value: unknown) => ({ value, done: true });
const unwrapNotDone = (value: unknown) => ({ value, done: false });

/** %AsyncFromSyncIteratorPrototype%: an async view of a sync iterator. */
class AsyncFromSyncIterator {
  /** closeIterator: a rejected value closes the sync iterator (made once per iterator, not per step). */
  private readonly closeIterator: (error: unknown) => never;
  constructor(private readonly record: IteratorRecord) {
    this.closeIterator = (error) => {
      closeQuietly(record);
      throw error;
    };
  }

  /**
   * Calls `method` of the sync iterator with `value` (when the caller got one), checks the result,
   * then AsyncFromSyncIteratorContinuation(result, capability, record, closeOnRejection).
   */
  private forward(method: unknown, argumentCount: number, value: unknown, closeOnRejection: boolean): Promise<unknown> {
    let done: boolean;
    let resultValue: unknown;
    try {
      const result = checkResult(call(method, this.record.iterator, argumentCount ? 1 : 0, value));
      done = !!result.done;
      resultValue = result.value;
    } catch (error) {
      return rejected(error);
    }
    const closing = !done && closeOnRejection;
    try {
      return awaitValue(resultValue, done ? unwrapDone : unwrapNotDone, closing ? this.closeIterator : undefined);
    } catch (error) {
      // PromiseResolve threw (a throwing `constructor` getter on a native promise).
      if (closing) closeQuietly(this.record);
      return rejected(error);
    }
  }

  next(value?: unknown): Promise<unknown> {
    return this.forward(this.record.next, arguments.length, value, true);
  }

  return(value?: unknown): Promise<unknown> {
    let method: Function | undefined;
    try {
      method = getMethod(this.record.iterator, 'return');
    } catch (error) {
      return rejected(error);
    }
    if (method !== undefined) return this.forward(method, arguments.length, value, false);
    const promise = newPromise();
    lastResolve({ value, done: true });
    return promise;
  }

  throw(value?: unknown): Promise<unknown> {
    let method: Function | undefined;
    try {
      method = getMethod(this.record.iterator, 'throw');
      if (method === undefined) {
        // No `throw`: close the iterator, then reject with a TypeError (a throw from `return` wins).
        const returnMethod = getMethod(this.record.iterator, 'return');
        if (returnMethod !== undefined) checkResult(apply(returnMethod, this.record.iterator, []));
        throw new TypeError('The iterator does not provide a throw method');
      }
    } catch (error) {
      return rejected(error);
    }
    return this.forward(method, arguments.length, value, true);
  }
}
Object.setPrototypeOf(AsyncFromSyncIterator.prototype, AsyncIteratorPrototype);
