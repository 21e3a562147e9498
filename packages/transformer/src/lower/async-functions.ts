// The shell of each async function: what replaces `async`, where the generator lives, and the
// wrapper that keeps the function's kind, name and length.
//
// Declarations keep a declaration (hoisting, `export`, cyclic modules) and get a sibling generator,
// created once per activation of the enclosing scope:
//   "async function f(a, b) { body }"
//   => "function f(a, b) { return spawn(_f, this, arguments, new.target); } function* _f(a, b) { body }"
//
// Expressions and arrows get their generator once per evaluation, passed to an arrow (which keeps
// `this` lexical) that returns a wrapper that is not constructible and carries the native name
// through a property key; `freshGenerator` makes the new generator function's first call cheap:
//   "const g = async (a) => body"
//   => "const g = ((_g) => ({ g: (a) => spawn(_g, this, [a]) }.g))(freshGenerator(function* _g(a) { return body }))"
//   "async function (a) { body }"
//   => "((_anonymous) => ({ ""(a) { return spawn(_anonymous, this, arguments); } }[""]))(freshGenerator(function* _anonymous(a) { body }))"
// An arrow whose body needs `arguments`, `new.target` or `super` captured, and a named expression
// (whose body sees its own name as a constant), declare those next to the generator in an arrow IIFE:
//   "(() => { const _arguments = arguments; function* _g(a) { body } return { g: ... }.g; })()"
//
// Methods stay methods, so `super`, private names and the class binding keep working. The generator
// is created in the method's (now computed) key, which runs once per class or object evaluation
// inside the class scope, and kept in a variable of the enclosing statement list:
//   "async m(a) { body }" => "[(_m = function* _m(a) { body }, "m")](a) { return spawn(_m, this, arguments); }"
// Outside any function, an object literal's method, and in strict code a class's method that needs
// nothing of the class's own scope, get a generator declared beside the statement instead
// (lowerMethodWithGeneratorDeclaration), so a class stays free of side effects. A method whose body uses `super` (a
// generator function cannot), a private method (its key cannot be computed), or one evaluated where no
// statement list runs once per evaluation, creates its generator per call instead:
//   "async m(a) { super.x }" => "m(a) { const _superGet = ...; return spawn(function* _m(a) { ... }, this, arguments); }"
//
// Parameters always move into the generator with the body: a throwing default or a failed
// destructuring rejects the promise, a `var` re-declaring a parameter keeps its value, and the
// generator's own `arguments` stays mapped to its parameters in sloppy code. The wrapper declares
// placeholder parameters up to the first default or rest, so `fn.length` is kept.
import type MagicString from 'magic-string';
import type * as t from '@babel/types';
import type { FunctionContext, StatementList } from '../analyze/functions.js';
import type { NameAllocator } from '../names.js';
import { captureDeclarations, outerArgumentsReader, type CaptureNames } from './captures.js';
import { findKeyword, findToken, propertyAccess, separatorAfterDirective, skipTrivia, spellsName } from '../text.js';

export interface ShellContext {
  /** Bindings to declare at the top of statement lists: method generators and hoisted declarations. */
  slots: Map<StatementList, SlotList>;
  program: t.Program;
  s: MagicString;
  code: string;
  /** TypeScript or TSX: types may be written, and are read by TypeScript's decorator metadata. */
  typescript: boolean;
  names: NameAllocator;
  captureNames: CaptureNames;
  /** The local name of a helper (claimed on first use). */
  helper: (name: 'spawn' | 'spawnGlobal' | 'freshGenerator' | 'asyncGenerator' | 'asyncGeneratorFunction' | 'asyncFunction' | 'toPropertyKey') => string;
  /** `promise: 'global'` was asked for (async functions only: async generators stay intrinsic). */
  globalPromise: boolean;
  /** The local name of the runtime's `currentCaptures`, claimed on first use. */
  currentCaptures: () => string;
  /** Renamed identifiers (`yield` in sloppy code), by original name. */
  renamed: Map<string, string>;
  /** `asyncFunctionPrototype`: async functions inherit the stand-in %AsyncFunction.prototype%. */
  asyncFunctionPrototype: boolean;
  /**
   * A method to hand to the runtime once its object or class exists, found by `key`: an async
   * generator method with the `generator` made once per evaluation, or an async method (no generator).
   */
  handOverMethod: (fn: FunctionContext, key: string, generator?: string) => void;
}

/**
 * Marks a call that only builds a function as free of side effects, for bundlers and minifiers
 * (esbuild, Rollup, terser): an async function expression or arrow nothing uses is dropped from a
 * bundle, as the native one would be. Babel marks its async wrappers the same way.
 */
export const pure = '/*#__PURE__*/';

/** The helper that runs `fn`'s generator: `spawn` for async functions, `asyncGenerator` for async generators. */
function driverOf(fn: FunctionContext, context: ShellContext): string {
  if (fn.asyncGenerator) return context.helper('asyncGenerator');
  return context.helper(context.globalPromise ? 'spawnGlobal' : 'spawn');
}

/**
 * An async generator function owns a `prototype` its objects inherit from: the runtime gives the
 * wrapper one, and learns which generator it fronts. With `asyncFunctionPrototype`, an async function
 * inherits the stand-in %AsyncFunction.prototype%.
 */
function withPrototype(fn: FunctionContext, wrapper: string, generator: string, context: ShellContext): string {
  if (fn.asyncGenerator) return `${pure}${context.helper('asyncGeneratorFunction')}(${wrapper}, ${generator})`;
  return context.asyncFunctionPrototype ? `${pure}${context.helper('asyncFunction')}(${wrapper})` : wrapper;
}

/** With `asyncFunctionPrototype`, hands an async method over by its key (none when it is computed and was not converted). */
function handOverAsyncMethod(fn: FunctionContext, key: string | null, context: ShellContext): void {
  if (context.asyncFunctionPrototype && !fn.asyncGenerator && key !== null) context.handOverMethod(fn, key);
}

