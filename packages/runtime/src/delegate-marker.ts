// How a lowered async generator body says "delegate to this iterator" (`yield*`) rather than "yield
// this": it yields a private sentinel after leaving the iterator record here, as an await does with
// await-marker.ts. The driver (async-generator.ts) reads the record back synchronously, before any
// other code can run, and runs the delegation loop with the body suspended at that `yield`.
import type { IteratorRecord } from './iterator-protocol.js';

/** The sentinel a body yields to delegate to the iterator `delegateMarker` left behind. */
export const DELEGATE = {};

let pendingDelegate: IteratorRecord | undefined;

/** Leaves `record` for the driver and returns the sentinel for the body to yield. */
export function delegateMarker(record: IteratorRecord): object {
  pendingDelegate = record;
  return DELEGATE;
}

/** The iterator record behind the sentinel the body just yielded. */
export function takeDelegate(): IteratorRecord {
  const record = pendingDelegate!;
  pendingDelegate = undefined;
  return record;
}
