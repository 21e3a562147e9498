// A method's computed key, converted where it stands, so the runtime can find the method by it once
// its object or class exists (async-generator.ts, async-function.ts):
//   "{ async *[key]() {} }"  =>  "{ [(_key = toPropertyKey(key), ...)]() {...} }" and later "asyncGeneratorMethods(..., [_key, ...])"
const { ownKeys } = Reflect;

/** ToPropertyKey, exactly once, as a computed key in a class or object literal performs it. */
export function toPropertyKey(value: unknown): PropertyKey {
  return ownKeys({ [value as PropertyKey]: 0 })[0]!;
}