export function lowerAsyncFunction(fn: FunctionContext, context: ShellContext): void {
  const node = fn.node as t.Function;
  switch (node.type) {
    case 'FunctionDeclaration':
      return lowerDeclaration(node, fn, context);
    case 'FunctionExpression':
      return lowerExpression(node, fn, context);
    case 'ArrowFunctionExpression':
      return lowerArrow(node, fn, context);
    default:
      return lowerMethod(node as t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod, fn, context);
  }
}

/** Parameters that count towards `fn.length`: those before the first default or rest. */
function lengthParams(params: t.Function['params']): t.Function['params'] {
  const counted = [];
  for (const param of params) {
    if (param.type === 'Identifier' && param.name === 'this') continue; // a TypeScript `this` parameter
    if (param.type === 'AssignmentPattern' || param.type === 'RestElement') break;
    if (param.type === 'TSParameterProperty') break;
    counted.push(param);
  }
  return counted;
}

/**
 * `"use strict"; ` for the wrapper of a function whose own body says so in sloppy code: a sloppy
 * wrapper would box a primitive `this` (or take the global object for `undefined`) before passing it
 * to the strict body: "async function f() { "use strict"; ... }" => "function f() { "use strict"; return spawn(...) }".
 */
function strictPrologue(fn: FunctionContext): string {
  const classMember = fn.node.type === 'ClassMethod' || fn.node.type === 'ClassPrivateMethod'; // class code is strict
  return fn.strict && fn.parent && !fn.parent.strict && !classMember ? '"use strict"; ' : '';
}

/** Wrapper parameter names (of the parameters that count towards `length`). */
function wrapperParamNames(params: t.Function['params'], context: ShellContext): string[] {
  const taken = new Set<string>();
  return lengthParams(params).map((param, index) => wrapperParamName(param, index, context, taken));
}

/**
 * A wrapper's name for the parameter at `index`: the name it binds when that is a plain identifier,
 * `_N` otherwise. Not `arguments`, which would shadow the object the wrapper forwards, nor a name
 * `taken` already (sloppy `function f(a, a)`), which the method the wrapper is may not repeat.
 */
function wrapperParamName(param: Parameter, index: number, context: ShellContext, taken: Set<string>): string {
  const binding = parameterBinding(param);
  if (binding.type !== 'Identifier' || binding.name === 'arguments' || taken.has(binding.name)) return `_${index}`;
  taken.add(binding.name);
  return context.renamed.get(binding.name) ?? binding.name;
}

/**
 * The wrapper's parameter list (and return type) for a method:
 *   "@Get() async find(@Param('id') id: string, query: Query = {}): Promise<Item> { body }"
 *   => "... @Get() find(@Param('id') id: string, query: Query = void 0): Promise<Item> { return spawn(...) }"
 *      with "function*(id: string, query: Query = {}): Promise<Item> { body }" as its generator.
 * TypeScript applies parameter decorators, and emits `design:paramtypes` and `design:returntype`
 * metadata, from the method it sees, which is the wrapper: a decorated method's wrapper takes its
 * parameters' decorators and types and its return type (`Promise<any>` when it has none, as
 * TypeScript infers for an async method), and every parameter (those past `fn.length`
 * with a default of `void 0`, which runs nothing the caller can see and keeps the length). The
 * decorators leave the generator's copy, where TypeScript would not apply them.
 */
function methodSignature(node: t.Function, fn: FunctionContext, context: ShellContext): string {
  const returnType = (node as { returnType?: t.Node | null }).returnType;
  if (!hasParameterDecorators(node) && !(decoratorsOf(node).length && context.typescript)) {
    return `(${wrapperParamNames(node.params, context).join(', ')})`;
  }
  const { code, s } = context;
  const counted = lengthParams(node.params).length;
  const taken = new Set<string>();
  let index = 0;
  const text = node.params.map((param) => {
    if (param.type === 'Identifier' && param.name === 'this') return code.slice(param.start!, param.end!);
    const position = index++;
    const target = parameterBinding(param);
    const decorators = parameterDecorators(param).map((decorator) => {
      s.remove(decorator.start!, skipTrivia(code, decorator.end!));
      return `${code.slice(decorator.start!, decorator.end!)} `;
    });
    const name = wrapperParamName(param, position, context, taken);
    const annotation = typeAnnotationOf(param);
    const type = annotation ? code.slice(annotation.start!, annotation.end!) : '';
    const optional = (target as { optional?: boolean }).optional ? '?' : '';
    if (param.type === 'RestElement') return `${decorators.join('')}...${name}${type}`;
    return `${decorators.join('')}${name}${optional}${type}${position < counted ? '' : ' = void 0'}`;
  });
  // Unannotated, an async method's `design:returntype` is Promise: so is the wrapper's.
  return `(${text.join(', ')})${returnType ? code.slice(returnType.start!, returnType.end!) : context.typescript && !fn.asyncGenerator ? ': Promise<any>' : ''}`;
}

type Parameter = t.Function['params'][number];

/** The binding a parameter declares: itself, or what its default or rest applies to. */
function parameterBinding(param: Parameter): t.Node {
  return param.type === 'AssignmentPattern' ? param.left : param.type === 'RestElement' ? param.argument : param;
}

function decoratorsOf(node: t.Node): t.Decorator[] {
  return (node as { decorators?: t.Decorator[] | null }).decorators ?? [];
}

function hasParameterDecorators(node: t.Function): boolean {
  return node.params.some((param) => parameterDecorators(param).length > 0);
}

/** A parameter's decorators (Babel puts a defaulted parameter's on its binding). */
function parameterDecorators(param: Parameter): t.Decorator[] {
  const binding = parameterBinding(param);
  return binding === param ? decoratorsOf(param) : [...decoratorsOf(param), ...decoratorsOf(binding)];
}

/** A parameter's type annotation (`: T`), wherever the parser put it. */
function typeAnnotationOf(param: Parameter): t.Node | null {
  const annotated = (node: t.Node) => (node as { typeAnnotation?: t.Node | null }).typeAnnotation ?? null;
  return annotated(param) ?? annotated(parameterBinding(param));
}

