// How the async generator driver and the `yield*` delegate talk. The delegate is a sync generator
// that the body runs with a native `yield*`; while the body is suspended inside it, the driver
// resumes it with `next(value)` and leaves the request's kind (next, throw, return) here, and the
// delegate asks the body to return by yielding DELEGATE_RETURN after leaving the value here.
import type { ResumeKind } from './intrinsics.js';

/** Yielded by the delegate when a forwarded `return()` completed the inner iterator. */
export const DELEGATE_RETURN = {};

let resumeKind: ResumeKind = 0;
let returnValue: unknown;

/** Driver side: resume the delegate for a request of `kind`. */
export function delegateResumption(kind: ResumeKind, value: unknown): unknown {
  resumeKind = kind;
  return value;
}

/** Delegate side: the kind of request it was just resumed for. */
export function takeResumeKind(): ResumeKind {
  const kind = resumeKind;
  resumeKind = 0;
  return kind;
}

/** Delegate side: make the body return `value` (yield what this returns). */
export function delegateReturn(value: unknown): object {
  returnValue = value;
  return DELEGATE_RETURN;
}

/** Driver side: the value the body returns with. */
export function takeDelegateReturn(): unknown {
  const value = returnValue;
  returnValue = undefined;
  return value;
}
