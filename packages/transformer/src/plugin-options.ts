// The build plugins' options: the transform's own (validated by normalizeOptions) plus which files
// to touch. One place, so Vite, Rollup, webpack, esbuild and rspack behave alike.
import { createRequire } from 'node:module';
import type { FilterPattern } from '@rollup/pluginutils';
import { normalizeOptions, type TransformOptions } from './options.js';
import { DiagnosticCodes, YieldfromError, createDiagnostic, type Diagnostic } from './diagnostics.js';
import { asyncWords } from './async-words.js';
import type { SourceType } from './source-type.js';

export interface PluginOptions extends Omit<TransformOptions, 'filename' | 'inputSourceMap' | 'sourceMaps' | 'sourceType'> {
  /**
   * Files to lower, as Rollup's `createFilter` reads them: regular expressions, or globs resolved
   * against the working directory (`src/**` means `<cwd>/src/**`; start with `**` to match anywhere).
   * @default /\.[cm]?[jt]sx?$/ (JavaScript, TypeScript, JSX)
   */
  include?: FilterPattern;
  /**
   * Files to leave alone, in the same form as `include`; `node_modules` is left alone as well unless
   * `lowerDependencies` is set.
   * @default undefined
   */
  exclude?: FilterPattern;
  /**
   * Lower async code in dependencies too: files in `node_modules` are no longer skipped, and in Vite
   * the dependency optimizer (pre-bundling for the dev server) lowers them as well.
   * @default false
   */
  lowerDependencies?: boolean;
  /**
   * How to parse. By default `.mjs`/`.mts` are modules, `.cjs`/`.cts` scripts, and other files are
   * modules unless they use `require(`, `module.exports` or `exports.` without import/export
   * (see source-type.ts).
   * @default per file
   */
  sourceType?: SourceType;
  /**
   * Parse only the top-level statements with async syntax. The host bundler parses every file and
   * reports its syntax errors anyway; `false` makes yieldfrom parse (and check) whole files too.
   * @default true
   */
  parseOnlyAsyncStatements?: boolean;
}

/** The files lowered by default: `.js .mjs .cjs .jsx .ts .mts .cts .tsx`. */
export const defaultInclude = /\.[cm]?[jt]sx?$/;
const dependencies = /[\\/]node_modules[\\/]/;
// The runtime is plain ES2015 already; a workspace link would otherwise escape the node_modules rule.
const runtimeFiles = /[\\/](?:@yieldfrom[\\/]runtime|packages[\\/]runtime)[\\/]dist[\\/]/;
// Vite and webpack ids carry queries (`?v=123`, `?vue&type=script`); they are not part of the file.
const query = /[?#].*$/;

export interface NormalizedPluginOptions {
  /** What every file is lowered with (no filename or sourceType: those are per file). */
  transformOptions: Omit<TransformOptions, 'filename' | 'sourceType'>;
  /** The sourceType the user chose, if any. */
  sourceType: SourceType | undefined;
  /** `include`/`exclude` applied to an id without its query. */
  isIncluded: (id: string) => boolean;
  /** The same choice for hosts that filter natively, plus the cheap code filter. */
  hookFilter: { id: { include: (string | RegExp)[]; exclude: (string | RegExp)[] }; code: RegExp };
  /** A Go-compatible regular expression for esbuild's own `onLoad` filter: the fewer calls into JS, the better. */
  esbuildFilter: RegExp;
  lowerDependencies: boolean;
  /** Warnings for the host to show (unknown option names). */
  warnings: Diagnostic[];
}

export function cleanId(id: string): string {
  return id.replace(query, '');
}

function toArray(pattern: FilterPattern | undefined): (string | RegExp)[] {
  if (pattern === null || pattern === undefined) return [];
  return Array.isArray(pattern) ? [...pattern] : [pattern as string | RegExp];
}

function isFilterPattern(value: unknown): boolean {
  const isOne = (v: unknown) => typeof v === 'string' || v instanceof RegExp;
  return value == null || isOne(value) || (Array.isArray(value) && value.every(isOne));
}

/**
 * Rollup's `createFilter`. Patterns that are all regular expressions (the default) are tested here as
 * `createFilter` tests them (an id with `\0` never matches; `\` read as `/`; exclude first; no include
 * matches everything); globs need @rollup/pluginutils and its glob matcher, loaded only then: every
 * `vite build` reads the plugin, and loading them cost it 30 to 40 ms.
 */
function createFilter(include: FilterPattern, exclude: (string | RegExp)[]): (id: string) => boolean {
  const includes = toArray(include);
  if (![...includes, ...exclude].every((pattern) => pattern instanceof RegExp)) {
    const pluginutils = createRequire(import.meta.url)('@rollup/pluginutils') as typeof import('@rollup/pluginutils');
    return pluginutils.createFilter(include, exclude);
  }
  const matches = (pattern: RegExp, id: string) => {
    pattern.lastIndex = 0;
    return pattern.test(id);
  };
  return (id) => {
    if (typeof id !== 'string' || id.includes('\0')) return false;
    const pathId = id.replaceAll('\\', '/');
    if (exclude.some((pattern) => matches(pattern as RegExp, pathId))) return false;
    return !includes.length || includes.some((pattern) => matches(pattern as RegExp, pathId));
  };
}

/** Validates and fills in defaults; throws a YieldfromError (YF2001) on a value of the wrong kind. */
export function normalizePluginOptions(options: PluginOptions = {}): NormalizedPluginOptions {
  const { include = defaultInclude, exclude, lowerDependencies = false, sourceType, ...transformOptions } = options;
  const checked = normalizeOptions({ ...transformOptions, sourceType });
  const invalid = (name: string, expected: string, value: unknown) =>
    checked.diagnostics.push(
      createDiagnostic(DiagnosticCodes.INVALID_OPTION, `option "${name}" must be ${expected}, got ${JSON.stringify(value) ?? String(value)}`, { filename: '<options>' })
    );
  if (!isFilterPattern(include)) invalid('include', 'a string, a RegExp or an array of them', include);
  if (!isFilterPattern(exclude)) invalid('exclude', 'a string, a RegExp or an array of them', exclude);
  if (typeof lowerDependencies !== 'boolean') invalid('lowerDependencies', 'true or false', lowerDependencies);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new YieldfromError(errors);

  const effectiveExclude = [runtimeFiles, ...(lowerDependencies ? [] : [dependencies]), ...toArray(exclude)];
  const filter = createFilter(include, effectiveExclude);
  return {
    transformOptions,
    sourceType,
    isIncluded: (id) => filter(cleanId(id)),
    hookFilter: { id: { include: toArray(include), exclude: effectiveExclude }, code: asyncWords },
    esbuildFilter: include === defaultInclude ? defaultInclude : /.*/,
    lowerDependencies,
    warnings: checked.diagnostics,
  };
}
