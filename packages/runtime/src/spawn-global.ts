// The `promise: 'global'` variant of spawn, for zone.js and other code that patches the global
// Promise and needs `await` to go through it (angular/angular#31730). It reads the global `Promise`
// on every call and subscribes with `Promise.resolve(value).then(...)`, as the pre-2017 desugaring
// did. This is deliberately not spec-exact: see docs/semantics.md, "promise: global".
import { apply, generatorNext, generatorThrow } from './intrinsics.js';

type Resume = typeof generatorNext;

/** Like `spawn`, but the returned promise and every await use the global `Promise` of the moment. */
export function spawnGlobal(
  generatorFunction: (...args: unknown[]) => Generator,
  self: unknown,
  args: ArrayLike<unknown>,
  newTarget?: Function
): Promise<unknown> {
  if (newTarget !== undefined) throw new TypeError(`${newTarget.name || 'anonymous'} is not a constructor`);
  const GlobalPromise = Promise;
  return new GlobalPromise((resolve, reject) => {
    let generator: Generator;
    try {
      generator = apply(generatorFunction, self, args) as Generator;
    } catch (error) {
      reject(error);
      return;
    }
    const onFulfilled = (value: unknown) => step(generatorNext, value);
    const onRejected = (reason: unknown) => step(generatorThrow, reason);
    function step(resume: Resume, input: unknown) {
      let result: IteratorResult<unknown>;
      try {
        result = resume(generator, input);
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) resolve(result.value);
      else GlobalPromise.resolve(result.value).then(onFulfilled, onRejected);
    }
    step(generatorNext, undefined);
  });
}
