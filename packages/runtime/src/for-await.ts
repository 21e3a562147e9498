// `for await (x of xs) body`, as ForIn/OfBodyEvaluation with AsyncIteratorClose:
//   "{ const _it = forAwait(xs); try { for (;;) { if (_it.done(yield _it.next())) break; const x = _it.value(); body } }
//      catch (e) { yield* _it.throwing(e); } finally { yield* _it.close(); } }"
// `next` is read once; each result is awaited and type-checked; on an abrupt exit from the body
// `return` is read once, called and awaited, its result type-checked on break/return and its errors
// swallowed on throw. An error from `next` itself never calls `return`. Awaits are yielded raw in an
// async function and as await markers in an async generator (`marked`). Per step the loop makes no
// closure and no array: only the call to `next` and the await the spec makes. Nothing user code can
// patch or add later is read: the record's fields are its own, and the `yield*` of an exit finds the
// methods of %GeneratorPrototype% as they were at load.
import { getAsyncIterator } from './async-iterator.js';
import { checkResult, noArguments, NO_METHOD, type Send } from './iterator-protocol.js';
import { awaiting, loadTimeGeneratorPrototype } from './load-time-generator-methods.js';

class ForAwait {
  private readonly send: Send;
  /** The body is running: leaving it now must close the iterator. */
  private active = false;
  private current: unknown;
  constructor(iterable: unknown, private readonly marked?: boolean) {
    this.send = getAsyncIterator(iterable);
  }
  /** Calls `next` (the body yields what this returns, to await it). */
  next(): unknown {
    this.active = false;
    return awaiting(this.marked, this.send(0, noArguments));
  }
  /** Checks the awaited result and reads its value; true when the loop is over. */
  done(result: unknown): boolean {
    if (checkResult(result).done) return true;
    // IteratorValue comes before the body: a throwing `value` getter does not close the iterator.
    this.current = (result as IteratorResult<unknown>).value;
    this.active = true;
    return false;
  }
  value(): unknown {
    return this.current;
  }
  /** The body threw: close the iterator, ignoring anything that goes wrong doing so, and rethrow. */
  *throwing(error: unknown): Generator<unknown, never, unknown> {
    if (this.active) {
      this.active = false;
      try {
        const returned = this.send(2, noArguments);
        if (returned !== NO_METHOD) yield awaiting(this.marked, returned);
      } catch {
        // The body's error wins.
      }
    }
    throw error;
  }
  /** The body left by break, return or a labelled continue: close the iterator and check its answer. */
  *close(): Generator<unknown, void, unknown> {
    if (!this.active) return;
    this.active = false;
    const returned = this.send(2, noArguments);
    if (returned !== NO_METHOD) checkResult(yield awaiting(this.marked, returned));
  }
}

// The record inherits nothing, so accessors user code puts on Object.prototype (`active`, `current`...)
// never meet its fields; the generators of close() and throwing() find only what `yield*` needs.
const { close, throwing } = Object.setPrototypeOf(ForAwait.prototype, null) as Record<string, { prototype: object }>;
close!.prototype = throwing!.prototype = loadTimeGeneratorPrototype;

/** Starts a `for await` loop over `iterable` (GetIterator, async). */
export function forAwait(iterable: unknown, marked?: boolean): ForAwait {
  return new ForAwait(iterable, marked);
}
