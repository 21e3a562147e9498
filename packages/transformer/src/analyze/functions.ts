// Read-only pass: one walk over the AST that finds every function-like context, which of them this
// pass lowers, their suspension points (`await`), and every use of `this`, `arguments`, `new.target`,
// `super` and direct `eval` that the lowering must forward or capture. Nothing is rewritten here.
import type * as t from '@babel/types';
import { hasRuntimeName, inferFunctionName } from './names.js';
import { notChildren } from './children.js';
import { ignoreComments, sentAsTextTo, type IgnoreComments } from './ignore-comments.js';
import type { Parsed } from '../parse.js';
import { nameSource } from '../text.js';

/** `list` declares another function named as `declaration` (in a statement left unparsed, by its text). */
function declaresFunctionTwice(list: StatementList, declaration: t.FunctionDeclaration, parsed: Parsed): boolean {
  const name = declaration.id?.name;
  if ((list as t.BlockStatement).body.some((other) => other !== declaration && other.type === 'FunctionDeclaration' && other.id?.name === name)) return true;
  if (list.type !== 'Program' || !parsed.unparsed.length || !name) return false;
  const spelled = new RegExp(`\\bfunction[\\s*]*${nameSource(name)}\\s*\\(`);
  return parsed.unparsed.some(([start, end]) => spelled.test(parsed.code.slice(start, end)));
}

// TypeScript's expression wrappers, which compile to their expression (and a parenthesized one, kept
// as a node only with `createParenthesizedExpressions`).
const typeWrappers = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

// Where a statement can be preceded by another that ASI may join it to.
const statementListTypes = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase', 'TSModuleBlock']);

export type ContextKind = 'program' | 'function' | 'arrow' | 'method' | 'class-field' | 'static-block';

/**
 * What a lowered function must bind at its creation site so its generator body can see it.
 * `outerArguments` is `arguments` in an async arrow outside any function, read through an arrow when
 * the body reads it: there it may name nothing (a ReferenceError at that read, as natively), a global,
 * or the arguments of the function a CommonJS loader wraps the file in.
 */
export type Capture = 'arguments' | 'outerArguments' | 'newTarget' | 'superGet' | 'superSet' | 'superCall';

export interface AwaitSite {
  node: t.AwaitExpression;
  parent: t.Node;
  parentKey: string;
  /** The first thing in an expression statement of a statement list (see FunctionContext.startsStatement). */
  startsStatement: boolean;
}

export interface FunctionContext {
  kind: ContextKind;
  node: t.Node;
  parent: FunctionContext | null;
  /** Lowered by this pass: an async function, arrow, method or async generator. */
  lowered: boolean;
  /** The name the function gets natively (`fn.name`), after NamedEvaluation; "" when anonymous. */
  name: string;
  awaits: AwaitSite[];
  /** Bindings to create before the generator, at this function's creation site. */
  captures: Set<Capture>;
  /** For lowered arrows: the body uses the lexical `this` (directly, via `super`, or via `eval`). */
  passesThis: boolean;
  /**
   * The first thing in an expression statement of a statement list: a lowering that makes it start
   * with `(` also puts a `;` first, or code without semicolons would run on from the line before
   * (`f()\n(yield a) || b` calls f's result).
   */
  startsStatement: boolean;
  /** A class constructor of a class with `extends`. */
  derivedConstructor: boolean;
  /** Strict mode code (module, class body, or a "use strict" directive). */
  strict: boolean;
  /**
   * For declarations: the statement list to hoist the binding to (as `var f = { f() {...} }.f` or
   * `let`), or null where the declaration must stay one: at module top level (cyclic imports call
   * functions before the module body runs), under `export`, and in `switch` cases.
   */
  hoistTo: StatementList | null;
  /** For `hoistTo`: the list is a function body, static block or script (a `var` scope). */
  hoistAsVar: boolean;
  /** A declaration in a `switch` case of sloppy code: Annex B would var-hoist its plain `function`. */
  sloppySwitch: t.SwitchStatement | null;
  /** For declarations that stay declarations (no `hoistTo`): the statement list they are declared in. */
  declaredIn: StatementList | null;
  /**
   * For methods: the statement list whose every execution evaluates the method's class or object
   * literal at most once (no function, loop or field initializer in between). A variable declared
   * there can hold the method's generator, created once per class evaluation. Null when there is none.
   */
  generatorSlot: StatementList | null;
  /** `super` is used in the parameter list (which runs before the generator body's first statement). */
  superInParameters: boolean;
  /** A capture (`arguments`, `new.target`, `super`) is used in the parameter list, which runs before
   * the generator body's first statement (where a hoisted arrow's generator reads its captures). */
  capturesInParameters: boolean;
  /** Set while the walk is inside this function's parameter list. */
  inParameters: boolean;
  /** A named function expression whose body may assign its own (immutable) name: directly or by `eval`. */
  assignsOwnName: boolean;
  /** The function's own `arguments` object is observable: referenced (also from nested arrows) or `eval`. */
  usesArguments: boolean;
  /** An `async function*`: its `yield`s, `yield*`s and `return`s are lowered too. */
  asyncGenerator: boolean;
  /** For async generators: `yield` and `yield*` expressions of the body itself. */
  yields: t.YieldExpression[];
  /** For async generators: `return expr;` statements of the body itself. */
  returns: t.ReturnStatement[];
  /** `for await` loops whose awaits belong to this function, with the labels in front of each. */
  forAwaits: ForAwaitSite[];
  /** Where this function's `await using` declarations stand: blocks, `for (...of)` and `for (;;)` heads. */
  awaitUsings: AwaitUsingSite[];
  /** How often each identifier (and `#private` name) occurs in this context's subtree. */
  nameCounts: Map<string, number>;
  /** For functions, methods, field initializers and static blocks: where a generator for an arrow inside
   * could be declared once per evaluation of this context's class or function (null if nowhere). For
   * an arrow outside any function: its statement list, if evaluated once per run of it with no scope
   * in between. */
  hoistTarget: StatementList | null;
  /** For an object literal's or a class's method outside any function, evaluated once per run of its
   * statement list with no scope in between (but the class's own): that list, where its generator can be
   * a declaration of its own. */
  generatorDeclarationTarget: StatementList | null;
  /** The name of the class whose method, field or static block this is. */
  className: string | null;
  /** For methods: the object literal or class they are defined on. */
  container: t.ObjectExpression | t.Class | null;
  /** A lowered function below this one. */
  containsLowered: boolean;
  /** Marked `@yieldfrom-ignore`, or inside a function that is: nothing in it is lowered (ignore-comments.ts). */
  keptAsWritten: boolean;
  /** For lowered arrows: `super` reads and writes in the body (passed per call when hoisted). */
  superUses: Set<'superGet' | 'superSet' | 'superCall'>;
  /** For lowered arrows: a direct `eval` in the body. */
  hasEval: boolean;
  /**
   * How often each name is declared in this context's subtree: `var`/`let`/`const`, functions,
   * classes, parameters (this context's own included), `catch`, imports, and every identifier in a
   * destructuring pattern (also an assigning one). Made on first use.
   */
  declared?: Map<string, number>;
  /** Names assigned as a plain identifier (`=`, `+=`, `++`, a `for-in/of` head) in the subtree. */
  assigned?: Set<string>;
  /** This function's parameters that are plain identifiers. */
  simpleParams?: Set<string>;
  /** Names this function binds to one value for good (a `const`, a function declaration of its body, a
   * class declaration), and the range where each is surely initialized; assignments are in `assigned`. */
  constants?: Map<string, [from: number, to: number]>;
  /** For arrows: created in the parameter list of the enclosing function. */
  inParentParameters: boolean;
  /** A direct `eval` or a `with` statement in the subtree: names may be declared or resolved where no walk sees. */
  dynamicScope: boolean;
}

