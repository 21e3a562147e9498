// GetIterator(obj, async) and %AsyncFromSyncIteratorPrototype% (ecma262 7.4, 27.1.6), shared by
// `for await` and `yield*`. The async-from-sync wrapper follows the current specification (ecma262
// PR 2600): a rejected value closes the sync iterator, and a missing `throw` closes it and throws a
// TypeError. Node 20 predates that change.
import { apply, awaitValue, newPromise, lastResolve, lastReject } from './intrinsics.js';
import { symbolAsyncIterator } from './async-generator.js';

/** An iterator and the `next` method read once from it (the spec's Iterator Record). */
export interface IteratorRecord {
  iterator: object;
  next: unknown;
}

export function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** GetMethod(value, key): undefined for null/undefined, a TypeError for anything else not callable. */
export function getMethod(value: unknown, key: PropertyKey): Function | undefined {
  const method = (value as Record<PropertyKey, unknown>)[key];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== 'function') throw new TypeError(`${String(key)} is not a function`);
  return method;
}

export function call(fn: unknown, self: unknown, args: unknown[]): unknown {
  if (typeof fn !== 'function') throw new TypeError(`${String(fn)} is not a function`);
  return apply(fn, self, args);
}

function iteratorRecord(iterator: unknown): IteratorRecord {
  if (!isObject(iterator)) throw new TypeError('Result of the Symbol.asyncIterator method is not an object');
  return { iterator, next: (iterator as { next: unknown }).next };
}

/** GetIterator(obj, async), falling back to an async-from-sync wrapper around the sync iterator. */
export function getAsyncIterator(value: unknown): IteratorRecord {
  const method = getMethod(value, symbolAsyncIterator);
  if (method !== undefined) return iteratorRecord(apply(method, value, []));
  const syncMethod = getMethod(value, Symbol.iterator);
  if (syncMethod === undefined) throw new TypeError(`${typeof value === 'object' ? 'object' : String(value)} is not async iterable`);
  const syncIterator = apply(syncMethod, value, []);
  if (!isObject(syncIterator)) throw new TypeError('Result of the Symbol.iterator method is not an object');
  const asyncIterator = new AsyncFromSyncIterator({ iterator: syncIterator, next: (syncIterator as { next: unknown }).next });
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

/** AsyncFromSyncIteratorContinuation. */
function continuation(result: unknown, record: IteratorRecord, closeOnRejection: boolean): Promise<unknown> {
  const promise = newPromise();
  const resolve = lastResolve;
  const reject = lastReject;
  let done: boolean;
  let value: unknown;
  try {
    done = !!(result as IteratorResult<unknown>).done;
    value = (result as IteratorResult<unknown>).value;
  } catch (error) {
    reject(error);
    return promise;
  }
  const onRejected =
    done || !closeOnRejection
      ? reject
      : (error: unknown) => {
          closeQuietly(record);
          reject(error);
        };
  try {
    awaitValue(value, (fulfilled) => resolve({ value: fulfilled, done }), onRejected);
  } catch (error) {
    // PromiseResolve threw (a throwing `constructor` getter on a native promise).
    onRejected(error);
  }
  return promise;
}

function rejected(error: unknown): Promise<unknown> {
  const promise = newPromise();
  lastReject(error);
  return promise;
}

/** %AsyncFromSyncIteratorPrototype%: an async view of a sync iterator. */
class AsyncFromSyncIterator {
  constructor(private readonly record: IteratorRecord) {}

  next(...args: unknown[]): Promise<unknown> {
    let result: unknown;
    try {
      result = call(this.record.next, this.record.iterator, args.length ? [args[0]] : []);
      if (!isObject(result)) throw new TypeError('Iterator result is not an object');
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, this.record, true);
  }

  return(...args: unknown[]): Promise<unknown> {
    let result: unknown;
    try {
      const method = getMethod(this.record.iterator, 'return');
      if (method === undefined) {
        const promise = newPromise();
        lastResolve({ value: args[0], done: true });
        return promise;
      }
      result = apply(method, this.record.iterator, args.length ? [args[0]] : []);
      if (!isObject(result)) throw new TypeError('Iterator result is not an object');
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, this.record, false);
  }

  throw(...args: unknown[]): Promise<unknown> {
    let result: unknown;
    try {
      const method = getMethod(this.record.iterator, 'throw');
      if (method === undefined) {
        // No `throw`: close the iterator, then reject with a TypeError (a throw from `return` wins).
        const returnMethod = getMethod(this.record.iterator, 'return');
        if (returnMethod !== undefined) {
          const closed = apply(returnMethod, this.record.iterator, []);
          if (!isObject(closed)) throw new TypeError('Iterator result is not an object');
        }
        throw new TypeError('The iterator does not provide a throw method');
      }
      result = apply(method, this.record.iterator, args.length ? [args[0]] : []);
      if (!isObject(result)) throw new TypeError('Iterator result is not an object');
    } catch (error) {
      return rejected(error);
    }
    return continuation(result, this.record, true);
  }
}
