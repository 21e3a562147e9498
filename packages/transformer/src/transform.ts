// The map of the package: parse, analyze, lower, emit. Every face (Babel plugin, build plugins, CLI)
// ends up here.
import MagicString from 'magic-string';
import type * as t from '@babel/types';
import { analyze, type Analysis } from './analyze/functions.js';
import type { IgnoreComments } from './analyze/ignore-comments.js';
import { DiagnosticCodes, YieldfromError, createDiagnostic, type Diagnostic } from './diagnostics.js';
import { HelperRegistry } from './helpers.js';
import { lowerAwait } from './lower/await.js';
import { lowerAsyncGeneratorReturn, lowerAsyncGeneratorYield } from './lower/async-generators.js';
import { handOverMethods, redefinedLater, type HandedOverMethod } from './lower/method-hand-over.js';
import { lowerForAwait } from './lower/for-await.js';
import { lowerAwaitUsing } from './lower/await-using.js';
import { emitSlots, lowerAsyncFunction } from './lower/async-functions.js';
import { UnsupportedSuperError, claimCaptureNames, rewriteReference } from './lower/captures.js';
import { mayContainAsync } from './async-words.js';
import { NameAllocator, spelledInRangesLookup } from './names.js';
import { lineEnd, separatorAfterDirective, skipTrivia } from './text.js';
import { normalizeOptions, type NormalizedOptions, type TransformOptions } from './options.js';
import { parse } from './parse.js';
import { buildMap, computeSuspensions, inlineMapComment, type PendingSuspension, type SourceMap, type Suspension } from './source-map.js';

export interface TransformResult {
  /** The lowered code: no async function, no `await`. */
  code: string;
  /** The source map, when `sourceMaps` is set; otherwise null. */
  map: SourceMap | null;
  /** One entry per `await`: its source range and the `yield` it became (computed on first access). */
  readonly suspensions: Suspension[];
  /** Warnings (errors are thrown as a YieldfromError instead). */
  diagnostics: Diagnostic[];
}


/**
 * Lowers every async function in `code` to a generator driven by @yieldfrom/runtime. Synchronous.
 * Throws a YieldfromError carrying diagnostics (code, message, file:line:column, code frame) when the
 * input cannot be lowered; never returns half-lowered code.
 */