export interface ForAwaitSite {
  node: t.ForOfStatement;
  /** Labels directly in front of the loop (`outer: for await ...`), outermost first. */
  labels: t.LabeledStatement[];
}

/**
 * A scope with `await using` declarations: a block (whose `using` declarations share its disposal),
 * a `for (await using x of xs)` loop (one disposal per iteration) or a `for (await using x = a; ;)`
 * loop (one disposal when the loop ends), with the labels in front of it.
 */
export type AwaitUsingSite =
  | { node: t.BlockStatement }
  | { node: t.ForOfStatement }
  | { node: t.ForStatement; labels: t.LabeledStatement[] };

/** A `using` or `await using` declaration (Babel 7's types do not list those kinds). */
export function isUsing(declaration: t.VariableDeclaration): boolean {
  const kind = declaration.kind as string;
  return kind === 'using' || kind === 'await using';
}

/** A node owning a list of statements: Program, BlockStatement, StaticBlock, SwitchCase, or a TypeScript
 * namespace's body (which TypeScript compiles to a function body, its names local to it). */
export type StatementList = t.Program | t.BlockStatement | t.StaticBlock | t.SwitchCase | t.TSModuleBlock;

/** A reference the lowering rewrites because the generator cannot see the original meaning. */
export type ContextReference =
  | {
      kind: 'arguments' | 'outerArguments';
      node: t.Identifier;
      parent: t.Node;
      parentKey: string;
      /** Inside the callee of a `new` (`new arguments.C()`): a read by a call needs parentheses. */
      inNewCallee: boolean;
    }
  | { kind: 'newTarget'; node: t.MetaProperty }
  | {
      kind: 'super';
      node: t.Super;
      parent: t.Node;
      grandparent: t.Node;
      grandparentKey: string;
      /** The member is written: the left of an assignment, an update, a `for-in/of` head or a pattern. */
      isTarget: boolean;
      /** Inside the callee of a `new` (`new super.C()`, `new super.C.D()`): its read needs parentheses. */
      inNewCallee: boolean;
    };

export interface Analysis {
  /** Lowered functions, innermost first (post-order), so nested edits are made before outer ones. */
  lowered: FunctionContext[];
  references: ContextReference[];
  /** Every identifier name in the parts of the file walked, so generated names never collide. */
  names: Set<string>;
  /** Top-level statements neither parsed nor walked (no async syntax): their names are read from their text. */
  unread: [number, number][];
  /**
   * `yield` used as an identifier inside a lowered body (legal in sloppy async code); `shorthand` when
   * it is also a property name (`{ yield }`, `{ yield = 1 }` in a pattern), which must stay.
   */
  yieldIdentifiers: { node: t.Identifier; shorthand: boolean }[];
  /** The `@yieldfrom-ignore` comments (ignore-comments.ts). */
  ignored: IgnoreComments;
  /** Problems found while reading: top-level await, constructs not lowered yet. */
  problems: { kind: 'top-level-await' | 'unsupported' | 'eval-in-arrow' | 'ignore-comment-unused' | 'sent-as-text'; node: t.Node; what: string }[];
  /** The name an anonymous class takes from where it stands (NamedEvaluation; "" for none), when known statically. */
  classNames: Map<t.Class, string>;
  /** Class expressions that are what `new` calls (`new class {}()`): wrapped, they need parentheses. */
  constructedClasses: Set<t.Node>;
}


