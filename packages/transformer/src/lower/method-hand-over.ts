// Methods the runtime must finish once their object literal or class exists. Async generator methods
// own a `prototype` their objects inherit from, and inherit from %AsyncGeneratorFunction.prototype%
// (async methods, with `asyncFunctionPrototype`, from the stand-in %AsyncFunction.prototype%), but a
// method definition cannot run code once its function exists. So the object or class is handed over
// right after it is made:
//   "({ async *m() {} })"                  => "asyncGeneratorMethods({ m() {...} }, ["m", _m])"
//   "class C { async *m() {} }"            => "class C { m() {...} } asyncGeneratorMethods(C, ["m", _m], [])"
//   "(class D { static async s() {} })"    => "asyncFunctionMethods(class D { ... }, [], ["s"])"
//   "export default class { async *m() {} }"
//     => "export default asyncGeneratorMethods({ default: class { ... } }.default, ["m", _m], []);"
// A computed key was converted once where it stood (toPropertyKey), so the runtime finds the method
// without running user code again; an anonymous class keeps the name it takes from where it stands
// through a property key, as wrapped functions do.
import type MagicString from 'magic-string';
import type * as t from '@babel/types';
import { memberKeyName } from '../analyze/names.js';
import { propertyAccess } from '../text.js';
import { pure } from './async-functions.js';

/**
 * A method the runtime gives what a method definition cannot: an async generator method whose
 * generator is created once per evaluation of its object or class, or (with `asyncFunctionPrototype`)
 * an async method.
 */
export interface HandedOverMethod {
  /** The property key as the method's wrapper spells it: a literal, or the binding of a converted computed key. */
  key: string;
  /** For an async generator method: the binding holding its generator function. */
  generator?: string;
  isStatic: boolean;
}

/**
 * A later member of the same object literal or class defines the method's key again
 * (`{ async *m() {}, m() {} }`): the method found there afterwards is not this one, and must be left
 * as it is. Only keys spelled statically (names and literals, computed or not) are compared.
 */
export function redefinedLater(method: t.Node, container: t.ObjectExpression | t.Class): boolean {
  const members: t.Node[] = container.type === 'ObjectExpression' ? container.properties : container.body.body;
  const name = memberKeyName(method);
  if (name === null) return false;
  // Instance fields live on the instances, not on the prototype the methods are on.
  const onSameObject = (member: t.Node) => !!(member as t.ClassMethod).static === !!(method as t.ClassMethod).static && !(member.type === 'ClassProperty' && !member.static);
  return members.slice(members.indexOf(method) + 1).some((member) => onSameObject(member) && memberKeyName(member) === name);
}

/**
 * Hands each object literal or class with such methods to the runtime, innermost of the wrappers
 * around it. An anonymous class whose name is known only at run time, or that has decorators
 * (which need a declaration), or a TypeScript `export default abstract class`, stays as it is: its
 * async generator methods' objects still inherit %AsyncGeneratorPrototype%, through a stand-in
 * prototype.
 */
export function handOverMethods(
  s: MagicString,
  containers: Map<t.ObjectExpression | t.Class, HandedOverMethod[]>,
  classes: { classNames: Map<t.Class, string>; constructedClasses: Set<t.Node> },
  helper: (generators: boolean) => string
): void {
  for (const [container, all] of containers) {
    const anonymous = container.type !== 'ObjectExpression' && !container.id;
    // (A TypeScript `export default abstract class {}` has no expression form.)
    const wrappable = anonymous && !container.decorators?.length && !(container.type === 'ClassDeclaration' && container.abstract);
    const anonymousName = wrappable ? classes.classNames.get(container) : undefined;
    if (anonymous && anonymousName === undefined) continue;
    // `new class {}()` => `new (helper(class {}, ...))()`: `new helper(...)` would construct the helper.
    if (classes.constructedClasses.has(container)) {
      s.appendRight(container.start!, '(');
      s.prependLeft(container.end!, ')');
    }
    for (const generators of [true, false]) {
      const methods = all.filter((m) => !!m.generator === generators);
      if (!methods.length) continue;
      const list = (entries: HandedOverMethod[]) => `[${entries.map((m) => (generators ? `${m.key}, ${m.generator}` : m.key)).join(', ')}]`;
      const lists = container.type === 'ObjectExpression' ? list(methods) : `${list(methods.filter((m) => !m.isStatic))}, ${list(methods.filter((m) => m.isStatic))}`;
      // Innermost: inside whatever other lowerings wrapped around the same expression.
      if (container.type === 'ClassDeclaration' && container.id) {
        s.appendLeft(container.end!, ` ${helper(generators)}(${container.id.name}, ${lists});`);
      } else {
        // An object literal cannot be reached before it exists; a class can (its static blocks and
        // initializers may store it away), so a bundler must not drop its hand-over.
        s.appendRight(container.start!, `${container.type === 'ObjectExpression' ? pure : ''}${helper(generators)}(`);
        s.prependLeft(container.end!, `, ${lists})`);
      }
    }
    if (anonymousName !== undefined) {
      const { key, access } = propertyAccess(anonymousName);
      s.appendRight(container.start!, `{ ${key}: `);
      // `export default class {}` became `export default <expression>`, which ends with a semicolon.
      s.prependLeft(container.end!, ` }${access}`);
      if (container.type === 'ClassDeclaration') s.appendLeft(container.end!, ';');
    }
  }
}
