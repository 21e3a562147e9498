// What an async body means by `arguments`, `new.target` and `super` when it becomes a generator.
//
//   "async () => arguments[0]"     => "const _arguments = arguments; ... function* _f() { return _arguments[0] }"
//   "async () => new.target"       => "const _newTarget = new.target; ... return _newTarget"
//   "async () => arguments[0]" outside any function
//                                  => "const _arguments = (typeOf) => typeOf ? typeof arguments : arguments; ... return _arguments()[0]"
//   "async m() { super.x = 1 }"    => "m() { const _superSet = (k, v) => super[k] = v; return spawn(function* _m() { _superSet("x", 1) }, ...) }"
//   "super.m(a)" in such a body    => "apply(_superGet("m"), this, [a])"
//
// A generator function has its own `arguments` and `new.target` and cannot contain `super`, so these
// are bound by arrows or constants at the creation site of the outermost lowered function below the
// method-like boundary that owns them (a method, a class field initializer or a static block: the
// spec gives fields and static blocks their own HomeObject). `super` arrows close over the real
// receiver, and `super` stays dynamic: each access reads HomeObject's current [[Prototype]].
// `this` needs no capture: every lowered function passes its receiver to the driver. Outside any
// function, `arguments` is read when the body reads it, not taken once: in a module or a browser
// script it names nothing (a ReferenceError there, as natively, or "undefined" for `typeof`), in a
// CommonJS file the loader's function's arguments.
import type MagicString from 'magic-string';
import type * as t from '@babel/types';
import type { Capture, ContextReference } from '../analyze/functions.js';
import type { NameAllocator } from '../names.js';
import { findToken } from '../text.js';

export type CaptureNames = Record<Capture, string>;

export function claimCaptureNames(names: NameAllocator): CaptureNames {
  const argumentsName = names.claim('_arguments');
  return {
    arguments: argumentsName,
    // A function captures one or the other, never both.
    outerArguments: argumentsName,
    newTarget: names.claim('_newTarget'),
    superGet: names.claim('_superGet'),
    superSet: names.claim('_superSet'),
    superCall: names.claim('_superCall'),
  };
}

/** What reads `arguments` outside any function, where the arrow stands (`_arguments(1)` is its `typeof`). */
export const outerArgumentsReader = '(typeOf) => typeOf ? typeof arguments : arguments';

/** The declarations a lowered function places before its generator. */
export function captureDeclarations(captures: Set<Capture>, names: CaptureNames): string {
  let text = '';
  if (captures.has('arguments')) text += `const ${names.arguments} = arguments; `;
  if (captures.has('outerArguments')) text += `const ${names.outerArguments} = ${outerArgumentsReader}; `;
  if (captures.has('newTarget')) text += `const ${names.newTarget} = new.target; `;
  if (captures.has('superGet')) text += `const ${names.superGet} = (key) => super[key]; `;
  if (captures.has('superSet')) text += `const ${names.superSet} = (key, value) => super[key] = value; `;
  if (captures.has('superCall')) text += `const ${names.superCall} = (...args) => super(...args); `;
  return text;
}

export class UnsupportedSuperError extends Error {
  constructor(readonly node: t.Node, what: string) {
    super(what);
  }
}

/** Runtime helpers a rewritten reference may call, by the local names the helper registry gives them. */
export interface CaptureHelpers {
  /** Reflect.apply as the runtime captured it when it loaded. */
  apply: () => string;
  /** A method with its receiver, or the nullish value itself: `super.m?.(a)`. */
  optionalMethod: () => string;
}

/** Rewrites one reference to use its capture. */
export function rewriteReference(s: MagicString, code: string, reference: ContextReference, names: CaptureNames, helpers: CaptureHelpers): void {
  switch (reference.kind) {
    case 'arguments': {
      const { node, parent } = reference;
      if (parent.type === 'ObjectProperty' && parent.shorthand) s.update(node.start!, node.end!, `arguments: ${names.arguments}`);
      else s.update(node.start!, node.end!, names.arguments);
      return;
    }
    case 'outerArguments': {
      const { node, parent } = reference;
      const read = `${names.outerArguments}()`;
      if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') s.update(parent.start!, parent.end!, `${names.outerArguments}(1)`);
      else if (parent.type === 'ObjectProperty' && parent.shorthand) s.update(node.start!, node.end!, `arguments: ${read}`);
      // `new arguments.C()` constructs `arguments.C`: `new (_arguments()).C()`, not `new _arguments()` first.
      else s.update(node.start!, node.end!, reference.inNewCallee ? `(${read})` : read);
      return;
    }
    case 'newTarget':
      s.update(reference.node.start!, reference.node.end!, names.newTarget);
      return;
    case 'super':
      rewriteSuper(s, code, reference, names, helpers);
  }
}