/** Statements the parser did not read (`parsed.unparsed`) still count, by their names: `unread`. */
export function analyze(parsed: Parsed): Analysis {
  const program = parsed.ast.program;
  const ignored = ignoreComments(parsed.ast.comments, parsed.code);
  const analysis: Analysis = { lowered: [], references: [], names: new Set(), unread: [...parsed.unparsed], yieldIdentifiers: [], problems: [], classNames: new Map(), constructedClasses: new Set(), ignored };
  // The properties of object patterns met so far (visited before their values).
  const patternProperties = new WeakSet<t.Node>();
  const allYieldIdentifiers: Analysis['yieldIdentifiers'] = [];
  const root = createContext('program', program, null, false, '');
  root.strict = program.sourceType === 'module' || hasUseStrict(program.directives);

  function createContext(
    kind: ContextKind,
    node: t.Node,
    parent: FunctionContext | null,
    lowered: boolean,
    name: string
  ): FunctionContext {
    return {
      kind,
      node,
      parent,
      lowered,
      name,
      awaits: [],
      captures: new Set(),
      passesThis: false,
      startsStatement: false,
      derivedConstructor: false,
      strict: parent ? parent.strict : false,
      hoistTo: null,
      hoistAsVar: false,
      sloppySwitch: null,
      declaredIn: null,
      generatorSlot: null,
      superInParameters: false,
      capturesInParameters: false,
      inParameters: false,
      assignsOwnName: false,
      usesArguments: false,
      asyncGenerator: false,
      yields: [],
      returns: [],
      forAwaits: [],
      awaitUsings: [],
      nameCounts: new Map(),
      hoistTarget: null,
      generatorDeclarationTarget: null,
      className: null,
      container: null,
      containsLowered: false,
      keptAsWritten: parent ? parent.keptAsWritten : false,
      superUses: new Set(),
      hasEval: false,
      inParentParameters: false,
      dynamicScope: false,
    };
  }

  /** Arrows between `from` and the context that owns `this`-like bindings, innermost first. */
  function arrowChain(from: FunctionContext): { arrows: FunctionContext[]; owner: FunctionContext } {
    const arrows: FunctionContext[] = [];
    let context = from;
    while (context.kind === 'arrow') {
      arrows.push(context);
      context = context.parent!;
    }
    return { arrows, owner: context };
  }

  /** The outermost lowered function between the reference and its owner: where the capture goes. */
  function outermostLowered(arrows: FunctionContext[]): FunctionContext | undefined {
    for (let i = arrows.length - 1; i >= 0; i--) if (arrows[i]!.lowered) return arrows[i];
    return undefined;
  }

  /** Marks the enclosing named async function expressions called `name` (all of them for `eval`). */
  function markOwnNameAssignment(context: FunctionContext, name: string | null) {
    for (let c: FunctionContext | null = context; c; c = c.parent) {
      const id = c.node.type === 'FunctionExpression' ? c.node.id : null;
      if (c.lowered && id && (name === null || id.name === name)) c.assignsOwnName = true;
    }
  }

  function countName(context: FunctionContext, name: string) {
    for (let c: FunctionContext | null = context; c; c = c.parent) c.nameCounts.set(name, (c.nameCounts.get(name) ?? 0) + 1);
  }

  function countDeclaration(context: FunctionContext | null, name: string) {
    for (let c = context; c; c = c.parent) (c.declared ??= new Map()).set(name, (c.declared.get(name) ?? 0) + 1);
  }

  function markAssigned(context: FunctionContext, name: string) {
    for (let c: FunctionContext | null = context; c; c = c.parent) (c.assigned ??= new Set()).add(name);
  }

  function markDynamicScope(context: FunctionContext) {
    for (let c: FunctionContext | null = context; c; c = c.parent) c.dynamicScope = true;
  }

  /**
   * Where each name a `const` (`using`, `await using`) declares is surely initialized: from the end of its declarator to the
   * end of its block (for a `for-in/of` head, the loop body). Not in a `switch` case, which a jump
   * can enter past the declaration.
   */
  function recordConstants(node: t.VariableDeclaration, parent: t.Node, parentKey: string, context: FunctionContext) {
    let scopeEnd: number;
    let bodyStart = -1;
    if ((parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && parentKey === 'left') {
      bodyStart = parent.body.start!;
      scopeEnd = parent.body.end!;
    } else if (parent.type === 'ForStatement' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock') {
      scopeEnd = parent.end!;
    } else {
      return;
    }
    for (const declarator of node.declarations) {
      const from = Math.max(declarator.end!, bodyStart);
      for (const name of patternNames(declarator.id)) (context.constants ??= new Map()).set(name, [from, scopeEnd]);
    }
  }

  /**
   * A declaration's binding is a constant in effect unless assigned: a function declared in the body
   * itself is initialized before the body runs (one in a block is not, in sloppy code, where Annex B
   * also assigns a function-wide `var`), and a class in a block from its end to the block's end.
   */
  function recordDeclarationConstant(node: t.FunctionDeclaration | t.ClassDeclaration, parent: t.Node, context: FunctionContext) {
    if (!node.id || (node as { declare?: boolean }).declare) return;
    let range: [number, number];
    if (node.type === 'FunctionDeclaration') {
      if (context.kind === 'program' || parent !== (context.node as t.Function).body) return;
      range = [parent.start!, parent.end!];
    } else if (parent.type === 'BlockStatement' || parent.type === 'StaticBlock') {
      range = [node.end!, parent.end!];
    } else {
      return;
    }
    (context.constants ??= new Map()).set(node.id.name, range);
  }

  /** A capture used while the parameters of these arrows are being read (their own, or a nested function's in them). */
  function markCapturesInParameters(arrows: FunctionContext[]) {
    for (const arrow of arrows) if (arrow.lowered && arrow.inParameters) arrow.capturesInParameters = true;
  }

  function markThisUse(context: FunctionContext) {
    for (const arrow of arrowChain(context).arrows) if (arrow.lowered) arrow.passesThis = true;
  }

  // The innermost statement list around the node being visited, and whether a function, loop or
  // field initializer stands between it and the node (then it may run more than once per list run),
  // and whether a scope does (a class's name and private names, a `catch` parameter).
  let statementList: StatementList | null = program;
  let repeatsSinceList = false;
  let scopeSinceList = false;
  // For a class outside any function, evaluated once per run of its statement list with no scope in
  // between: that list (its methods' generators can be declarations there when they need nothing of
  // the class's own scope).
  const classListsOutsideFunctions = new Map<t.Node, StatementList>();
  const labelChains = new Map<t.LabeledStatement, t.LabeledStatement[]>();
  // Where the expression statements of statement lists start (what startsStatement compares with).
  const statementStarts = new Set<number>();
  // Where each TypeScript expression wrapper (`x as T`, `x!`...) stands, for the names functions get
  // through them once TypeScript has erased them.
  const typeWrapperParents = new Map<t.Node, { parent: t.Node; parentKey: string }>();
  // How many `new` callees the walk is inside.
  let newCalleeDepth = 0;
  // Inside the body of a `with` with no block of its own: names resolve on its object first, which a
  // generator declared in the list outside would not see.
  let withSinceList = false;

  function visit(
    node: t.Node,
    parent: t.Node | null,
    parentKey: string,
    grandparent: t.Node | null,
    grandparentKey: string,
    context: FunctionContext
  ) {
    const savedList = statementList;
    const savedRepeats = repeatsSinceList;
    const savedScope = scopeSinceList;
    const savedWith = withSinceList;
    if (node.type === 'BlockStatement' || node.type === 'SwitchCase' || node.type === 'StaticBlock' || node.type === 'TSModuleBlock') {
      statementList = node;
      repeatsSinceList = false;
      scopeSinceList = false;
      withSinceList = false;
    } else if (isLoop(node)) {
      repeatsSinceList = true;
    } else if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      if (context.kind === 'program' && !repeatsSinceList && !scopeSinceList && statementList) classListsOutsideFunctions.set(node, statementList);
      scopeSinceList = true;
      // ("" for a class named by nothing, as `module.exports = class {}` is; none when a computed key names it at run time.)
      if (!node.id && parent && !(parentKey === 'value' && hasRuntimeName(node, parent))) analysis.classNames.set(node, inferFunctionName(node, parent, parentKey));
    } else if (parent?.type === 'CatchClause' && parentKey === 'param') {
      scopeSinceList = true;
    }
    if (parent?.type === 'WithStatement' && parentKey === 'body' && node.type !== 'BlockStatement') {
      scopeSinceList = true;
      withSinceList = true;
    }
    if (parent && typeWrappers.has(node.type)) typeWrapperParents.set(node, { parent, parentKey });
    const newCallee = parent?.type === 'NewExpression' && parentKey === 'callee';
    if (newCallee) newCalleeDepth++;
    if (newCallee && node.type === 'ClassExpression') analysis.constructedClasses.add(node);
    visitNode(node, parent, parentKey, grandparent, grandparentKey, context);
    if (newCallee) newCalleeDepth--;
    statementList = savedList;
    repeatsSinceList = savedRepeats;
    scopeSinceList = savedScope;
    withSinceList = savedWith;
  }

  function visitNode(
    node: t.Node,
    parent: t.Node | null,
    parentKey: string,
    grandparent: t.Node | null,
    grandparentKey: string,
    context: FunctionContext
  ) {
    switch (node.type) {
      case 'Identifier': {
        analysis.names.add(node.name);
        countName(context, node.name);
        if (parent) {
          const use = bindingUse(parent, parentKey, grandparent);
          if (use === 'declare') {
            countDeclaration(context, node.name);
            if (parentKey === 'params' && parent === context.node) (context.simpleParams ??= new Set()).add(node.name);
          } else if (use === 'assign') {
            markAssigned(context, node.name);
          }
        }
        if (node.name === 'arguments' && parent && isReference(node, parent, parentKey)) {
          const { arrows, owner } = arrowChain(context);
          owner.usesArguments = true;
          const capturer = outermostLowered(arrows);
          markCapturesInParameters(arrows);
          if (capturer) {
            const kind = owner.kind === 'program' ? 'outerArguments' : 'arguments';
            capturer.captures.add(kind);
            analysis.references.push({ kind, node, parent, parentKey, inNewCallee: newCalleeDepth > 0 });
            if (kind === 'outerArguments' && parent.type === 'UnaryExpression' && parent.operator === 'delete') {
              analysis.problems.push({ kind: 'unsupported', node: parent, what: 'async arrows outside any function that delete `arguments`' });
            }
          }
        } else if (node.name === 'yield' && parent && !isNonReferenceKey(node, parent, parentKey)) {
          const property = parent.type === 'AssignmentPattern' && parentKey === 'left' ? grandparent : parent;
          const shorthand = property?.type === 'ObjectProperty' && property.shorthand;
          allYieldIdentifiers.push({ node, shorthand });
          if (insideLowered(context)) analysis.yieldIdentifiers.push({ node, shorthand });
        }
        return;
      }
      case 'ThisExpression':
        markThisUse(context);
        return;
      case 'PrivateName':
        countName(context, `#${node.id.name}`);
        return;
      case 'MetaProperty':
        if (node.meta.name === 'new' && node.property.name === 'target') {
          const { arrows } = arrowChain(context);
          const capturer = outermostLowered(arrows);
          markCapturesInParameters(arrows);
          if (capturer) {
            capturer.captures.add('newTarget');
            analysis.references.push({ kind: 'newTarget', node });
          }
        }
        return;
      case 'ObjectPattern':
        for (const property of node.properties) patternProperties.add(property);
        break;
      case 'Super': {
        markThisUse(context);
        const { arrows, owner } = arrowChain(context);
        const capturer = owner.lowered ? owner : outermostLowered(arrows);
        const isTarget = !!grandparent && isAssignmentTarget(grandparent, grandparentKey, patternProperties);
        const use = parent?.type === 'CallExpression' && parentKey === 'callee' ? 'superCall' : isTarget ? 'superSet' : 'superGet';
        markCapturesInParameters(arrows);
        for (const arrow of arrows) {
          if (!arrow.lowered) continue;
          arrow.superUses.add(use);
          if (use === 'superSet') arrow.superUses.add('superGet');
        }
        if (capturer && parent && grandparent) {
          if (capturer.inParameters) capturer.superInParameters = true;
          if (parent.type === 'CallExpression' && parentKey === 'callee') capturer.captures.add('superCall');
          else {
            capturer.captures.add('superGet');
            if (isTarget) capturer.captures.add('superSet');
          }
          analysis.references.push({ kind: 'super', node, parent, grandparent, grandparentKey, isTarget, inNewCallee: newCalleeDepth > 0 });
        }
        return;
      }
      case 'AssignmentExpression':
      case 'UpdateExpression': {
        const target = node.type === 'AssignmentExpression' ? node.left : node.argument;
        if (target.type === 'Identifier') markOwnNameAssignment(context, target.name);
        break;
      }
      case 'WithStatement':
        markDynamicScope(context);
        break;
      case 'ExpressionStatement':
        if (parent && statementListTypes.has(parent.type)) statementStarts.add(node.start!);
        break;
      case 'LabeledStatement':
        // `a: b: c: for await ...`: every label in front of the loop, outermost first.
        labelChains.set(node, parent?.type === 'LabeledStatement' ? [...labelChains.get(parent)!, node] : [node]);
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'eval') {
          markDynamicScope(context);
          markOwnNameAssignment(context, null);
          markThisUse(context);
          for (const arrow of arrowChain(context).arrows) arrow.hasEval = true;
          arrowChain(context).owner.usesArguments = true;
          const { arrows, owner } = arrowChain(context);
          const capturer = outermostLowered(arrows);
          if (capturer && owner.kind !== 'program') {
            analysis.problems.push({ kind: 'eval-in-arrow', node, what: 'direct eval inside an async arrow function' });
          }
        }
        break;
      case 'AwaitExpression': {
        const owner = awaitOwner(context);
        if (owner.kind === 'program') {
          analysis.problems.push({ kind: 'top-level-await', node, what: '`await` at the top level of a module' });
        } else if (owner.lowered) {
          owner.awaits.push({ node, parent: parent!, parentKey, startsStatement: statementStarts.has(node.start!) });
        }
        break;
      }
      case 'YieldExpression':
        if (context.lowered && context.asyncGenerator) context.yields.push(node);
        break;
      case 'ReturnStatement':
        if (node.argument && context.lowered && context.asyncGenerator) context.returns.push(node);
        break;
      case 'ForOfStatement':
        if (node.await) {
          const owner = awaitOwner(context);
          if (owner.kind === 'program') {
            analysis.problems.push({ kind: 'top-level-await', node, what: '`for await` at the top level of a module' });
          } else if (owner.lowered) {
            owner.forAwaits.push({ node, labels: parent?.type === 'LabeledStatement' ? labelChains.get(parent)! : [] });
          }
        }
        break;
      case 'VariableDeclaration':
        if ((node.kind as string) === 'await using') {
          const owner = awaitOwner(context);
          if (owner.kind === 'program') {
            analysis.problems.push({ kind: 'top-level-await', node, what: '`await using` at the top level of a module' });
          } else if (owner.lowered) {
            const scope = parent as t.BlockStatement | t.ForOfStatement | t.ForStatement;
            if (scope.type === 'ForStatement') owner.awaitUsings.push({ node: scope, labels: grandparent?.type === 'LabeledStatement' ? labelChains.get(grandparent)! : [] });
            else if (!owner.awaitUsings.some((site) => site.node === scope)) owner.awaitUsings.push({ node: scope } as AwaitUsingSite);
          }
        }
        // `using` and `await using` bindings are as constant as `const` ones (the lowering makes them `const`).
        if ((node.kind === 'const' || isUsing(node)) && !node.declare && parent) recordConstants(node, parent, parentKey, context);
        break;
      case 'ClassDeclaration':
        if (parent) recordDeclarationConstant(node, parent, context);
        break;
    }

    if (isFunctionNode(node)) {
      visitFunction(node, parent!, parentKey, grandparent, context);
      return;
    }
    if (node.type === 'ClassBody') {
      const classNode = parent as t.Class;
      for (const member of node.body) visitClassMember(member, node, classNode, context);
      return;
    }
    visitChildren(node, parent, parentKey, context);
  }

  function visitChildren(node: t.Node, parent: t.Node | null, parentKey: string, context: FunctionContext) {
    for (const key in node) {
      if (notChildren.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (item && typeof item === 'object' && 'type' in item) visit(item as t.Node, node, key, parent, parentKey, context);
        }
      } else if (child && typeof child === 'object' && 'type' in (child as object)) {
        visit(child as t.Node, node, key, parent, parentKey, context);
      }
    }
  }

  function visitFunction(
    node: t.Function,
    parent: t.Node,
    parentKey: string,
    grandparent: t.Node | null,
    context: FunctionContext
  ) {
    const kind: ContextKind =
      node.type === 'ArrowFunctionExpression'
        ? 'arrow'
        : node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression'
          ? 'function'
          : 'method';
    // Read even inside a kept function, so a comment there counts as used (it keeps what is kept anyway).
    const marked = ignored.marks(node, parent);
    const keptAsWritten = context.keptAsWritten || marked;
    const lowered = !!node.async && hasBody(node) && !keptAsWritten;
    const sender = lowered ? sentAsTextTo(parent, parentKey, parsed.code) : null;
    if (sender) analysis.problems.push({ kind: 'sent-as-text', node, what: sender });
    // `const a = (async function () {}) as T`: TypeScript erases the `as`, and the function is named `a`.
    let namer = { parent, parentKey };
    for (let wrapper = typeWrapperParents.get(parent); wrapper; wrapper = typeWrapperParents.get(wrapper.parent)) namer = wrapper;
    const name = lowered ? inferFunctionName(node, namer.parent, namer.parentKey) : '';
    const inner = createContext(kind, node, context, lowered, name);
    inner.keptAsWritten = keptAsWritten;
    inner.asyncGenerator = lowered && !!node.generator;
    inner.inParentParameters = context.inParameters;
    if (lowered && kind === 'method' && !repeatsSinceList) inner.generatorSlot = statementList;
    // Outside any function, a list run once per run of the code, with no scope in between: a
    // generator declared there means every name as the function does.
    const listOutsideFunctions = context.kind === 'program' && !repeatsSinceList && !scopeSinceList ? statementList : null;
    if (kind !== 'arrow' && !repeatsSinceList && !withSinceList) inner.hoistTarget = statementList;
    else if (kind === 'arrow') inner.hoistTarget = listOutsideFunctions;
    if (lowered && parent.type === 'ObjectExpression') inner.generatorDeclarationTarget = listOutsideFunctions;
    if (lowered && parent.type === 'ClassBody' && grandparent) inner.generatorDeclarationTarget = classListsOutsideFunctions.get(grandparent) ?? null;
    if (kind === 'method' && grandparent && 'id' in grandparent && grandparent.id) inner.className = (grandparent.id as t.Identifier).name;
    if (kind === 'method') inner.container = parent.type === 'ObjectExpression' ? parent : parent.type === 'ClassBody' ? (grandparent as t.Class) : null;
    if (lowered) for (let c: FunctionContext | null = context; c; c = c.parent) c.containsLowered = true;
    const repeatsOutside = repeatsSinceList;
    repeatsSinceList = true; // for everything inside the function
    // Class code is strict; an object literal's methods are as strict as the code around them.
    if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || (node.body.type === 'BlockStatement' && hasUseStrict(node.body.directives))) inner.strict = true;
    if (node.type === 'FunctionDeclaration') recordDeclarationConstant(node, parent, context);
    if (lowered && node.type === 'FunctionDeclaration') {
      if (parent.type === 'BlockStatement' || parent.type === 'StaticBlock') {
        inner.hoistTo = parent;
        inner.hoistAsVar = parent.type === 'StaticBlock' || (grandparent !== null && isFunctionNode(grandparent) && (grandparent as t.Function).body === parent);
      } else if (parent.type === 'Program' && parent.sourceType === 'script') {
        inner.hoistTo = parent;
        inner.hoistAsVar = true;
      }
      // Another function declaration of the same name in a function body or script: the one declared
      // last is the binding's value before anything runs, which only declarations can settle between
      // them (a `var` assigned at the top would overwrite a plain function declared after it).
      if (inner.hoistAsVar && declaresFunctionTwice(inner.hoistTo!, node, parsed)) inner.hoistTo = null;
      else if (parent.type === 'SwitchCase' && grandparent?.type === 'SwitchStatement' && !context.strict) {
        inner.sloppySwitch = grandparent;
      }
      if (!inner.hoistTo) inner.declaredIn = (parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration' ? grandparent : parent) as StatementList;
    }
    if (lowered) inner.startsStatement = statementStarts.has(node.start!);
    if (node.type === 'ClassMethod' && node.kind === 'constructor') {
      inner.derivedConstructor = !!(grandparent && (grandparent as t.Class).superClass);
    }
    // Keys and ids belong to the enclosing context; parameters and body to the function's own.
    if ('key' in node && node.key) {
      if ((node as t.ObjectMethod).computed) visit(node.key as t.Node, node, 'key', parent, parentKey, context);
      else if (node.key.type === 'Identifier') analysis.names.add(node.key.name);
    }
    if ('id' in node && node.id) visit(node.id, node, 'id', parent, parentKey, context);
    if ('decorators' in node && node.decorators) {
      for (const d of node.decorators) visit(d, node, 'decorators', parent, parentKey, context);
    }
    inner.inParameters = true;
    for (const param of node.params) visit(param, node, 'params', parent, parentKey, inner);
    inner.inParameters = false;
    if (node.body) visit(node.body, node, 'body', parent, parentKey, inner);
    repeatsSinceList = repeatsOutside;
    if (lowered) analysis.lowered.push(inner);
  }

  function visitClassMember(member: t.ClassBody['body'][number], body: t.ClassBody, classNode: t.Class, context: FunctionContext) {
    switch (member.type) {
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        visitFunction(member, body, 'body', classNode, context);
        return;
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty': {
        if ('decorators' in member && member.decorators) {
          for (const d of member.decorators) visit(d, member, 'decorators', body, 'body', context);
        }
        if (member.type !== 'ClassPrivateProperty') {
          if (member.computed) visit(member.key as t.Node, member, 'key', body, 'body', context);
          else if (member.key.type === 'Identifier') analysis.names.add(member.key.name);
        }
        if (member.value) {
          // A field initializer is evaluated as if it were a method of its own (with the class's
          // HomeObject): it is a boundary for `this`, `super` and `new.target`.
          const field = createContext('class-field', member, context, false, '');
          field.strict = true;
          if (!repeatsSinceList) field.hoistTarget = statementList;
          field.className = classNode.id?.name ?? null;
          const savedRepeats = repeatsSinceList;
          repeatsSinceList = true; // initializers run once per instance
          visit(member.value, member, 'value', body, 'body', field);
          repeatsSinceList = savedRepeats;
        }
        return;
      }
      case 'StaticBlock': {
        const block = createContext('static-block', member, context, false, '');
        block.strict = true;
        if (!repeatsSinceList) block.hoistTarget = statementList;
        block.className = classNode.id?.name ?? null;
        for (const statement of member.body) visit(statement, member, 'body', body, 'body', block);
        return;
      }
      default:
        visit(member as t.Node, body, 'body', classNode, 'body', context);
    }
  }

  // A top-level statement that spells none of `async`, `await` or `yield` has nothing to lower and
  // nothing a lowering elsewhere depends on but its names, which are looked up in its text when a
  // name is generated (words in its strings and comments count too, which costs nothing).
  // Most of a typical module is such statements; walking them was a third of transform().
  const mustVisit = parsed.asyncSyntaxAt;
  let nextWord = 0;
  const visited: t.Statement[] = [];
  for (const statement of program.body) {
    while (nextWord < mustVisit.length && mustVisit[nextWord]! < statement.start!) nextWord++;
    if (nextWord < mustVisit.length && mustVisit[nextWord]! < statement.end!) {
      visit(statement, program, 'body', null, '', root);
      visited.push(statement);
    } else analysis.unread.push([statement.start!, statement.end!]);
  }
  // A `@yieldfrom-ignore` comment in or right before a statement with async syntax that marked no
  // function (one before `const f = async () => {}`, say) would leave the user believing it worked.
  for (const comment of ignored.unused()) {
    const inOrBefore = (s: t.Statement) => comment.start! < s.end! && !/\S/.test(parsed.code.slice(comment.end!, Math.max(comment.end!, s.start!)));
    if (visited.some(inOrBefore)) analysis.problems.push({ kind: 'ignore-comment-unused', node: comment as unknown as t.Node, what: 'a `@yieldfrom-ignore` comment' });
  }
  analysis.unread.sort((a, b) => a[0] - b[0]);
  if (analysis.yieldIdentifiers.length) analysis.yieldIdentifiers = allYieldIdentifiers;
  // An async arrow takes the enclosing function's `arguments` once, as a constant: refused where that
  // binding changes (sloppy `arguments = ...`) or is another variable (`let arguments`), rather than
  // lowered to something that reads a stale value. Likewise `super()` in an async arrow.
  for (const fn of analysis.lowered) {
    if (fn.kind !== 'arrow') continue;
    // `super()` binds `this` while the body runs, and the lowered arrow passes `this` when called.
    if (fn.captures.has('superCall')) analysis.problems.push({ kind: 'unsupported', node: fn.node, what: 'async arrows calling `super()`' });
    let owner = fn.parent;
    while (owner?.kind === 'arrow') owner = owner.parent;
    if (fn.captures.has('arguments') && (owner?.assigned?.has('arguments') || owner?.declared?.has('arguments'))) {
      analysis.problems.push({ kind: 'unsupported', node: fn.node, what: 'async arrows reading `arguments` in a function that assigns or declares `arguments`' });
    }
    // Outside any function the arrow reads `arguments` where it stands, when it reads it: only a
    // binding of its own body (sloppy `let arguments`, `arguments = ...`) is beyond that.
    if (fn.captures.has('outerArguments') && (fn.assigned?.has('arguments') || fn.declared?.has('arguments'))) {
      analysis.problems.push({ kind: 'unsupported', node: fn.node, what: 'async arrows outside any function that assign or declare `arguments`' });
    }
  }
  return analysis;
}

