// The `promise: 'global'` variant of spawn, for zone.js and other code that replaces the global
// Promise and needs `await` to go through it (angular/angular#31730). It reads the global `Promise`
// on every call and subscribes with `Promise.resolve(value).then(...)`, as the pre-2017 desugaring
// did. This is deliberately not spec-exact: see docs/semantics.md, "promise: global".
import { spawn } from './spawn.js';

/** Like `spawn`, but the returned promise and every await use the global `Promise` of the moment. */
export function spawnGlobal(generatorFunction: Function, self: unknown, args: ArrayLike<unknown>, newTarget?: Function, captures?: unknown): Promise<unknown> {
  const GlobalPromise = Promise;
  return spawn(generatorFunction, self, args, newTarget, captures, GlobalPromise, (value, onFulfilled, onRejected) => {
    GlobalPromise.resolve(value).then(onFulfilled, onRejected);
  });
}
