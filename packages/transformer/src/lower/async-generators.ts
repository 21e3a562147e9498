// The body of an `async function*`: besides `await` (lower/await.ts), its `yield*` and `return`
// change meaning, because the spec awaits around them. A plain `yield v` stays as it is: the driver
// (runtime async-generator.ts) awaits every value the body yields, then yields it, as the spec's
// Yield does in an async generator, and throws a rejection back in at the `yield`.
//
//   "yield v"   => "yield v"
//   "yield* x"  => "yield yieldStar(x)"             (the driver runs the delegation loop; the body waits at the yield)
//   "return v"  => "return yield awaitMarker(v)"     (awaited inside the body: try/finally see it)
import type MagicString from 'magic-string';
import type * as t from '@babel/types';

export function lowerAsyncGeneratorYield(s: MagicString, node: t.YieldExpression, names: { yieldStar: string }): void {
  if (!node.delegate) return;
  const argument = node.argument!;
  // From after the keyword (`yield` stays in place) to the argument, its parentheses included.
  const argumentStart = (argument.extra?.parenStart as number | undefined) ?? argument.start!;
  s.update(node.start! + 5, argumentStart, ` ${names.yieldStar}(`);
  s.appendLeft(node.end!, ')');
}

export function lowerAsyncGeneratorReturn(s: MagicString, node: t.ReturnStatement, names: { awaitMarker: string }): void {
  const argument = node.argument!;
  // `return a, b` returns b: a sequence keeps its own parentheses inside the call.
  const sequence = argument.type === 'SequenceExpression';
  // Minified code writes `return"x"`: the keyword needs a space before the `yield`.
  const space = /[\w$]/.test(s.original[argument.start! - 1]!) ? ' ' : '';
  s.prependRight(argument.start!, `${space}yield ${names.awaitMarker}(${sequence ? '(' : ''}`);
  s.appendLeft(argument.end!, sequence ? '))' : ')');
}
