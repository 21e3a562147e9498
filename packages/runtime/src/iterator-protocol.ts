// The pieces of the iterator protocol every async iteration helper shares (ecma262 7.4, 27.1.3):
// %AsyncIteratorPrototype%, the Symbol.asyncIterator it is keyed by (a stand-in symbol on engines
// without one), GetMethod, Call and the result type check. The async generator driver needs only
// these, not GetIterator's async-from-sync wrapper (async-iterator.ts).
import { apply } from './intrinsics.js';

/** Symbol.asyncIterator, or a stand-in on engines that lack it. */
export const symbolAsyncIterator: symbol = (Symbol as { asyncIterator?: symbol }).asyncIterator || Symbol('Symbol.asyncIterator');

/** %AsyncIteratorPrototype%: `[Symbol.asyncIterator]() { return this }`. */
export const AsyncIteratorPrototype: object = {};
Object.defineProperty(AsyncIteratorPrototype, symbolAsyncIterator, {
  value: { [Symbol.iterator]() { return this; } }[Symbol.iterator],
  writable: true,
  configurable: true,
});
// The function above is named "[Symbol.iterator]"; the spec's is "[Symbol.asyncIterator]".
Object.defineProperty((AsyncIteratorPrototype as Record<symbol, Function>)[symbolAsyncIterator], 'name', { value: '[Symbol.asyncIterator]' });

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

// Reflect.apply copies its argument list, so one empty list serves every call without arguments.
const noArguments: unknown[] = [];

/** Call(fn, self, « argument »), or with no argument when `argumentCount` is 0. */
export function call(fn: unknown, self: unknown, argumentCount: 0 | 1, argument?: unknown): unknown {
  if (typeof fn !== 'function') throw new TypeError(`${String(fn)} is not a function`);
  return apply(fn, self, argumentCount ? [argument] : noArguments);
}

/** Throws the TypeError an iterator protocol step throws for a result that is not an object. */
export function checkResult(result: unknown): IteratorResult<unknown> {
  if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
  return result as IteratorResult<unknown>;
}