/**
 * What the wrapper forwards to the generator: `arguments`, or, when the body cannot observe its
 * `arguments` object and every parameter is a plain identifier, an array of the parameters (the
 * generator binds the same values, and an arguments object costs a third of a call).
 */
function forwardedArguments(node: t.Function, fn: FunctionContext, context: ShellContext): string {
  const params = node.params.filter((p) => !(p.type === 'Identifier' && p.name === 'this'));
  const plain = params.every((p) => p.type === 'Identifier' && p.name !== 'arguments');
  const repeated = new Set(params.map((p) => (p as t.Identifier).name)).size < params.length;
  if (fn.usesArguments || !plain || repeated) return 'arguments';
  return `[${wrapperParamNames(node.params, context).join(', ')}]`;
}

function typeParametersText(node: t.Function, code: string): string {
  const typeParameters = (node as { typeParameters?: t.Node | null }).typeParameters;
  return typeParameters ? code.slice(typeParameters.start!, typeParameters.end!) : '';
}

/** The `(` that opens the parameter list. */
function paramsOpen(node: t.Function, code: string, from: number): number {
  const typeParameters = (node as { typeParameters?: t.Node | null }).typeParameters;
  return findToken(code, typeParameters ? typeParameters.end! : from, '(', ']*?!');
}

/** Where an arrow's `=>` is: after its return type, last parameter, or type parameters (`async <T extends () => void>() => 1`). */
function arrowToken(node: t.ArrowFunctionExpression, code: string, afterAsync: number): number {
  const { returnType, typeParameters } = node as { returnType?: t.Node | null; typeParameters?: t.Node | null };
  const lastParam = node.params[node.params.length - 1];
  return findToken(code, returnType ? returnType.end! : lastParam ? lastParam.end! : typeParameters ? typeParameters.end! : afterAsync, '=>', '(),');
}

function generatorName(fn: FunctionContext, context: ShellContext, { scoped = false } = {}): string {
  const base = `_${fn.name || 'anonymous'}`;
  return scoped ? context.names.local(base) : context.names.claim(base);
}

function lowerDeclaration(node: t.FunctionDeclaration, fn: FunctionContext, context: ShellContext) {
  const { s, code } = context;
  const driver = driverOf(fn, context);
  const open = paramsOpen(node, code, node.id ? node.id.end! : findKeyword(code, node.start!, 'function', node.body.start!) + 8);
  const name = node.id ? (context.renamed.get(node.id.name) ?? node.id.name) : '';
  const generator = generatorName(fn, context);
  const typeParameters = typeParametersText(node, code);
  const params = wrapperParamNames(node.params, context).join(', ');
  if (fn.hoistTo) {
    // A method extracted from a literal is not constructible, has no `prototype` and no own
    // `arguments`/`caller`, like an async function. Bound at the top of the scope, it is callable
    // wherever the declaration was (hoisting); in a block it stays block-scoped, where Annex B would
    // var-hoist a plain sloppy `function` out of it.
    const { key, access } = propertyAccess(name);
    const wrapper = `{ ${key}(${params}) { ${strictPrologue(fn)}return ${driver}(${generator}, this, ${forwardedArguments(node, fn, context)}); } }${access}`;
    declareSlot(fn.hoistTo, name, context, { init: withPrototype(fn, wrapper, generator, context), asVar: fn.hoistAsVar });
    s.update(node.start!, open, `function* ${generator}${typeParameters}`);
    return;
  }
  if (fn.sloppySwitch && name && !spellsName(code.slice(fn.sloppySwitch.discriminant.start!, fn.sloppySwitch.discriminant.end!), name)) {
    // A `let` of the same name around the switch makes Annex B's "would `var f` be an early error"
    // test true, so the plain `function f` in the case is not var-hoisted out of the switch, as a
    // native async declaration is not. (Skipped when the discriminant names `f`: it would see the let.)
    s.prependRight(fn.sloppySwitch.start!, `{ let ${name}; `);
    s.appendLeft(fn.sloppySwitch.end!, ' }');
  }
  s.update(
    node.start!,
    open,
    // An async generator declaration hands itself over, so the runtime can give its own `prototype`
    // %AsyncGeneratorPrototype% on the first call (it cannot run code where the declaration stands).
    `function ${name}${typeParameters}(${params}) { ${strictPrologue(fn)}return ${driver}(${generator}, this, ${forwardedArguments(node, fn, context)}, new.target${fn.asyncGenerator && name ? `, ${name}` : ''}); } function* ${generator}${typeParameters}`
  );
  // Initialized before any code of its statement list runs: the prototype is set first thing there
  // (an anonymous `export default` has no name to set it through).
  if (context.asyncFunctionPrototype && !fn.asyncGenerator && name && fn.declaredIn) {
    slotList(fn.declaredIn, context).statements.push(`${context.helper('asyncFunction')}(${name});`);
  }
}

function lowerExpression(node: t.FunctionExpression, fn: FunctionContext, context: ShellContext) {
  const { s, code } = context;
  const driver = driverOf(fn, context);
  const open = paramsOpen(node, code, node.id ? node.id.end! : findKeyword(code, node.start!, 'function', node.body.start!) + 8);
  const generator = generatorName(fn, context, { scoped: true });
  const params = wrapperParamNames(node.params, context).join(', ');
  const { key, access } = propertyAccess(fn.name);
  const wrapper = withPrototype(fn, `{ ${key}(${params}) { ${strictPrologue(fn)}return ${driver}(${generator}, this, ${forwardedArguments(node, fn, context)}); } }${access}`, generator, context);
  const typeParameters = typeParametersText(node, code);
  // A named expression binds its own name inside its body, immutably: assigning it throws in strict
  // code and is silently ignored in sloppy code. A `const` gives the first; for sloppy code whose
  // body may assign the name (directly or through `eval`), a `with` object whose setter ignores
  // writes gives the second.
  const selfName = node.id ? (context.renamed.get(node.id.name) ?? node.id.name) : '';
  if (selfName && fn.assignsOwnName && !fn.strict) {
    const self = context.names.local('_self');
    s.update(node.start!, open, `${pure}(() => { var ${self}; with ({ __proto__: null, get ${selfName}() { return ${self}; }, set ${selfName}(value) {} }) { function* ${generator}${typeParameters}`);
    s.appendLeft(node.end!, ` ${self} = ${wrapper}; } return ${self}; })()`);
    return;
  }
  if (!selfName && !fn.asyncGenerator) {
    // The generator is the argument of an arrow that returns the wrapper: the shortest shape that
    // still makes one generator per evaluation (its body needs no binding of the arrow's scope).
    s.update(node.start!, open, `${pure}((${generator}) => (${wrapper}))(${pure}${context.helper('freshGenerator')}(function* ${generator}${typeParameters}`);
    s.appendLeft(node.end!, '))');
    return;
  }
  s.update(node.start!, open, `${pure}(() => { function* ${generator}${typeParameters}`);
  s.appendLeft(node.end!, selfName ? ` const ${selfName} = ${wrapper}; return ${selfName}; })()` : ` return ${wrapper}; })()`);
}

