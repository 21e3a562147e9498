// How a lowered async generator body tells its driver what a `yield` means: it yields a private
// sentinel after leaving a value here, and the driver reads the value back synchronously, before any
// other code can run. So nothing is allocated per await and no user value can pass for an await
// (regenerator's `{ __await: x }` could be forged by a user object with that key).
//
//   "await x"  => "(yield awaitMarker(x))"   the driver awaits x and resumes the body with its value
//   "yield* x" => "yield yieldStar(x)"       yield-star.ts leaves the iterator; the driver runs the loop

/** The sentinel an async generator body yields to await a value. */
export const AWAIT = {};
/** The sentinel it yields to delegate to an iterator (`yield*`). */
export const DELEGATE = {};

let pending: unknown;

/** Leaves `value` to be awaited and returns the sentinel for the body to yield. */
export function awaitMarker(value: unknown): object {
  pending = value;
  return AWAIT;
}

/** Leaves `value` for the driver and returns `sentinel` for the body to yield. */
export function mark(sentinel: object, value: unknown): object {
  pending = value;
  return sentinel;
}

/** The value behind the sentinel the body just yielded. */
export function takePending(): unknown {
  const value = pending;
  pending = undefined;
  return value;
}