function isLoop(node: t.Node): boolean {
  switch (node.type) {
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    default:
      return false;
  }
}

function hasUseStrict(directives: t.Directive[]): boolean {
  return directives.some((d) => d.value.value === 'use strict');
}

function awaitOwner(context: FunctionContext): FunctionContext {
  let owner = context;
  while (owner.kind === 'class-field' || owner.kind === 'static-block') owner = owner.parent!;
  return owner;
}

function insideLowered(context: FunctionContext | null): boolean {
  for (let c = context; c; c = c.parent) if (c.lowered) return true;
  return false;
}

function hasBody(node: t.Function): boolean {
  return !!node.body;
}

export function isFunctionNode(node: t.Node): node is t.Function {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
      return true;
    default:
      return false;
  }
}

/** An identifier used as a non-computed property key or member name, or a label: not a reference. */
function isNonReferenceKey(node: t.Identifier, parent: t.Node, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'property' && !parent.computed;
    case 'ObjectProperty':
      return key === 'key' && !parent.computed && !parent.shorthand;
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
      return key === 'key' && !parent.computed;
    case 'ImportSpecifier':
    case 'ExportSpecifier':
      return key === 'imported' || key === 'exported';
    case 'MetaProperty':
      return true;
    default:
      return false;
  }
}

