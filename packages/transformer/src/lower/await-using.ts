// "{ S1; await using x = a; using y = b; S2 }"
//   => "{ const _using = awaitUsing(); try { S1; const x = _using.add(a, true); const y = _using.add(b); S2 }
//        catch (_error) { _using.threw(_error); } finally { yield* _using.dispose(); } }"
// "for (await using x of xs) body"
//   => "for (const x of xs) { const _using = awaitUsing(); try { _using.add(x, true); body } catch ... finally ... }"
// "for (await using x = a; c; u) body"
//   => "{ const _using = awaitUsing(); try { for (const x = _using.add(a, true); c; u) body } catch ... finally ... }"
//
// The runtime's record is the block's DisposeCapability: each declaration adds its resource as it is
// evaluated, and leaving the block by any completion (a `return`, `break` or `continue` passing through
// the `finally`, or a throw the `catch` records) disposes them in reverse order, yielding where the spec
// awaits. The whole statement list goes inside the `try`, so every declaration of the block keeps its
// scope (a function or `let` declared after the first `using` is still visible to code before it), and
// `using` declarations of the same block share the record, so the two kinds dispose interleaved, in
// reverse order of declaration. A block whose only declarations are sync `using` ones is left alone.
import type MagicString from 'magic-string';
import type * as t from '@babel/types';
import { isUsing, type AwaitUsingSite } from '../analyze/functions.js';
import { findKeyword, separatorAfterDirective } from '../text.js';

export function lowerAwaitUsing(
  s: MagicString,
  code: string,
  site: AwaitUsingSite,
  names: { awaitUsing: string; scope: string; error: string },
  options: { marked: boolean }
): void {
  const { scope, error } = names;
  const open = `const ${scope} = ${names.awaitUsing}(${options.marked ? 'true' : ''}); try { `;
  const close = ` } catch (${error}) { ${scope}.threw(${error}); } finally { yield* ${scope}.dispose(); }`;
  const { node } = site;
  switch (node.type) {
    case 'BlockStatement': {
      const directives = node.directives;
      const at = directives.length ? directives[directives.length - 1]!.end! : node.start! + 1;
      s.appendLeft(at, `${separatorAfterDirective(code, at, directives.length > 0)} ${open}`);
      for (const statement of node.body) {
        if (statement.type === 'VariableDeclaration' && isUsing(statement)) declareConstants(s, code, statement, scope);
      }
      s.prependRight(node.end! - 1, close);
      return;
    }
    case 'ForOfStatement': {
      const declaration = node.left as t.VariableDeclaration;
      declareConstants(s, code, declaration, scope);
      const name = (declaration.declarations[0]!.id as t.Identifier).name;
      s.prependRight(node.body.start!, `{ ${open}${scope}.add(${name}, true); `);
      s.appendLeft(node.body.end!, `${close} }`);
      return;
    }
    case 'ForStatement': {
      // The labels stay on the loop, inside the new block, so `continue label` still targets it.
      const labels = (site as { labels: t.LabeledStatement[] }).labels;
      s.prependRight(labels.length ? labels[0]!.start! : node.start!, `{ ${open}`);
      declareConstants(s, code, node.init as t.VariableDeclaration, scope);
      s.appendLeft(node.end!, `${close} }`);
      return;
    }
  }
}

/** "await using x = a, y = b" => "const x = _using.add(a, true), y = _using.add(b, true)" (no initializer in a for-of head). */
function declareConstants(s: MagicString, code: string, declaration: t.VariableDeclaration, scope: string): void {
  const isAsync = (declaration.kind as string) === 'await using';
  const firstBinding = declaration.declarations[0]!.start!;
  const keywordEnd = isAsync ? findKeyword(code, declaration.start!, 'using', firstBinding) + 'using'.length : declaration.start! + 'using'.length;
  s.update(declaration.start!, keywordEnd, 'const');
  for (const declarator of declaration.declarations) {
    const init = declarator.init;
    if (!init) continue;
    // Around the initializer's own parentheses, which keep `(a, b)` one argument. An anonymous
    // function or class takes the binding's name (NamedEvaluation), which a call argument would not
    // give it: a property of that name does ("await using f = () => {}" => "{ f: () => {} }.f").
    const name = (declarator.id as t.Identifier).name;
    const named = isAnonymousFunctionDefinition(init);
    s.prependRight((init.extra?.parenStart as number | undefined) ?? init.start!, `${scope}.add(${named ? `{ ${name === '__proto__' ? '["__proto__"]' : name}: ` : ''}`);
    s.appendLeft(declarator.end!, `${named ? ` }.${name}` : ''}${isAsync ? ', true)' : ')'}`);
  }
}

/** IsAnonymousFunctionDefinition, through parentheses and TypeScript's type-only wrappers. */
function isAnonymousFunctionDefinition(node: t.Node): boolean {
  while (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSTypeAssertion') node = node.expression;
  return node.type === 'ArrowFunctionExpression' || ((node.type === 'FunctionExpression' || node.type === 'ClassExpression') && !node.id);
}
