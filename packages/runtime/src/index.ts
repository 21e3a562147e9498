// @yieldfrom/runtime: the helpers lowered code calls. Plain ES2015, no dependencies, one helper per
// module (each also importable as `@yieldfrom/runtime/<module>`).
export { spawn } from './spawn.js';
export { spawnGlobal } from './spawn-global.js';
export { currentCaptures } from './coroutine.js';
export { freshGenerator } from './fresh-generator.js';
export { setTracer } from './trace.js';
export type { TraceEvent, Tracer } from './trace.js';
export { asyncGenerator, asyncGeneratorFunction, asyncGeneratorMethods, AsyncGeneratorPrototype } from './async-generator.js';
// The `asyncFunctionPrototype` option: async functions inherit a stand-in %AsyncFunction.prototype%.
export { asyncFunction, asyncFunctionMethods, AsyncFunctionPrototype } from './async-function.js';
export { toPropertyKey } from './to-property-key.js';
export { AsyncIteratorPrototype } from './iterator-protocol.js';
export { awaitMarker } from './await-marker.js';
export { yieldStar } from './yield-star.js';
export { forAwait } from './for-await.js';
// Reflect.apply as it was at load: lowered `super.m(...)` calls go through it (captures.ts).
export { apply } from './intrinsics.js';
// `super.m?.(a)`: the method with its receiver, or the nullish value (optional-method.ts).
export { optionalMethod } from './optional-method.js';
// `await using` declarations: the block's disposal scope (await-using.ts).
export { awaitUsing } from './await-using.js';