/** Where a hoisted arrow's generator goes, and the enclosing function's parameters it is passed per call. */
interface ArrowHoist {
  target: StatementList;
  passedNames: string[];
  /** The enclosing code is strict and the target is not: the generator body says "use strict" itself. */
  addStrict: boolean;
  /**
   * The body names the class's private names or its inner binding, which mean nothing outside the
   * class: the generator is created in a static private field of the class instead, once per class
   * evaluation, and kept in a variable of the target list.
   */
  inClass?: t.Class;
}

/**
 * Where an async arrow's generator can live instead of being created on each evaluation: the
 * statement list around its enclosing function (or class). Every name the body uses must mean the
 * same there: declared nowhere in the enclosing function outside the arrow, or a parameter or
 * constant of it that nothing can change once the arrow exists (closure conversion: the wrapper
 * passes its value per call, which is the value the body would read). The body may need `this`, `arguments`,
 * `new.target` and `super` from its site too, which the wrapper passes per call.
 *   "function f(items, k) { return items.map(async (x) => (await x) * k) }"
 *   => "function f(items, k) { return items.map((x) => spawn(_anonymous, void 0, [x, k])) } function* _anonymous(x, k) { ... }"
 */
function arrowHoist(node: t.ArrowFunctionExpression, fn: FunctionContext, context: ShellContext): ArrowHoist | null {
  const owner = fn.parent;
  if (!owner || owner.kind === 'arrow') return null;
  // `eval` or `with` in the enclosing function can declare or shadow names no walk sees.
  if (fn.containsLowered || fn.hasEval || owner.dynamicScope || fn.superUses.has('superCall') || fn.captures.has('superCall')) return null;
  // Its generator would read them in its body, after the parameters that use them.
  if (fn.capturesInParameters) return null;
  // Outside any function, the generator goes in the arrow's own statement list, where every name
  // means what it means at the arrow.
  if (owner.kind === 'program') return fn.hoistTarget ? { target: fn.hoistTarget, passedNames: [], addStrict: false } : null;
  if (!owner.hoistTarget) return null;
  const plainParams = node.params.every((param) => param.type === 'Identifier');
  // A strict function's arrow moved into sloppy code (a class in a script) keeps strict mode with a
  // directive, which a function with a non-simple parameter list may not have.
  const addStrict = owner.strict && !owner.parent!.strict;
  if (addStrict && !plainParams) return null;
  const ownName = owner.node.type === 'FunctionExpression' ? owner.node.id?.name : undefined;
  const passedNames: string[] = [];
  // A class method's arrow may use the class's private names and binding from a static field of it,
  // when it uses a private name (so the class has class-field syntax already, and the field adds no
  // newer syntax to the output).
  const ownClass = owner.kind === 'method' && owner.container && owner.container.type !== 'ObjectExpression' ? owner.container : undefined;
  let usesPrivateName = false;
  let needsClass = false;
  for (const name of fn.nameCounts.keys()) {
    if (name === ownName) return null;
    if (name.startsWith('#') || name === owner.className) {
      if (!ownClass) return null;
      needsClass = true;
      if (name.startsWith('#')) usesPrivateName = true;
      continue;
    }
    // The arrow's own parameter: every use of the name in the arrow means it (or a binding inside).
    if (fn.simpleParams?.has(name)) continue;
    const declaredOutside = (owner.declared?.get(name) ?? 0) - (fn.declared?.get(name) ?? 0);
    if (declaredOutside === 0) continue;
    if (declaredOutside === 1 && isPassable(name, fn, owner, context)) passedNames.push(name);
    else return null;
  }
  // Passed values go last in the generator's parameters, which needs the arrow's to be plain.
  if (passedNames.length && !plainParams) return null;
  if (!needsClass) return { target: owner.hoistTarget, passedNames, addStrict };
  return usesPrivateName ? { target: owner.hoistTarget, passedNames, addStrict: false, inClass: ownClass } : null;
}

/**
 * A binding of the arrow's enclosing function whose value cannot change once the arrow can run, so
 * passing its value per call is the same as reading it: declared once in the function and nowhere
 * in the arrow, never assigned, and either
 * - a plain parameter, not aliased by a sloppy function's mapped `arguments`, the arrow in the body
 *   (in the parameter list it could run before a later parameter is bound); or
 * - a `const` whose declaration the arrow follows in its block (then it is initialized whenever the
 *   arrow exists; the wrapper reads it at the arrow's site, where the name means that constant).
 */
function isPassable(name: string, fn: FunctionContext, owner: FunctionContext, context: ShellContext): boolean {
  if (owner.assigned?.has(name) || fn.declared?.has(name)) return false;
  // Names a generator's parameter cannot take, or that the lowering renames.
  if (name === 'yield' || name === 'arguments' || name === 'eval' || context.renamed.has(name)) return false;
  const constant = owner.constants?.get(name);
  if (constant) return constant[0] <= fn.node.start! && fn.node.end! <= constant[1];
  if (!owner.simpleParams?.has(name) || fn.inParentParameters) return false;
  const mappedArguments = !owner.strict && owner.usesArguments && (owner.node as t.Function).params.every((param) => param.type === 'Identifier');
  return !mappedArguments;
}

