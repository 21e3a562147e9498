// What a method hands to its generator. A method's generator is created once per class evaluation,
// outside any method, so it cannot close over per-call values such as the `super` arrows the method
// makes (a generator cannot contain `super`): `spawn` keeps them in `startingCaptures` while the body
// starts, and the body's first statement reads them through `currentCaptures()`.
import { startingCaptures } from './spawn.js';

/** The captures passed to the coroutine whose generator body is starting (read by its first statement). */
export function currentCaptures(): unknown {
  return startingCaptures;
}
