// How a lowered async generator body says "await this" rather than "yield this": it yields a
// private sentinel after leaving the value here. The driver reads the value back synchronously, before
// any other code can run, so nothing is allocated per await and no user value can pass for an await
// (regenerator's `{ __await: x }` could be forged by a user object with that key).
//
//   "await x" => "(yield awaitMarker(x))"     (inside an async generator body)

/** The sentinel an async generator body yields to await a value. */
export const AWAIT = {};

let pendingAwait: unknown;

/** Leaves `value` to be awaited and returns the sentinel for the body to yield. */
export function awaitMarker(value: unknown): object {
  pendingAwait = value;
  return AWAIT;
}

/** The value behind the sentinel the body just yielded. */
export function takeAwaited(): unknown {
  const value = pendingAwait;
  pendingAwait = undefined;
  return value;
}
