// Every face (transform, the Babel plugin, the build plugins, the CLI) passes its settings through
// normalizeOptions, so defaults and validation live in one place.
import { DiagnosticCodes, createDiagnostic, type Diagnostic } from './diagnostics.js';

/** Where lowered code imports its helpers from unless `runtimeModule` says otherwise. */
export const defaultRuntimeModule = '@yieldfrom/runtime';

export interface TransformOptions {
  /**
   * The file's name, used in diagnostics and source maps, and to choose the syntax: `.ts`/`.mts`/`.cts`
   * parse as TypeScript, `.tsx` as TypeScript with JSX, anything else as JavaScript with JSX.
   * @default "input.js"
   */
  filename?: string;
  /**
   * How to parse: `module` (import/export, strict), `script`, or `unambiguous` (a module if it has
   * import/export).
   * @default "script" for .cjs/.cts files, "module" otherwise
   */
  sourceType?: 'module' | 'script' | 'unambiguous';
  /**
   * `import` adds `import { spawn } from "@yieldfrom/runtime/spawn"` (`require` in scripts); `inline`
   * copies the helpers into the output so it is self-contained.
   * @default "import"
   */
  helpers?: 'import' | 'inline';
  /**
   * The module the helpers are imported from. The default is imported module by module
   * (`@yieldfrom/runtime/spawn`); another module is imported whole.
   * @default "@yieldfrom/runtime"
   */
  runtimeModule?: string;
  /**
   * `true` returns a source map in `map`; `"inline"` also appends it to the code as a data URL.
   * @default false
   */
  sourceMaps?: boolean | 'inline';
  /**
   * A source map of the input (object or JSON string); the output map is chained through it.
   * @default undefined
   */
  inputSourceMap?: object | string | null;
  /**
   * `intrinsic` is spec-exact: `await` and the returned promise use the Promise captured when the
   * runtime loaded. `global` reads the global `Promise` on every call, for zone.js.
   * @default "intrinsic"
   */
  promise?: 'intrinsic' | 'global';
  /**
   * Lowered async functions, arrows and methods inherit from a stand-in %AsyncFunction.prototype%
   * (`Symbol.toStringTag` "AsyncFunction", a `constructor` that builds async functions from text), so
   * code that tells async functions apart by their tag (the `async` package) treats them as async;
   * code that compares prototypes with the engine's own (is-async-function) still cannot. Costs a `setPrototypeOf` per function object made.
   * Left unset, a file importing the `async` package gets warning YF3002; `false` says plain
   * functions are meant.
   * @default false
   */
  asyncFunctionPrototype?: boolean;
  /**
   * Parse only the top-level statements that spell `async`, `await` or `yield`, leaving the rest
   * unparsed: much faster on files with little async code, but a syntax error outside those
   * statements is not reported. For hosts that parse and check every file themselves: the build
   * plugins set it. The output is the same either way.
   * @default false
   */
  parseOnlyAsyncStatements?: boolean;
}

export interface NormalizedOptions {
  filename: string;
  sourceType: 'module' | 'script' | 'unambiguous';
  syntax: 'javascript' | 'typescript' | 'tsx';
  helpers: 'import' | 'inline';
  runtimeModule: string;
  sourceMaps: boolean | 'inline';
  inputSourceMap: object | null;
  promise: 'intrinsic' | 'global';
  asyncFunctionPrototype: boolean;
  /** `asyncFunctionPrototype` was given (either way): no YF3002 warning. */
  asyncFunctionPrototypeChosen: boolean;
  parseOnlyAsyncStatements: boolean;
}

// Accepted and ignored: the names other tools' callers pass (the test262 runner passes `module` and
// `strict`; Babel-style callers pass `sourceMap`).
const toleratedNames = new Set(['module', 'strict', 'sourceMap']);

const choices = {
  sourceType: ['module', 'script', 'unambiguous'],
  helpers: ['import', 'inline'],
  promise: ['intrinsic', 'global'],
} as const;