function rewriteSuper(s: MagicString, code: string, reference: Extract<ContextReference, { kind: 'super' }>, names: CaptureNames, helpers: CaptureHelpers) {
  const { node, parent, grandparent, grandparentKey } = reference;
  if (parent.type === 'CallExpression') {
    // super(...args) inside an async arrow in a derived constructor.
    s.update(node.start!, node.end!, names.superCall);
    return;
  }
  if (parent.type !== 'MemberExpression' && parent.type !== 'OptionalMemberExpression') return;
  const member = parent;
  // Just past `super[` of a computed member.
  const bracketEnd = () => findToken(code, node.end!, '[') + 1;
  // `super.x` => `_superGet("x")`; `super[e]` => `_superGet(e)`: the brackets' contents stay as they
  // are (the key's own edits, and its parentheses: `super[(a, b)]` has one key, `b`).
  const keyText = (open: string, close: string) => {
    if (member.computed) {
      // `super[a, b]` (as minifiers write it) has the one key `b` too: the call gets it in parentheses.
      const sequence = member.property.type === 'SequenceExpression' && !member.property.extra?.parenthesized;
      s.update(node.start!, bracketEnd(), sequence ? `${open}(` : open);
      s.update(member.end! - 1, member.end!, sequence ? `)${close}` : close);
    } else {
      const name = (member.property as t.Identifier).name;
      s.update(node.start!, member.end!, `${open}${JSON.stringify(name)}${close}`);
    }
  };
  if (grandparent.type === 'UnaryExpression' && grandparent.operator === 'delete') {
    // `delete super[k]` evaluates `k`, reads nothing and throws, as the engine does.
    const thrower = `(() => { throw new ReferenceError("Unsupported reference to 'super'"); })()`;
    if (member.computed) {
      s.update(grandparent.start!, bracketEnd(), '(');
      s.update(member.end! - 1, grandparent.end!, `, ${thrower})`);
    } else {
      s.update(grandparent.start!, grandparent.end!, thrower);
    }
    return;
  }
  if (grandparentKey === 'left' && grandparent.type === 'AssignmentExpression') {
    const assignment = grandparent as t.AssignmentExpression;
    const operator = assignment.operator;
    // A parenthesized right operand keeps its parentheses.
    const rightStart = (assignment.right.extra?.parenStart as number | undefined) ?? assignment.right.start!;
    const isSimpleKey = !member.computed || ['StringLiteral', 'NumericLiteral', 'Identifier'].includes(member.property.type);
    if (operator === '=') {
      keyText(`${names.superSet}(`, ', ');
      s.update(member.end!, rightStart, '');
      s.appendLeft(assignment.end!, ')');
      return;
    }
    if (!isSimpleKey) {
      throw new UnsupportedSuperError(assignment, 'compound assignment to a computed `super[...]` member inside an async function');
    }
    const key = member.computed ? code.slice(member.property.start!, member.property.end!) : JSON.stringify((member.property as t.Identifier).name);
    const get = `${names.superGet}(${key})`;
    const set = `${names.superSet}(${key}, `;
    if (operator === '&&=' || operator === '||=' || operator === '??=') {
      const logical = operator.slice(0, 2);
      s.update(assignment.start!, rightStart, `${get} ${logical} ${set}`);
      s.appendLeft(assignment.end!, ')');
    } else {
      // `super.n *= a + b` multiplies by the whole right operand.
      s.update(assignment.start!, rightStart, `${set}${get} ${operator.slice(0, -1)} (`);
      s.appendLeft(assignment.end!, '))');
    }
    return;
  }
  if (reference.isTarget) {
    throw new UnsupportedSuperError(grandparent, '`super` member as an update or destructuring target inside an async function');
  }
  // A call keeps the method's `this` as its receiver. It goes through the runtime's captured
  // Reflect.apply, not the function's `call`, which a patched Function.prototype.call (or an own
  // `call` of the method) would answer: native `super.m(a)` reads nothing but `m`. The lookup still
  // comes before the arguments, as natively: it is apply's first argument.
  const isCallee = (grandparent.type === 'CallExpression' || grandparent.type === 'OptionalCallExpression') && grandparentKey === 'callee';
  if (isCallee) {
    const call = grandparent as t.CallExpression | t.OptionalCallExpression;
    keyText(`${names.superGet}(`, ')');
    const typeArguments = call.typeArguments ?? call.typeParameters;
    if (typeArguments) s.remove(typeArguments.start!, typeArguments.end!);
    if (call.type === 'OptionalCallExpression') {
      // `super.m?.(a)` must not evaluate `a` when `m` is nullish, which a call to apply would:
      // `optionalMethod(_superGet("m"), this)?.(a)`, the method with its receiver (called through
      // apply) or the nullish value itself, so the chain still short-circuits where it did.
      s.prependRight(call.start!, `${helpers.optionalMethod()}(`);
      s.appendLeft(findToken(code, member.end!, '?.', ')'), ', this)');
      return;
    }
    // Past the callee's closing parentheses and any type arguments.
    const open = findToken(code, typeArguments ? typeArguments.end! : member.end!, '(', ')');
    s.prependRight(call.start!, `${helpers.apply()}(`);
    s.update(open, open + 1, ', this, [');
    s.prependRight(call.end! - 1, ']');
    return;
  }
  if (grandparent.type === 'TaggedTemplateExpression' && grandparentKey === 'tag') {
    // `super.tag\`a${b}\`` => `apply(_superGet("tag"), this, ((...args) => args)\`a${b}\`)`: the
    // template object is still one per site, and the substitutions run after the lookup.
    const tagged = grandparent as t.TaggedTemplateExpression;
    keyText(`${names.superGet}(`, ')');
    const typeArguments = tagged.typeParameters;
    if (typeArguments) s.remove(typeArguments.start!, typeArguments.end!);
    s.prependRight(tagged.start!, `${helpers.apply()}(`);
    s.prependRight(tagged.quasi.start!, ', this, ((...args) => args)');
    s.appendLeft(tagged.end!, ')');
    return;
  }
  // `new super.C(a)`: the read is the constructor, `new (_superGet("C"))(a)`, not `new _superGet` called.
  const constructed = reference.inNewCallee;
  keyText(`${constructed ? '(' : ''}${names.superGet}(`, constructed ? '))' : ')');
}
