// Reads the input with Babel's parser, choosing plugins from the file's syntax, and turns a parse
// failure into a diagnostic.
import type { ParserPlugin } from '@babel/parser';
import { parse as babelParse } from '#babel-parser';
import type { File } from '@babel/types';
import { DiagnosticCodes, createDiagnostic, type Diagnostic } from './diagnostics.js';
import type { NormalizedOptions } from './options.js';
import { blankStatementsWithoutAsync } from './parse-only-async-statements.js';
import { asyncSyntaxPositions } from './async-words.js';

// Decorators parse too (Angular and Nest code): the widespread legacy (experimental) form, in JavaScript and
// TypeScript alike, with `accessor` fields. `@` means nothing else in either, so nothing else changes.
// A text the legacy form refuses is read again with the standard form (TypeScript 5 takes both), which
// also takes `export @d class` and `@d [key]() {}` but not parameter decorators.
const legacyDecorators: ParserPlugin[] = ['decorators-legacy', 'decoratorAutoAccessors'];
const standardDecorators: ParserPlugin[] = [['decorators', { allowCallParenthesized: true }], 'decoratorAutoAccessors'];
const pluginsBySyntax: Record<NormalizedOptions['syntax'], ParserPlugin[]> = {
  javascript: ['jsx', ...legacyDecorators],
  typescript: ['typescript', ...legacyDecorators],
  tsx: ['typescript', 'jsx', ...legacyDecorators],
};

// JSX needs a `<` and a decorator an `@`: a text without one parses the same without its plugin, and
// faster (a plugin is a layer of overrides on the parser's hot methods; most files the build plugins
// lower, blanked to their async statements, have neither).
const pluginsByText = new Map<string, ParserPlugin[]>();

/**
 * The syntax's plugins, less JSX for a text without a `<`, decorators for one without an `@`, and
 * `accessor` fields for one that never spells the word.
 */
function pluginsFor(syntax: NormalizedOptions['syntax'], code: string): ParserPlugin[] {
  const jsx = code.includes('<');
  const decorators = code.includes('@');
  const accessors = code.includes('accessor');
  const key = `${syntax}${jsx ? ' <' : ''}${decorators ? ' @' : ''}${accessors ? ' accessor' : ''}`;
  let plugins = pluginsByText.get(key);
  if (!plugins) {
    const wanted = (plugin: ParserPlugin) =>
      plugin === 'jsx' ? jsx : plugin === 'decoratorAutoAccessors' ? accessors : plugin === 'decorators-legacy' ? decorators : true;
    plugins = pluginsBySyntax[syntax].filter(wanted);
    pluginsByText.set(key, plugins);
  }
  return plugins;
}

/** A parsed file. */
export interface Parsed {
  ast: File;
  /** Top-level statements left unparsed (`parseOnlyAsyncStatements`: see parse-only-async-statements.ts). */
  unparsed: [number, number][];
  /** The text parsed (with the unparsed statements still in it). */
  code: string;
  /** Where the text spells async syntax (`asyncSyntaxPositions`), for the analysis to skip the rest. */
  asyncSyntaxAt: number[];
}

/** The file parsed, or the diagnostic of a syntax error. */
export function parse(code: string, options: NormalizedOptions): Parsed | { diagnostic: Diagnostic } {
  const asyncSyntaxAt = asyncSyntaxPositions(code);
  if (options.parseOnlyAsyncStatements) {
    const findModuleSyntax = options.sourceType === 'unambiguous';
    const { text, unparsed, blankedModuleSyntax } = blankStatementsWithoutAsync(code, asyncSyntaxAt, { findModuleSyntax });
    if (unparsed.length) {
      // `unambiguous` decides from import and export: blanked ones still count.
      const sourceType = options.sourceType === 'unambiguous' && blankedModuleSyntax ? 'module' : options.sourceType;
      try {
        return { ast: parseWithBabel(text, { ...options, sourceType }), unparsed, asyncSyntaxAt, code };
      } catch {
        // Reported, if it is one, by the whole parse below.
      }
    }
  }
  try {
    return { ast: parseWithBabel(code, options), unparsed: [], asyncSyntaxAt, code };
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number }; pos?: number; reasonCode?: string };
    if (error instanceof RangeError) {
      // The parser is recursive: thousands of nested brackets or operands exhaust Node's stack.
      const message = `the parser ran out of stack in this file (${error.message}): expressions nest too deeply to read; split them, or leave the file out`;
      return { diagnostic: createDiagnostic(DiagnosticCodes.UNSUPPORTED, message, { filename: options.filename }) };
    }
    const code_ =
      e.reasonCode === 'AwaitExpressionFormalParameter' || e.reasonCode === 'AwaitInParameter'
        ? DiagnosticCodes.AWAIT_IN_PARAMETERS
        : DiagnosticCodes.SYNTAX_ERROR;
    let message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    // Babel reads `for await` outside an async function as `for` missing its `(`.
    if (e.pos !== undefined && code.startsWith('await', e.pos) && /\bfor\s*$/.test(code.slice(Math.max(0, e.pos - 20), e.pos))) {
      message = '`for await` is only valid in async functions and async generators (and at the top level of modules)';
    }
    return {
      diagnostic: createDiagnostic(code_, message, {
        filename: options.filename,
        source: code,
        loc: e.loc ? { line: e.loc.line, column: e.loc.column } : undefined,
      }),
    };
  }
}

function parseWithBabel(code: string, options: NormalizedOptions): File {
  // Declaration files (`.d.ts`) allow `declare const x: T;` without an initializer.
  const plugins: ParserPlugin[] = /\.d\.[cm]?ts$/i.test(options.filename) ? [['typescript', { dts: true }]] : pluginsFor(options.syntax, code);
  try {
    return parseWith(code, options, plugins);
  } catch (error) {
    if (!plugins.includes('decorators-legacy')) throw error;
    try {
      return parseWith(code, options, [...plugins.filter((plugin) => !legacyDecorators.includes(plugin)), ...standardDecorators]);
    } catch {
      throw error; // the legacy form's error: the form most decorated code is written in
    }
  }
}

function parseWith(code: string, options: NormalizedOptions, plugins: ParserPlugin[]): File {
  // Babel takes a hashbang only at the very start, where Node also takes one after a byte order mark:
  // the text past the mark is read from index 1, column 1, so positions still count it.
  const bom = code.charCodeAt(0) === 0xfeff;
  return babelParse(bom ? code.slice(1) : code, {
    ...(bom ? { startIndex: 1, startColumn: 1 } : {}),
    sourceType: options.sourceType,
    // TypeScript takes `export` in a namespace of a script, and `import x = require()`, `import` and
    // `export =` in a `.cts` file (compiled to CommonJS): Babel would refuse them outside a module.
    allowImportExportEverywhere: options.syntax !== 'javascript' && options.sourceType === 'script',
    sourceFilename: options.filename,
    plugins,
    allowReturnOutsideFunction: false,
    errorRecovery: false,
    // Comments are never read from the AST (the text keeps them): attaching them costs a fifth of the parse.
    attachComment: false,
  });
}