/**
 * What an identifier does to its name's binding, as far as a generator moved out of its scope needs
 * to know: declares one (a declaration, a parameter, or any identifier in a destructuring pattern,
 * assigning ones included, which only errs on the side of caution), assigns one, or neither.
 */
function bindingUse(parent: t.Node, key: string, grandparent: t.Node | null): 'declare' | 'assign' | null {
  if (key === 'id') return parent.type === 'MetaProperty' ? null : 'declare';
  if (declaringKeys[parent.type] === key) return 'declare';
  if (parent.type === 'ObjectProperty') return key === 'value' && grandparent?.type === 'ObjectPattern' ? 'declare' : null;
  if (parent.type === 'UpdateExpression') return 'assign';
  return assigningLeft.has(parent.type) && key === 'left' ? 'assign' : null;
}

/** The child holding declared identifiers (besides `id`), by node type. */
const declaringKeys: Record<string, string> = {
  FunctionDeclaration: 'params',
  FunctionExpression: 'params',
  ArrowFunctionExpression: 'params',
  ObjectMethod: 'params',
  ClassMethod: 'params',
  ClassPrivateMethod: 'params',
  CatchClause: 'param',
  ImportSpecifier: 'local',
  ImportDefaultSpecifier: 'local',
  ImportNamespaceSpecifier: 'local',
  ArrayPattern: 'elements',
  RestElement: 'argument',
  AssignmentPattern: 'left',
  TSParameterProperty: 'parameter',
};
const assigningLeft = new Set(['AssignmentExpression', 'ForInStatement', 'ForOfStatement']);

