// `await using` declarations, and the `using` declarations beside them in the same block, as the
// spec's DisposeCapability, AddDisposableResource and DisposeResources (explicit resource management,
// ECMA-262 2026):
//   "{ S1; await using x = a; using y = b; S2 }"
//   => "{ const _using = awaitUsing(); try { S1; const x = _using.add(a, true); const y = _using.add(b); S2 }
//        catch (e) { _using.threw(e); } finally { yield* _using.dispose(); } }"
// Each declaration reads its dispose method once, when it is evaluated (a TypeError then for a value
// that is not an object or has none); leaving the block calls the methods in reverse order, awaiting
// each async one where the spec awaits (1 tick for a native promise), awaiting once for `null` or
// `undefined` resources, and throws the last error, each earlier one kept as `suppressed` in a
// SuppressedError (the engine's, or a stand-in where there is none). Awaits are yielded raw in an async
// function and as await markers in an async generator (`marked`).
import { apply } from './intrinsics.js';
import { fail, getMethod, isObject, noArguments, settledPromise } from './iterator-protocol.js';
import { awaiting, loadTimeGeneratorPrototype } from './load-time-generator-methods.js';

// Symbol.asyncDispose and Symbol.dispose are read when a declaration runs, not at load: where the
// engine has them they cannot change, and where it has not, a polyfill loaded after the runtime
// still counts. Without either, the keys are the registered symbols esbuild's helpers use too.
const symbols = Symbol as unknown as { asyncDispose?: symbol; dispose?: symbol };
const disposeKey = (isAsync?: boolean): symbol =>
  isAsync ? symbols.asyncDispose || Symbol.for('Symbol.asyncDispose') : symbols.dispose || Symbol.for('Symbol.dispose');

declare const SuppressedError: new (error: unknown, suppressed: unknown, message: string) => Error;
const IntrinsicSuppressedError = typeof SuppressedError === 'function' ? SuppressedError : undefined;

// Where the engine has no SuppressedError: an Error whose prototype says "SuppressedError", with the
// same own `error` and `suppressed` (non-enumerable, as CreateNonEnumerableDataPropertyOrThrow makes
// them). The message is the one V8 gives the errors it makes here (the spec leaves it to the engine).
function ownField(value: unknown): PropertyDescriptor {
  return { __proto__: null, value, writable: true, configurable: true } as PropertyDescriptor;
}
const suppressedErrorPrototype = Object.create(Error.prototype, { name: ownField('SuppressedError'), message: ownField('') });
const message = 'An error was suppressed during disposal';
function newSuppressedError(error: unknown, suppressed: unknown): Error {
  if (IntrinsicSuppressedError) return new IntrinsicSuppressedError(error, suppressed, message);
  return Object.defineProperties(Object.setPrototypeOf(Error(message), suppressedErrorPrototype), {
    error: ownField(error),
    suppressed: ownField(suppressed),
  });
}

/** How a resource is disposed: a `using` one, an `await using` one, or an `await using` one with only a sync method. */
const enum Hint {
  Sync,
  Async,
  AsyncOverSync,
}

/** One entry of the DisposableResourceStack; the stack is a chain from its top (no array to patch). */
interface Resource {
  value: unknown;
  method: Function | undefined;
  hint: Hint;
  below: Resource | undefined;
}

class AwaitUsing {
  private top: Resource | undefined = undefined;
  private hasError = false;
  private error: unknown = undefined;
  constructor(private readonly marked?: boolean) {}
  /** AddDisposableResource: `await using` (`isAsync`) or `using`; returns the value to bind. */
  add(value: unknown, isAsync?: boolean): unknown {
    let method: Function | undefined;
    let hint = isAsync ? Hint.Async : Hint.Sync;
    if (value === null || value === undefined) {
      // Nothing to call; an `await using` one still makes the block's exit await once.
      if (!isAsync) return value;
    } else {
      if (!isObject(value)) fail('not an object');
      if (isAsync) method = getMethod(value, disposeKey(true));
      if (method === undefined) {
        method = getMethod(value, disposeKey());
        if (isAsync) hint = Hint.AsyncOverSync;
      }
      if (method === undefined) fail('not disposable');
    }
    this.top = { __proto__: null, value, method, hint, below: this.top } as Resource;
    return value;
  }
  /** The block threw: disposal runs (in `finally`) with this error as the completion. */
  threw(error: unknown): void {
    this.hasError = true;
    this.error = error;
  }
  /** DisposeResources, then the completion: throws the error the block or a dispose method threw. */
  *dispose(): Generator<unknown, void, unknown> {
    let { top, hasError, error } = this;
    this.top = undefined;
    let needsAwait = false;
    let hasAwaited = false;
    for (; top; top = top.below) {
      const { value, method, hint } = top;
      if (hint === Hint.Sync && needsAwait && !hasAwaited) {
        yield awaiting(this.marked, undefined);
        needsAwait = false;
      }
      if (!method) {
        needsAwait = true;
        continue;
      }
      try {
        let result: unknown;
        if (hint === Hint.AsyncOverSync) {
          // The spec wraps the sync method in a function returning a promise: its return value is
          // dropped, and what it throws rejects that promise, so it is thrown after the await's tick.
          try {
            apply(method, value, noArguments);
          } catch (reason) {
            result = settledPromise(reason, true);
          }
        } else {
          result = apply(method, value, noArguments);
        }
        if (hint !== Hint.Sync) {
          hasAwaited = true;
          yield awaiting(this.marked, result);
        }
      } catch (thrown) {
        error = hasError ? newSuppressedError(thrown, error) : thrown;
        hasError = true;
      }
    }
    if (needsAwait && !hasAwaited) yield awaiting(this.marked, undefined);
    if (hasError) throw error;
  }
}

// The record inherits nothing, so accessors user code puts on Object.prototype (`top`, `error`...)
// never meet its fields; dispose()'s generators find only what `yield*` needs.
const { dispose } = Object.setPrototypeOf(AwaitUsing.prototype, null) as Record<string, { prototype: object }>;
dispose!.prototype = loadTimeGeneratorPrototype;

/** Starts the disposal scope of a block with `await using` declarations. */
export function awaitUsing(marked?: boolean): AwaitUsing {
  return new AwaitUsing(marked);
}
