// The helpers lowered code calls, each with the module of @yieldfrom/runtime that exports it:
//
//   helperModules.spawn   =>   "spawn"   (imported as "@yieldfrom/runtime/spawn")
//
// Kept apart from helpers.ts, which carries the inline copy of the whole runtime, so the build plugin
// can name these modules (for Vite's dependency optimizer) without loading it.
// tests/transformer/runtime-imports.test.ts checks every entry against the built runtime.
export const helperModules = {
  spawn: 'spawn',
  spawnGlobal: 'spawn-global',
  currentCaptures: 'coroutine',
  freshGenerator: 'fresh-generator',
  asyncGenerator: 'async-generator',
  asyncGeneratorFunction: 'async-generator',
  asyncGeneratorMethods: 'async-generator',
  asyncFunction: 'async-function',
  asyncFunctionMethods: 'async-function',
  toPropertyKey: 'to-property-key',
  awaitMarker: 'await-marker',
  yieldStar: 'yield-star',
  forAwait: 'for-await',
  awaitUsing: 'await-using',
  apply: 'intrinsics',
  optionalMethod: 'optional-method',
} as const;

/** Helpers by the name the runtime exports them under. */
export type HelperName = keyof typeof helperModules;

/** Every module lowered code may import from `runtimeModule`/… . */
export const runtimeEntryModules = [...new Set(Object.values(helperModules))];
