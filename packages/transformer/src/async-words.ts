// The cheap filter every face applies before anything else: a file that spells neither `async` nor
// `await` has nothing to lower, so it is never parsed. Its own module, so the build plugins can
// filter files without loading the parser.
//
//   "export const add = (a, b) => a + b;"   => skipped, unparsed
//   "export const wait = async () => {}"    => parsed and lowered

/** A RegExp (not only a function), so hosts can run it natively as a hook filter. */
export const asyncWords = /\basync\b|\bawait\b/;

/** True when `code` may contain async syntax (it spells `async` or `await`). */
export function mayContainAsync(code: string): boolean {
  return asyncWords.test(code);
}

const asyncSyntaxWords = /\b(?:async|await|yield)\b|\\u/g;

/**
 * Where `async`, `await` or `yield` is spelled, or a `\u` escape that could spell one, in order. A
 * top-level statement with none of them has nothing to lower: it is not walked, nor parsed when
 * only statements with async syntax are (`parseOnlyAsyncStatements`).
 */
export function asyncSyntaxPositions(code: string): number[] {
  const positions: number[] = [];
  for (let match = asyncSyntaxWords.exec(code); match; match = asyncSyntaxWords.exec(code)) positions.push(match.index);
  return positions;
}