export function transform(code: string, options?: TransformOptions): TransformResult {
  const normalized = normalizeOptions(options);
  const errors = normalized.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new YieldfromError(errors);
  const opts = normalized.options;
  const warnings = normalized.diagnostics;
  if (typeof code !== 'string') {
    throw new YieldfromError([createDiagnostic(DiagnosticCodes.INVALID_OPTION, 'code must be a string', { filename: opts.filename })]);
  }

  // A file that spells neither word has nothing to lower (and no top-level await to report).
  if (!mayContainAsync(code)) return unchanged(code, opts, warnings);
  const parsed = parse(code, opts);
  if ('diagnostic' in parsed) throw new YieldfromError([parsed.diagnostic]);
  const program = parsed.ast.program;
  const analysis = analyze(parsed);
  const problems = reportProblems(analysis, code, opts, warnings);
  if (problems.length) throw new YieldfromError(problems);
  if (!analysis.lowered.length) return unchanged(code, opts, warnings);
  if (!opts.asyncFunctionPrototypeChosen && analysis.lowered.some((fn) => !fn.asyncGenerator)) warnAboutTagDetection(program, code, opts, warnings);

  const s = new MagicString(code);
  const names = new NameAllocator(analysis.names, spelledInRangesLookup(code, analysis.unread));
  const helpers = new HelperRegistry(names);
  const captureNames = claimCaptureNames(names);
  const renamed = renameYieldIdentifiers(s, analysis, names);
  const loopNames = { iterator: names.local('_iterator'), error: names.local('_error') };
  let usingScope: string | undefined;
  const pending: PendingSuspension[] = [];
  const slots = new Map();
  const handedOverMethods = new Map<t.ObjectExpression | t.Class, HandedOverMethod[]>();

  try {
    const captureHelpers = { apply: () => helpers.use('apply'), optionalMethod: () => helpers.use('optionalMethod') };
    for (const reference of analysis.references) rewriteReference(s, code, reference, captureNames, captureHelpers);
  } catch (error) {
    if (error instanceof UnsupportedSuperError) throw new YieldfromError([at(DiagnosticCodes.UNSUPPORTED, `${error.message} is not supported yet`, error.node, code, opts)]);
    throw error;
  }
  for (const fn of analysis.lowered) {
    try {
      const marker = fn.asyncGenerator ? helpers.use('awaitMarker') : undefined;
      for (const site of fn.awaits) {
        lowerAwait(s, code, site, marker);
        pending.push({ node: site.node, functionName: fn.name });
      }
      for (const node of fn.yields) lowerAsyncGeneratorYield(s, node, { get yieldStar() { return helpers.use('yieldStar'); } });
      for (const node of fn.returns) lowerAsyncGeneratorReturn(s, node, { awaitMarker: marker! });
      // Before `for await`, whose loop wraps the per-iteration scope of `for await (await using x of xs)`.
      for (const site of fn.awaitUsings) {
        const scopeNames = { awaitUsing: helpers.use('awaitUsing'), scope: (usingScope ??= names.local('_using')), error: loopNames.error };
        lowerAwaitUsing(s, code, site, scopeNames, { marked: fn.asyncGenerator });
      }
      for (const site of fn.forAwaits) lowerForAwait(s, site, { forAwait: helpers.use('forAwait'), ...loopNames }, { marked: fn.asyncGenerator });
      lowerAsyncFunction(fn, {
        s,
        code,
        typescript: opts.syntax !== 'javascript',
        names,
        captureNames,
        renamed,
        slots,
        program,
        globalPromise: opts.promise === 'global',
        helper: (name) => helpers.use(name),
        currentCaptures: () => helpers.use('currentCaptures'),
        asyncFunctionPrototype: opts.asyncFunctionPrototype,
        handOverMethod: (method, key, generator) => {
          if (redefinedLater(method.node, method.container!)) return;
          const list = handedOverMethods.get(method.container!) ?? [];
          handedOverMethods.set(method.container!, [...list, { key, generator, isStatic: !!(method.node as t.ClassMethod).static }]);
        },
      });
    } catch (error) {
      // Valid input must never crash the build with a bare stack: say where, and that it is our bug.
      const message = `internal error while lowering this function (please report it): ${(error as Error).message}`;
      throw new YieldfromError([at(DiagnosticCodes.INTERNAL_ERROR, message, fn.node, code, opts)]);
    }
  }
  handOverMethods(s, handedOverMethods, analysis, (generators) => helpers.use(generators ? 'asyncGeneratorMethods' : 'asyncFunctionMethods'));
  const programStart = prologueEnd(program, code, analysis.ignored);
  const afterDirectives = program.directives.length > 0;
  const atLineStart = !afterDirectives;
  helpers.emit(s, programStart, opts, program.sourceType === 'module', separatorAfterDirective(code, programStart, afterDirectives), atLineStart);
  emitSlots(s, code, slots, programStart, atLineStart);

  let output = s.toString();
  const map = opts.sourceMaps ? buildMap(s, opts.filename, opts.inputSourceMap) : null;
  if (map && opts.sourceMaps === 'inline') output += inlineMapComment(map);
  let suspensions: Suspension[] | undefined;
  const finalOutput = output;
  return {
    code: output,
    map,
    get suspensions() {
      return (suspensions ??= computeSuspensions(s, code, finalOutput, pending));
    },
    diagnostics: warnings,
  };
}

function unchanged(code: string, opts: NormalizedOptions, diagnostics: Diagnostic[]): TransformResult {
  const map = opts.sourceMaps ? buildMap(new MagicString(code), opts.filename, opts.inputSourceMap) : null;
  return { code: map && opts.sourceMaps === 'inline' ? code + inlineMapComment(map) : code, map, suspensions: [], diagnostics };
}

function at(code: Diagnostic['code'], message: string, node: t.Node, source: string, opts: NormalizedOptions, severity: 'error' | 'warning' = 'error') {
  const loc = node.loc!.start;
  return createDiagnostic(code, message, { filename: opts.filename, source, loc: { line: loc.line, column: loc.column }, severity });
}

