// "for await (const x of xs) body"
//   => "{ const _it = forAwait(xs); try { for (;;) { if (_it.done(yield _it.next())) break; const x = _it.value(); body } }
//        catch (_e) { yield* _it.throwing(_e); } finally { yield* _it.close(); } }"
//
// The runtime's record does the spec's steps (next read once, results type-checked, AsyncIteratorClose
// on abrupt exits); the loop only yields where the spec awaits. The loop head moves inside, so a
// destructuring error closes the iterator, `let`/`const` bindings stay per iteration, and labels move
// onto the inner `for` so `continue label` still targets a loop.
import type MagicString from 'magic-string';
import { patternNames, type ForAwaitSite } from '../analyze/functions.js';
import { findKeyword, findToken, skipTrivia, spellsName } from '../text.js';

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
  // `for await (const x of f(x))`: the iterable is evaluated while the loop's `let`/`const` names are
  // declared and uninitialized (a ReferenceError here, as natively): in a block that declares them in
  // code it never reaches, so a closure made there sees them uninitialized for good, as natively:
  //   "{ let _it; do { _it = forAwait(f(x)); continue; let x; } while (false); try { ... } }".
  const code = s.original;
  // The iterable keeps the parentheses around it (`of ((a, b))` is one argument), up to the head's `)`.
  const ofEnd = skipTrivia(code, findKeyword(code, left.end!, 'of', node.right.start!) + 2);
  let rightEnd = node.right.end!;
  for (let open = (code.slice(ofEnd, node.right.start!).match(/\(/g) ?? []).length; open > 0; open--) rightEnd = findToken(code, rightEnd, ')') + 1;
  const rightText = code.slice(ofEnd, rightEnd);
  const deadZone =
    left.type === 'VariableDeclaration' && left.kind !== 'var'
      ? left.declarations.flatMap((declarator) => patternNames(declarator.id)).filter((name) => spellsName(rightText, name))
      : [];
  s.update(node.start!, left.start!, deadZone.length ? `{ let ${iterator}; do { ${iterator} = ${names.forAwait}(` : `{ const ${iterator} = ${names.forAwait}(`);
  s.move(left.start!, left.end!, node.body.start!);
  if (left.type === 'VariableDeclaration') {
    s.appendLeft(left.end!, ` = ${iterator}.value(); `);
  } else {
    s.prependRight(left.start!, '(');
    s.appendLeft(left.end!, ` = ${iterator}.value()); `);
  }
  s.update(left.end!, ofEnd, '');
  s.update(
    rightEnd,
    node.body.start!,
    `${options.marked ? ', true' : ''});${deadZone.length ? ` continue; let ${deadZone.join(', ')}; } while (false);` : ''} try { ${labelText}for (;;) { if (${iterator}.done(yield ${iterator}.next())) break; `
  );
  s.appendLeft(node.body.end!, ` } } catch (${error}) { yield* ${iterator}.throwing(${error}); } finally { yield* ${iterator}.close(); } }`);
}