function lowerArrow(node: t.ArrowFunctionExpression, fn: FunctionContext, context: ShellContext) {
  const { s, code } = context;
  const driver = driverOf(fn, context);
  const afterAsync = skipTrivia(code, findKeyword(code, node.start!, 'async', node.body.start!) + 5);
  const hoist = arrowHoist(node, fn, context);
  if (hoist) {
    lowerHoistedArrow(node, fn, context, { afterAsync, driver, hoist });
    return;
  }
  const generator = generatorName(fn, context, { scoped: true });
  const { key, access } = propertyAccess(fn.name);
  const { params, forwarded } = arrowForwarding(node.params, context);
  const self = fn.passesThis ? 'this' : 'void 0';
  const wrapper = withPrototype(fn, `{ ${key}: (${params}) => ${driver}(${generator}, ${self}, ${forwarded}) }${access}`, generator, context);
  // Without captures to declare first, the generator is the argument of an arrow that returns the
  // wrapper (shorter than a block with a declaration and a return); `this` stays lexical either way.
  const captures = captureDeclarations(fn.captures, context.captureNames);
  const semicolon = fn.startsStatement ? ';' : '';
  s.update(node.start!, afterAsync, captures ? `${semicolon}${pure}(() => { ${captures}function* ${generator}` : `${semicolon}${pure}((${generator}) => (${wrapper}))(${pure}${context.helper('freshGenerator')}(function* ${generator}`);
  const parenthesized = code[afterAsync] === '(' || code[afterAsync] === '<';
  if (!parenthesized) {
    const param = node.params[0]!;
    s.appendLeft(param.start!, '(');
    s.appendLeft(param.end!, ')');
  }
  const arrow = arrowToken(node, code, afterAsync);
  s.update(code[arrow - 1] === ' ' ? arrow - 1 : arrow, arrow + 2, '');
  if (node.body.type !== 'BlockStatement') {
    const bodyStart = (node.body.extra?.parenStart as number | undefined) ?? node.body.start!;
    s.prependRight(bodyStart, '{ return ');
    s.appendLeft(node.end!, ' }');
  }
  s.appendLeft(node.end!, captures ? ` return ${wrapper}; })()` : '))');
}

/**
 * "const f = async (y) => this.k + arguments[0] + super.m() + (await y)" inside method `m`
 *   => "const f = (y) => spawn(_f, this, [y, arguments, (key) => super[key]])"
 *      and, once per evaluation of the enclosing class or function, next to it:
 *      "function* _f(y, _arguments, _superGet) { return ... }"
 * (with a default, pattern or rest parameter: "spawn(_f, this, [..._rest], void 0, { a: arguments, ... })"
 * and "const { a: _arguments, ... } = currentCaptures();" first in the body)
 * An arrow created on every call then costs an arrow, not a generator function (whose first call
 * makes V8 build a new map: 15 to 25 times the call).
 */
function lowerHoistedArrow(
  node: t.ArrowFunctionExpression,
  fn: FunctionContext,
  context: ShellContext,
  where: { afterAsync: number; driver: string; hoist: ArrowHoist }
) {
  const { s, code } = context;
  const names = context.captureNames;
  const owner = fn.parent!;
  const inClass = where.hoist.inClass;
  const generator = inClass ? staticFieldHolder(inClass, `_${fn.name || 'anonymous'}`, where.hoist.target, context) : context.names.claim(`_${fn.name || 'anonymous'}`);
  // What the body needs from its site, and how the site spells it (inside a lowered function the
  // `super` arrows already exist under their capture names).
  const passed: [key: string, local: string, value: string][] = where.hoist.passedNames.map((name) => [name, name, name]);
  if (fn.captures.has('arguments')) passed.push(['a', names.arguments, 'arguments']);
  if (fn.captures.has('outerArguments')) passed.push(['a', names.outerArguments, outerArgumentsReader]);
  if (fn.captures.has('newTarget')) passed.push(['n', names.newTarget, 'new.target']);
  if (fn.superUses.has('superGet')) passed.push(['g', names.superGet, owner.lowered ? names.superGet : '(key) => super[key]']);
  if (fn.superUses.has('superSet')) passed.push(['s', names.superSet, owner.lowered ? names.superSet : '(key, value) => super[key] = value']);
  let { params, forwarded } = arrowForwarding(node.params, context);
  // When the parameters are all plain (the array holds exactly them), what the body needs goes last
  // in the array and the generator takes it as extra parameters (an arrow's generator has no
  // observable `arguments` of its own); otherwise through `currentCaptures()`, the body's first statement.
  const positional = passed.length > 0 && forwarded.startsWith('[') && !forwarded.includes('...');
  let prologue = '';
  let env = '';
  let extraParams = '';
  if (positional) {
    extraParams = passed.map(([, local]) => local).join(', ');
    forwarded = `[${[...(forwarded === '[]' ? [] : [forwarded.slice(1, -1)]), ...passed.map(([, , value]) => value)].join(', ')}]`;
  } else if (passed.length) {
    prologue = `const { ${passed.map(([key, local]) => `${key}: ${local}`).join(', ')} } = ${context.currentCaptures()}(); `;
    env = `, void 0, { ${passed.map(([key, , value]) => `${key}: ${value}`).join(', ')} }`;
  }
  const self = fn.passesThis ? 'this' : 'void 0';
  // The arrow stays where it was (so NamedEvaluation still names it); its body moves to the target.
  // To get the stand-in prototype it is wrapped, and named by a property key, as unhoisted arrows are.
  const arrowHead = `(${params}) => ${where.driver}(${generator}, ${self}, ${forwarded}${env})`;
  const { key, access } = propertyAccess(fn.name);
  const wrapped = context.asyncFunctionPrototype ? `${pure}${context.helper('asyncFunction')}({ ${key}: ${arrowHead}` : '';
  s.update(node.start!, where.afterAsync, `${fn.startsStatement ? ';' : ''}${wrapped || arrowHead}`);
  // (After the arrow's end, where the body's text moves away from.)
  if (wrapped) s.prependRight(node.end!, ` }${access})`);
  const parenthesized = code[where.afterAsync] === '(' || code[where.afterAsync] === '<';
  if (!inClass) s.prependRight(where.afterAsync, ` function* ${generator}`);
  const lastParam = node.params[node.params.length - 1];
  if (extraParams && lastParam) s.appendLeft(lastParam.end!, `, ${extraParams}`);
  else if (extraParams) s.appendLeft(paramsOpen(node, code, where.afterAsync) + 1, extraParams);
  if (!parenthesized) {
    // `async x => ...`: the parameter starts the moved text, so its `(` goes inside it, after the name.
    const param = node.params[0]!;
    s.appendRight(param.start!, '(');
    s.appendLeft(param.end!, ')');
  }
  const arrow = arrowToken(node, code, where.afterAsync);
  s.update(code[arrow - 1] === ' ' ? arrow - 1 : arrow, arrow + 2, '');
  const strict = where.hoist.addStrict ? '"use strict"; ' : '';
  if (node.body.type !== 'BlockStatement') {
    const bodyStart = (node.body.extra?.parenStart as number | undefined) ?? node.body.start!;
    s.prependRight(bodyStart, `{ ${strict}${prologue}return `);
    s.appendLeft(node.end!, ' }');
  } else {
    const body = node.body;
    if (strict) s.appendLeft(body.start! + 1, ` ${strict.trimEnd()}`);
    if (prologue) {
      const at = body.directives.length ? body.directives[body.directives.length - 1]!.end! : body.start! + 1;
      s.appendLeft(at, `${separatorAfterDirective(code, at, body.directives.length > 0)} ${prologue}`);
    }
  }
  if (inClass) moveIntoStaticField(s, { from: where.afterAsync, to: node.end!, inClass, holder: generator });
  else moveBeforeStatement(s, node, where.afterAsync, where.hoist.target);
}