function reportProblems(analysis: Analysis, code: string, opts: NormalizedOptions, warnings: Diagnostic[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const seen = new Set<t.Node>();
  for (const problem of analysis.problems) {
    if (seen.has(problem.node)) continue;
    seen.add(problem.node);
    switch (problem.kind) {
      case 'top-level-await':
        errors.push(at(DiagnosticCodes.TOP_LEVEL_AWAIT, `${problem.what} cannot be lowered: a module body cannot become a generator without changing module semantics`, problem.node, code, opts));
        break;
      case 'unsupported':
        errors.push(at(DiagnosticCodes.UNSUPPORTED, `${problem.what} are not lowered yet`, problem.node, code, opts));
        break;
      case 'ignore-comment-unused':
        warnings.push(at(DiagnosticCodes.IGNORE_COMMENT_UNUSED, `${problem.what} keeps the function right after it as written (or the declaration after \`export\`); this one is followed by something else and changes nothing`, problem.node, code, opts, 'warning'));
        break;
      case 'sent-as-text':
        warnings.push(at(DiagnosticCodes.SENT_AS_TEXT, `\`${problem.what}\` runs this function elsewhere from its source text, and lowered, that text calls a generator and runtime helpers that are not there: mark it /* @yieldfrom-ignore */ to keep it native`, problem.node, code, opts, 'warning'));
        break;
      case 'eval-in-arrow':
        warnings.push(at(DiagnosticCodes.EVAL_IN_ASYNC_ARROW, `${problem.what} sees the generator's own \`arguments\` and \`new.target\`, not the enclosing function's`, problem.node, code, opts, 'warning'));
        break;
    }
  }
  return errors;
}

// Packages that call a function with a callback unless its Symbol.toStringTag says "AsyncFunction".
// (neo-async, its look-alike, treats every function as callback-style, native async ones included.)
const detectsAsyncFunctionsByTag = /^async(?:\/|$)/;

/**
 * A lowered async function is a plain function to code that reads its tag: the `async` package calls
 * it with a callback it never calls, and waits for ever. Where the file imports or requires such a
 * package at its top level, say so, and what option makes the functions look async.
 */
function warnAboutTagDetection(program: t.Program, code: string, opts: NormalizedOptions, warnings: Diagnostic[]): void {
  for (const statement of program.body) {
    let source: t.Node | undefined;
    if (statement.type === 'ImportDeclaration') source = statement.source;
    else if (statement.type === 'VariableDeclaration') {
      const init = statement.declarations[0]?.init;
      if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') source = init.arguments[0];
    }
    if (source?.type !== 'StringLiteral' || !detectsAsyncFunctionsByTag.test(source.value)) continue;
    const message = `'${source.value}' tells async functions from callback-style ones by Symbol.toStringTag, and lowered async functions do not have it: it would call them with a callback they never call. Lower with asyncFunctionPrototype (--async-function-prototype), or set it to false if plain functions are meant`;
    warnings.push(at(DiagnosticCodes.ASYNC_FUNCTIONS_DETECTED_BY_TAG, message, source, code, opts, 'warning'));
    return;
  }
}

/**
 * `yield` is an identifier in sloppy code but a keyword inside the generator an async body becomes,
 * so every `yield` identifier in the file is renamed consistently (bindings and references).
 */
function renameYieldIdentifiers(s: MagicString, analysis: Analysis, names: NameAllocator): Map<string, string> {
  const renamed = new Map<string, string>();
  if (!analysis.yieldIdentifiers.length) return renamed;
  const replacement = names.claim('_yield');
  renamed.set('yield', replacement);
  for (const { node, shorthand } of analysis.yieldIdentifiers) s.update(node.start!, node.end!, shorthand ? `yield: ${replacement}` : replacement);
  return renamed;
}

/**
 * Where helpers go: after the directive prologue ("use strict", "use client"), or else before the
 * first token, past a byte order mark, a hashbang line (a comment to the end of its line, which would
 * comment out anything put on it) and the comments in front: TypeScript reads its pragmas
 * (`@jsxImportSource`, `@ts-nocheck`, `/// <reference>`) only there, and a license header stays first.
 */
function prologueEnd(program: t.Program, code: string, ignored: IgnoreComments): number {
  const directives = program.directives;
  if (directives.length) return directives[directives.length - 1]!.end!;
  let start = code.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (code.startsWith('#!', start)) start = lineEnd(code, start);
  const firstToken = skipTrivia(code, start);
  // Not between a `@yieldfrom-ignore` comment and the function it keeps.
  return ignored.before(firstToken)?.start ?? firstToken;
}
