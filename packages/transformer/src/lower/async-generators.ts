// The body of an `async function*`: besides `await` (lower/await.ts), its own `yield`, `yield*` and
// `return` change meaning, because the spec awaits around them.
//
//   "yield v"   => "yield yield awaitMarker(v)"      (await v, then yield it; a rejection throws here)
//   "yield"     => "yield yield awaitMarker(void 0)"
//   "yield* x"  => "yield* yieldStar(x)"             (the spec's async delegation loop, in the runtime)
//   "return v"  => "return yield awaitMarker(v)"     (awaited inside the body: try/finally see it)
import type MagicString from 'magic-string';
import type * as t from '@babel/types';

export function lowerAsyncGeneratorYield(s: MagicString, node: t.YieldExpression, names: { awaitMarker: string; yieldStar: string }): void {
  const start = node.start!;
  if (node.delegate) {
    s.update(start, node.argument!.start!, `yield* ${names.yieldStar}(`);
    s.appendLeft(node.end!, ')');
  } else if (node.argument) {
    // Inside any parentheses of the argument, so `yield (v)` stays balanced.
    s.prependRight(node.argument.start!, `yield ${names.awaitMarker}(`);
    s.appendLeft(node.argument.end!, ')');
  } else {
    s.update(start, start + 5, `yield yield ${names.awaitMarker}(void 0)`);
  }
}

export function lowerAsyncGeneratorReturn(s: MagicString, node: t.ReturnStatement, names: { awaitMarker: string }): void {
  const argument = node.argument!;
  s.prependRight(argument.start!, `yield ${names.awaitMarker}(`);
  s.appendLeft(argument.end!, ')');
}