/**
 * A variable of `list` that a static private field of the same name in `inClass` assigns: claimed
 * afresh while the class already spells that private name.
 */
function staticFieldHolder(inClass: t.Class, base: string, list: StatementList, context: ShellContext): string {
  const classText = context.code.slice(inClass.start!, inClass.end!);
  let name = context.names.claim(base);
  while (classText.includes(`#${name}`)) name = context.names.claim(base);
  return declareSlot(list, name, context, { claimed: true });
}

/**
 * Moves a generator's parameters and body (`from` to `to`) into a static private field first among
 * the class's static initializers, which assigns it to `holder` once per class evaluation:
 * "static #_m = (_m = function*(a) { body }, void 0);".
 */
function moveIntoStaticField(s: MagicString, where: { from: number; to: number; inClass: t.Class; holder: string }) {
  s.prependRight(where.from, `static #${where.holder} = (${where.holder} = function*`);
  s.appendLeft(where.to, ', void 0);');
  s.move(where.from, where.to, where.inClass.body.start! + 1);
}

/** Moves the generator text from `from` to the end of `node` before the statement of `list` that holds it. */
function moveBeforeStatement(s: MagicString, node: t.Node, from: number, list: StatementList) {
  s.appendLeft(node.end!, ' ');
  const statements = list.type === 'SwitchCase' ? list.consequent : list.body;
  const statement = statements.find((candidate) => candidate.start! <= node.start! && node.end! <= candidate.end!)!;
  s.move(from, node.end!, statement.start!);
}

/**
 * An arrow has no `arguments` of its own, so the wrapper forwards its parameters as an array: the
 * plain leading ones by name, and everything else through a rest parameter so defaults, patterns and
 * rest see exactly the arguments the call passed.
 */
function arrowForwarding(params: t.Function['params'], context: ShellContext): { params: string; forwarded: string } {
  const leading = wrapperParamNames(params, context);
  const realParams = params.filter((p) => !(p.type === 'Identifier' && p.name === 'this'));
  if (leading.length === realParams.length) return { params: leading.join(', '), forwarded: `[${leading.join(', ')}]` };
  const rest = context.names.local('_rest');
  return {
    params: [...leading, `...${rest}`].join(', '),
    forwarded: leading.length ? `[${leading.join(', ')}, ...${rest}]` : rest,
  };
}

