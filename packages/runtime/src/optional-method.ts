// An optional call of a `super` method in lowered code, which must read nothing of the method but
// the method itself (native `super.m?.(a)` never consults its `call`) and must not evaluate `a` when
// `m` is nullish:
//
//   super.m?.(a)   =>   optionalMethod(_superGet("m"), this)?.(a)
//
// The method comes back with its receiver, called through the captured Reflect.apply like every other
// lowered `super` call; a nullish one comes back as it is, so `?.` still short-circuits the chain.
import { apply } from './intrinsics.js';

export function optionalMethod(method: unknown, receiver: unknown): unknown {
  return method == null ? method : (...args: unknown[]) => apply(method as Function, receiver, args);
}
