// "await x" => "(yield x)"
//
// `await` is a unary operator but `yield` has the lowest precedence short of the comma, so the
// `yield` is parenthesized wherever an AssignmentExpression is not allowed: `await a + b` becomes
// `(yield a) + b`, `(await f)()` keeps its parentheses, `await x ? y : z` becomes `(yield x) ? y : z`.
// `yield` also may not be followed by a line break (ASI would end it), so an argument on the next
// line is wrapped in parentheses that open on the `yield` line. The keyword is overwritten in place
// (both are five letters), so every column after it keeps its position.
import type MagicString from 'magic-string';
import type * as t from '@babel/types';
import type { AwaitSite } from '../analyze/functions.js';
import { hasLineBreak } from '../text.js';

//
// In an async generator the body also yields real values, so an await is marked:
//   "await x" => "(yield awaitMarker(x))"
export function lowerAwait(s: MagicString, code: string, site: AwaitSite, marker?: string): void {
  const { node, parent, parentKey } = site;
  const start = node.start!;
  const argument = node.argument;
  const argumentStart = (argument.extra?.parenStart as number | undefined) ?? argument.start!;
  s.update(start, start + 5, 'yield');
  if (marker) {
    // The call opens before the argument's own parentheses, which keep grouping inside it (`await (a,
    // b)` awaits b), and before any parenthesis that a lowering inside opens where the argument starts
    // (`await (await x + 1)`: the inner `(yield ...)` must stay inside the call).
    // (`await(x)`, as minifiers write it, needs a space after the `yield`.)
    s.prependRight(argumentStart, `${argumentStart === start + 5 ? ' ' : ''}${marker}(`);
    s.appendLeft(argument.end!, ')');
  }
  if (hasLineBreak(code, start + 5, argumentStart)) {
    s.appendLeft(start + 5, ' (');
    s.appendLeft(node.end!, ')');
  }
  if (!node.extra?.parenthesized && !acceptsYield(parent, parentKey)) {
    s.prependRight(start, site.startsStatement ? ';(' : '(');
    s.appendLeft(node.end!, ')');
  }
}

/** Positions where the grammar takes an AssignmentExpression, so a bare `yield x` parses the same. */
function acceptsYield(parent: t.Node, key: string): boolean {
  switch (parent.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'SpreadElement':
    case 'AwaitExpression':
    case 'YieldExpression':
    case 'TemplateLiteral':
    case 'ArrayExpression':
    case 'SequenceExpression':
    case 'JSXExpressionContainer':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
      return true;
    case 'VariableDeclarator':
      return key === 'init';
    case 'AssignmentExpression':
      // Also for `super.n += await x`, whose right operand captures.ts parenthesizes:
      // `_superSet("n", _superGet("n") + (yield x))`.
      return key === 'right';
    case 'AssignmentPattern':
      return key === 'right';
    case 'CallExpression':
    case 'NewExpression':
    case 'OptionalCallExpression':
      return key === 'arguments';
    case 'ObjectProperty':
      return key === 'value' && !parent.shorthand;
    case 'ConditionalExpression':
      return key === 'consequent' || key === 'alternate';
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'property' && parent.computed;
    case 'ForOfStatement':
      return key === 'right';
    case 'ArrowFunctionExpression':
      return key === 'body';
    default:
      return false;
  }
}