function lowerMethod(node: t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod, fn: FunctionContext, context: ShellContext) {
  const { s, code } = context;
  const driver = driverOf(fn, context);
  const decorators = (node as { decorators?: t.Node[] | null }).decorators;
  const from = decorators?.length ? decorators[decorators.length - 1]!.end! : node.start!;
  const asyncStart = findKeyword(code, from, 'async', node.key.start!);
  let afterModifiers = skipTrivia(code, asyncStart + 5);
  // `async *m()`: the wrapper is a plain method; the star belongs to the generator it runs.
  if (fn.asyncGenerator && code[afterModifiers] === '*') afterModifiers = skipTrivia(code, afterModifiers + 1);
  s.update(asyncStart, afterModifiers, '');
  // A computed key may be parenthesized (`[(a, b)]`): its node ends inside the parentheses.
  const keyClose = node.computed ? findToken(code, node.key.end!, ']', ')') : node.key.end!;
  const keyStart = node.computed ? ((node.key.extra?.parenStart as number | undefined) ?? node.key.start!) : node.key.start!;
  const open = paramsOpen(node, code, keyClose);
  const signature = methodSignature(node, fn, context);
  const container = fn.container;
  // esbuild rewrites a class's own name inside a computed key (even inside a function there) into an
  // access that throws, so a method whose body names its class does not make its generator in its
  // key: a static private field of the class makes it, where the class already has class-field
  // syntax, and the method makes it per call otherwise.
  const ownClass = container && container.type !== 'ObjectExpression' ? container : null;
  const namesOwnClass = !!ownClass && !fn.asyncGenerator && fn.className !== null && fn.nameCounts.has(fn.className);
  // A decorated method keeps its key as written: Babel's legacy decorators read `@d [key]` as
  // `@(d[key])`, and TypeScript loses the parameter decorators of a static method with a computed key.
  // Decorators are newer than class fields, so a static private field makes its generator.
  // (An async generator method with a computed key keeps it: the runtime finds the method by its value.)
  const decorated = !!ownClass && !(fn.asyncGenerator && node.computed) && (decoratorsOf(node).length > 0 || hasParameterDecorators(node));
  // A class method whose generator can be declared outside the class: its body names neither the
  // class nor a private name (only reachable inside), the code around the class is strict as the class
  // is, it has no decorators (which read the method TypeScript sees), and the class has no type
  // parameters its body's types could name. Then the class makes no generator itself: one nothing uses
  // can be dropped by a bundler, as esbuild drops a native class.
  const needsNoClassScope =
    node.type === 'ClassMethod' && node.kind === 'method' && !!fn.parent?.strict && !namesOwnClass && !decorated && !namesPrivate(fn) && !(ownClass as { typeParameters?: t.Node | null }).typeParameters;
  const declarationTarget = fn.generatorDeclarationTarget;
  if (declarationTarget && !fn.asyncGenerator && !fn.captures.size && !fn.superInParameters && (node.type === 'ObjectMethod' || needsNoClassScope)) {
    lowerMethodWithGeneratorDeclaration(node, fn, context, { open, signature, target: declarationTarget });
    handOverAsyncMethod(fn, handOverKey(fn, context, declarationTarget, { start: keyStart, close: keyClose }), context);
    return;
  }
  const slot = fn.generatorSlot;
  // An async generator's body starts on its first `next()`, long after the call: it cannot take the
  // method's `super` arrows at its start, so such a method creates its generator per call.
  const onlySuperCaptures = [...fn.captures].every((capture) => capture === 'superGet' || capture === 'superSet') && (!fn.asyncGenerator || fn.captures.size === 0);
  if (slot && onlySuperCaptures && !fn.superInParameters && node.type !== 'ClassPrivateMethod' && !namesOwnClass && !decorated) {
    // The generator is named by the assignment (NamedEvaluation), so frames read `_m`.
    const holder = declareSlot(slot, `_${fn.name || 'anonymous'}`, context);
    const typeParameters = typeParametersText(node, code);
    const typeParametersEnd = (node as { typeParameters?: t.Node | null }).typeParameters?.end ?? open;
    let keyText: string;
    if (node.computed) {
      // The key expression keeps its place (and its evaluation order) through a temporary. An async
      // generator method's key is converted right there, as the class or literal would convert it,
      // so the runtime can find the method by it later without running user code again.
      const key = declareSlot(slot, `${holder}Key`, context);
      const convert = fn.asyncGenerator || context.asyncFunctionPrototype ? context.helper('toPropertyKey') : '';
      s.prependRight(keyStart, `(${key} = ${convert ? `${convert}(` : ''}`);
      s.update(keyClose, typeParametersEnd, `${convert ? ')' : ''}, ${holder} = function*${typeParameters}`);
      keyText = key;
    } else {
      keyText = propertyKeyText(node, code);
      s.update(node.key.start!, typeParametersEnd, `[(${holder} = function*${typeParameters}`);
    }
    let forwarded = forwardedArguments(node, fn, context);
    let captured = '';
    if (fn.captures.size) {
      // The generator lives outside the method and cannot contain `super`: the method passes arrows
      // that can. When the arguments travel as an array (the body cannot observe its `arguments`),
      // they go last in it, and the generator takes them as extra parameters:
      //   "[(_m = function*(a, _superGet) { ... }, "m")](a) { return spawn(_m, this, [a, (key) => super[key]]); }"
      // Otherwise (one arrow, or an object of two) through `currentCaptures()`, the body's first statement.
      const names = context.captureNames;
      const getter = '(key) => super[key]';
      const setter = '(key, value) => super[key] = value';
      const setsSuper = fn.captures.has('superSet');
      if (forwarded.startsWith('[')) {
        const extra = setsSuper ? [names.superGet, names.superSet] : [names.superGet];
        const lastParam = node.params[node.params.length - 1];
        if (lastParam) s.appendLeft(lastParam.end!, `, ${extra.join(', ')}`);
        else s.appendLeft(open + 1, extra.join(', '));
        forwarded = `${forwarded.slice(0, -1)}${forwarded === '[]' ? '' : ', '}${setsSuper ? `${getter}, ${setter}` : getter}]`;
      } else {
        const body = node.body;
        const at = body.directives.length ? body.directives[body.directives.length - 1]!.end! : body.start! + 1;
        const binding = setsSuper ? `{ get: ${names.superGet}, set: ${names.superSet} }` : names.superGet;
        captured = setsSuper ? `, void 0, { get: ${getter}, set: ${setter} }` : `, void 0, ${getter}`;
        s.appendLeft(at, `${separatorAfterDirective(code, at, body.directives.length > 0)} const ${binding} = ${context.currentCaptures()}();`);
      }
    }
    s.appendLeft(node.end!, `, ${keyText})]${signature} { ${strictPrologue(fn)}return ${driver}(${holder}, this, ${forwarded}${captured}); }`);
    if (fn.asyncGenerator) context.handOverMethod(fn, keyText, holder);
    handOverAsyncMethod(fn, keyText, context);
    return;
  }
  const inStaticField = node.type === 'ClassPrivateMethod' || (namesOwnClass && hasClassFieldSyntax(ownClass!)) || decorated;
  if (slot && !fn.captures.size && !fn.superInParameters && inStaticField && ownClass) {
    // A private method has no computed key to create its generator in, so a static private field of
    // the class does it, once per class evaluation, first among the static initializers (a class with
    // private methods can have private fields): "async #m(a) { body }" =>
    // "static #_m = (_m = function* (a) { body }, void 0); ... #m(a) { return spawn(_m, this, arguments); }"
    const holder = staticFieldHolder(ownClass, `_${fn.name || 'anonymous'}`, slot, context);
    const keyEnd = node.computed ? keyClose + 1 : node.key.end!;
    moveIntoStaticField(s, { from: keyEnd, to: node.end!, inClass: ownClass, holder });
    s.appendLeft(keyEnd, `${signature} { return ${driver}(${holder}, this, ${forwardedArguments(node, fn, context)}); }`);
    if (fn.asyncGenerator && node.type !== 'ClassPrivateMethod') context.handOverMethod(fn, propertyKeyText(node, code), holder);
    handOverAsyncMethod(fn, handOverKey(fn, context, slot, { start: keyStart, close: keyClose }), context);
    return;
  }
  const generator = generatorName(fn, context);
  const captures = captureDeclarations(fn.captures, context.captureNames);
  s.prependRight(open, `${signature} { ${strictPrologue(fn)}${captures}return ${driver}(function* ${generator}`);
  s.appendLeft(node.end!, `, this, ${forwardedArguments(node, fn, context)}); }`);
  handOverAsyncMethod(fn, handOverKey(fn, context, slot, { start: keyStart, close: keyClose }), context);
}

/** The function's body names a private name (`#x`), which means nothing outside its class. */
function namesPrivate(fn: FunctionContext): boolean {
  for (const name of fn.nameCounts.keys()) if (name.startsWith('#')) return true;
  return false;
}

/**
 * "const api = { async load(id) { return (await get(id)).body } }" outside any function
 *   => "function* _load(id) { return (yield get(id)).body } const api = { load(id) { return spawn(_load, this, [id]) } }"
 * The object literal adds no scope, so a generator declared in the statement list around it means
 * every name as the method does; it exists before the statement runs, once per run of the list, and
 * reads as plain code. A body using `super` keeps its generator in the method's computed key (a
 * declaration has no HomeObject). The same for a class's method that needs nothing of the class's
 * scope (lowerMethod's `needsNoClassScope`).
 */
function lowerMethodWithGeneratorDeclaration(
  node: t.ObjectMethod | t.ClassMethod,
  fn: FunctionContext,
  context: ShellContext,
  where: { open: number; signature: string; target: StatementList }
) {
  const { s, code } = context;
  const generator = context.names.claim(`_${fn.name || 'anonymous'}`);
  s.appendLeft(where.open, `${where.signature} { ${strictPrologue(fn)}return ${driverOf(fn, context)}(${generator}, this, ${forwardedArguments(node, fn, context)}); }`);
  s.prependRight(where.open, ` function* ${generator}${typeParametersText(node, code)}`);
  moveBeforeStatement(s, node, where.open, where.target);
}

/** A method's key (not computed) as an expression of its property name: `m` => `"m"`, `'a b'` and `1` as written. */
function propertyKeyText(node: t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod, code: string): string {
  return node.key.type === 'Identifier' ? JSON.stringify(node.key.name) : code.slice(node.key.start!, node.key.end!);
}

/**
 * The key an async method is handed over by (`asyncFunctionPrototype`): as `propertyKeyText` spells
 * it, or for a computed key, a binding of `list` it is converted into where it stands; null for a
 * private method, or a computed key with no list to hold it.
 */
function handOverKey(fn: FunctionContext, context: ShellContext, list: StatementList | null, key: { start: number; close: number }): string | null {
  const node = fn.node as t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod;
  if (!context.asyncFunctionPrototype || fn.asyncGenerator || node.type === 'ClassPrivateMethod') return null;
  if (!node.computed) return propertyKeyText(node, context.code);
  if (!list) return null;
  const binding = declareSlot(list, '_key', context);
  context.s.prependRight(key.start, `(${binding} = ${context.helper('toPropertyKey')}(`);
  context.s.appendLeft(key.close, '))');
  return binding;
}

/** Class members of the same edition as a static private field. */
const classFieldSyntax = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassPrivateMethod', 'ClassAccessorProperty', 'StaticBlock']);

/** The class already has class fields, private elements or static blocks. */
function hasClassFieldSyntax(container: t.Class): boolean {
  return container.body.body.some((member) => classFieldSyntax.has(member.type));
}

/** Bindings for the top of one statement list, in source order. */
export interface SlotList {
  /** Declared with `var` (a function body, static block or script) rather than `let`. */
  asVar: boolean;
  declarators: string[];
  /** Statements to run right after the declarations, before the list's own. */
  statements: string[];
}

function declareSlot(slot: StatementList, base: string, context: ShellContext, binding: { init?: string; asVar?: boolean; claim?: boolean; claimed?: boolean } = {}): string {
  // A hoisted declaration keeps its own name; generated holders claim a fresh one (unless `claimed` already).
  const name = binding.claimed || (binding.init !== undefined && !binding.claim) ? base : context.names.claim(base);
  const list = slotList(slot, context);
  if (binding.asVar) list.asVar = true;
  list.declarators.push(binding.init !== undefined ? `${name} = ${binding.init}` : name);
  return name;
}

function slotList(slot: StatementList, context: ShellContext): SlotList {
  let list = context.slots.get(slot);
  if (!list) context.slots.set(slot, (list = { asVar: slot.type === 'Program', declarators: [], statements: [] }));
  return list;
}

/** Declares the slot bindings at the top of their statement lists, then runs their statements. */
export function emitSlots(s: MagicString, code: string, slots: Map<StatementList, SlotList>, programStart: number, atLineStart: boolean): void {
  for (const [list, slot] of slots) {
    // `var` where it can be (a script may run twice in one realm; a parameter may share a hoisted
    // function's name), `let` in blocks so each block entry gets its own.
    const declaration = slot.declarators.length ? `${slot.asVar ? 'var' : 'let'} ${slot.declarators.join(', ')};` : '';
    const statement = [declaration, ...slot.statements].filter(Boolean).join(' ');
    switch (list.type) {
      case 'Program':
        // At the start of a line (the file's, or the one after a hashbang), or after a directive.
        s.appendRight(programStart, atLineStart ? `${statement} ` : ` ${statement}`);
        break;
      case 'SwitchCase':
        s.prependRight(list.consequent[0]!.start!, `${statement} `);
        break;
      default: {
        const directives = list.type === 'BlockStatement' ? list.directives : [];
        const at = directives.length ? directives[directives.length - 1]!.end! : findToken(code, list.start!, '{', 'static') + 1;
        s.appendLeft(at, `${separatorAfterDirective(code, at, directives.length > 0)} ${statement}`);
      }
    }
  }
}