/** The names a binding pattern declares. */
export function patternNames(pattern: t.Node, names: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) patternNames(property.type === 'RestElement' ? property : property.value, names);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, names);
      break;
    case 'RestElement':
      patternNames(pattern.argument, names);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, names);
      break;
  }
  return names;
}

function isReference(node: t.Identifier, parent: t.Node, key: string): boolean {
  if (isNonReferenceKey(node, parent, key)) return false;
  switch (parent.type) {
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ObjectProperty':
      // In a shorthand `{ arguments }` Babel gives key and value the same name: count the value only.
      return !(parent.shorthand && key === 'key');
    default:
      return true;
  }
}

/** `super.x` as the target of `=`, `+=`, `++`, a `for-in/of` head or a destructuring pattern. */
function isAssignmentTarget(parentOfMember: t.Node, memberKey: string, patternProperties: WeakSet<t.Node>): boolean {
  switch (parentOfMember.type) {
    case 'AssignmentExpression':
    case 'AssignmentPattern':
    case 'ForInStatement':
    case 'ForOfStatement':
      return memberKey === 'left';
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'ObjectProperty':
      // `({ a: super.x } = o)`: a property of a pattern, not of an object literal.
      return memberKey === 'value' && patternProperties.has(parentOfMember);
    default:
      return false;
  }
}
