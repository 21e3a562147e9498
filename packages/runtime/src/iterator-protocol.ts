// The pieces of the iterator protocol every async iteration helper shares (ecma262 7.4, 27.1.3):
// %AsyncIteratorPrototype%, the Symbol.asyncIterator it is keyed by (a stand-in symbol on engines
// without one), GetMethod, the result type check and the shape of an iterator's `send`. The async
// generator driver needs only these, not GetIterator's async-from-sync view (async-iterator.ts).
// Errors are TypeErrors with terse messages: code tells them apart by type, as it must across
// engines, whose messages all differ.
import { newPromise, lastResolve, lastReject, type ResumeKind } from './intrinsics.js';

/** Symbol.asyncIterator, or a stand-in on engines that lack it. */
export const symbolAsyncIterator: symbol = (Symbol as { asyncIterator?: symbol }).asyncIterator || Symbol('Symbol.asyncIterator');

/** %AsyncIteratorPrototype%: `[Symbol.asyncIterator]() { return this }`, named "[Symbol.asyncIterator]" by its key. */
export const AsyncIteratorPrototype: object = Object.defineProperty({}, symbolAsyncIterator, {
  // Every descriptor the runtime builds has a null prototype: `get`, `value`, `enumerable`... put on
  // Object.prototype must not become part of it (ToPropertyDescriptor reads inherited fields too).
  __proto__: null,
  value: { [symbolAsyncIterator]() { return this; } }[symbolAsyncIterator],
  writable: true,
  configurable: true,
} as PropertyDescriptor);

/** Calls next (0), throw (1) or return (2) of an iterator (async-iterator.ts makes them) with `args`; NO_METHOD when throw or return is missing. */
export type Send = (kind: ResumeKind, args: unknown[]) => unknown;

/** What `send` returns when the iterator has no such method. */
export const NO_METHOD = {};

/** An empty argument list (Reflect.apply copies it, so one serves every call). */
export const noArguments: unknown[] = [];

/** Throws a TypeError. */
export function fail(message: string): never {
  throw new TypeError(message);
}

export function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** GetMethod(value, key): undefined for null/undefined, a TypeError for anything else not callable. */
export function getMethod(value: unknown, key: PropertyKey): Function | undefined {
  const method = (value as Record<PropertyKey, unknown>)[key];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== 'function') fail('not a function');
  return method;
}

/** The TypeError an iterator protocol step throws for a result that is not an object. */
export function checkResult(result: unknown): IteratorResult<unknown> {
  if (!isObject(result)) fail('not an object');
  return result as IteratorResult<unknown>;
}

/** A promise of the intrinsic Promise, already rejected with `reason` (or fulfilled with `value`). */
export function settledPromise(value: unknown, rejected?: boolean): Promise<unknown> {
  const promise = newPromise();
  (rejected ? lastReject : lastResolve)(value);
  return promise;
}