/**
 * Validates and fills in defaults. Returns the options and any diagnostics: errors for values of the
 * wrong kind, warnings for names it does not know.
 */
export function normalizeOptions(options: TransformOptions | undefined): {
  options: NormalizedOptions;
  diagnostics: Diagnostic[];
} {
  const given = (options ?? {}) as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const filename = typeof given.filename === 'string' && given.filename ? given.filename : 'input.js';
  const invalid = (name: string, expected: string) =>
    diagnostics.push(
      createDiagnostic(
        DiagnosticCodes.INVALID_OPTION,
        `option "${name}" must be ${expected}, got ${JSON.stringify(given[name]) ?? String(given[name])}`,
        { filename: '<options>' }
      )
    );

  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    diagnostics.push(
      createDiagnostic(DiagnosticCodes.INVALID_OPTION, 'options must be an object', { filename: '<options>' })
    );
  }
  if (given.filename !== undefined && typeof given.filename !== 'string') invalid('filename', 'a string');
  for (const [name, allowed] of Object.entries(choices)) {
    const value = given[name];
    if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
      invalid(name, allowed.map((a) => `"${a}"`).join(' or '));
    }
  }
  if (given.runtimeModule !== undefined && (typeof given.runtimeModule !== 'string' || !given.runtimeModule)) {
    invalid('runtimeModule', 'a non-empty string');
  }
  if (given.sourceMaps !== undefined && typeof given.sourceMaps !== 'boolean' && given.sourceMaps !== 'inline') {
    invalid('sourceMaps', 'true, false or "inline"');
  }
  for (const name of ['parseOnlyAsyncStatements', 'asyncFunctionPrototype']) {
    if (given[name] !== undefined && typeof given[name] !== 'boolean') invalid(name, 'true or false');
  }
  let inputSourceMap: object | null = null;
  if (given.inputSourceMap != null) {
    if (typeof given.inputSourceMap === 'string') {
      try {
        inputSourceMap = JSON.parse(given.inputSourceMap);
      } catch {
        invalid('inputSourceMap', 'a source map object or its JSON text');
      }
    } else if (typeof given.inputSourceMap === 'object') {
      inputSourceMap = given.inputSourceMap;
    } else {
      invalid('inputSourceMap', 'a source map object or its JSON text');
    }
  }
  const known = new Set(['filename', 'runtimeModule', 'sourceMaps', 'inputSourceMap', 'parseOnlyAsyncStatements', 'asyncFunctionPrototype', ...Object.keys(choices)]);
  for (const name of Object.keys(given)) {
    if (!known.has(name) && !toleratedNames.has(name)) {
      diagnostics.push(
        createDiagnostic(DiagnosticCodes.UNKNOWN_OPTION, `unknown option "${name}" is ignored`, {
          filename: '<options>',
          severity: 'warning',
        })
      );
    }
  }

  const extension = /\.([cm]?[jt]sx?)$/i.exec(filename)?.[1]?.toLowerCase() ?? 'js';
  const syntax = extension === 'tsx' ? 'tsx' : extension.endsWith('ts') ? 'typescript' : 'javascript';
  const defaultSourceType = extension.startsWith('c') ? 'script' : 'module';
  return {
    options: {
      filename,
      sourceType: (given.sourceType as NormalizedOptions['sourceType']) ?? defaultSourceType,
      syntax,
      helpers: (given.helpers as NormalizedOptions['helpers']) ?? 'import',
      runtimeModule: (given.runtimeModule as string) ?? defaultRuntimeModule,
      sourceMaps: (given.sourceMaps as NormalizedOptions['sourceMaps']) ?? false,
      inputSourceMap,
      promise: (given.promise as NormalizedOptions['promise']) ?? 'intrinsic',
      asyncFunctionPrototype: given.asyncFunctionPrototype === true,
      asyncFunctionPrototypeChosen: given.asyncFunctionPrototype !== undefined,
      parseOnlyAsyncStatements: given.parseOnlyAsyncStatements === true,
    },
    diagnostics,
  };
}
