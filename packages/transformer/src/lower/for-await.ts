// "for await (const x of xs) body"
//   => "{ const _it = forAwait(xs); try { for (;;) { if (_it.done(yield _it.next())) break; const x = _it.value(); body } }
//        catch (_e) { yield* _it.throwing(_e); } finally { yield* _it.close(); } }"
//
// The runtime's record does the spec's steps (next read once, results type-checked, AsyncIteratorClose
// on abrupt exits); the loop only yields where the spec awaits. The loop head moves inside, so a
// destructuring error closes the iterator, `let`/`const` bindings stay per iteration, and labels move
// onto the inner `for` so `continue label` still targets a loop.
import type MagicString from 'magic-string';
import type { ForAwaitSite } from '../analyze/functions.js';

export function lowerForAwait(
  s: MagicString,
  site: ForAwaitSite,
  names: { forAwait: string; iterator: string; error: string },
  options: { marked: boolean }
): void {
  const { node, labels } = site;
  const { iterator, error } = names;
  const left = node.left;
  const labelText = labels.map((label) => `${label.label.name}: `).join('');
  // The labels in front of the statement move onto the inner loop.
  if (labels.length) s.update(labels[0]!.start!, node.start!, '');
  s.update(node.start!, left.start!, `{ const ${iterator} = ${names.forAwait}(`);
  s.move(left.start!, left.end!, node.body.start!);
  if (left.type === 'VariableDeclaration') {
    s.appendLeft(left.end!, ` = ${iterator}.value(); `);
  } else {
    s.prependRight(left.start!, '(');
    s.appendLeft(left.end!, ` = ${iterator}.value()); `);
  }
  s.update(left.end!, node.right.start!, '');
  s.update(
    node.right.end!,
    node.body.start!,
    `${options.marked ? ', true' : ''}); try { ${labelText}for (;;) { if (${iterator}.done(yield ${iterator}.next())) break; `
  );
  s.appendLeft(node.body.end!, ` } } catch (${error}) { yield* ${iterator}.throwing(${error}); } finally { yield* ${iterator}.close(); } }`);
}
