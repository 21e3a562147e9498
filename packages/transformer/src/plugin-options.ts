// The build plugins' options: the transform's own (validated by normalizeOptions) plus which files
// to touch. One place, so Vite, Rollup, webpack, esbuild and rspack behave alike.
import { createFilter, type FilterPattern } from '@rollup/pluginutils';
import { normalizeOptions, type TransformOptions } from './options.js';
import { YieldfromError } from './diagnostics.js';

export interface PluginOptions extends Omit<TransformOptions, 'filename' | 'inputSourceMap' | 'sourceType'> {
  /**
   * Files to lower, as Rollup's createFilter reads them (globs, regular expressions).
   * @default /\.[cm]?[jt]sx?$/
   */
  include?: FilterPattern;
  /**
   * Files to leave alone.
   * @default /node_modules/ unless `lowerDependencies` is set
   */
  exclude?: FilterPattern;
  /**
   * Lower async code in dependencies too (including what Vite's dependency optimizer pre-bundles).
   * @default false
   */
  lowerDependencies?: boolean;
  /**
   * How to parse files whose kind the extension does not tell.
   * @default "unambiguous"
   */
  sourceType?: TransformOptions['sourceType'];
}

export const defaultInclude = /\.[cm]?[jt]sx?$/;
export const defaultExclude = /[\\/]node_modules[\\/]/;
// The runtime is plain ES2015 already; a workspace link would otherwise escape the node_modules rule.
const runtimeFiles = /[\\/](?:@yieldfrom[\\/]runtime|packages[\\/]runtime)[\\/]dist[\\/]/;

export interface NormalizedPluginOptions {
  transformOptions: TransformOptions;
  isIncluded: (id: string) => boolean;
  include: FilterPattern;
  exclude: FilterPattern;
  lowerDependencies: boolean;
}

function toArray(pattern: FilterPattern): (string | RegExp)[] {
  if (pattern === null || pattern === undefined) return [];
  return Array.isArray(pattern) ? [...pattern] : [pattern as string | RegExp];
}

export function normalizePluginOptions(options: PluginOptions = {}): NormalizedPluginOptions {
  const { include = defaultInclude, exclude, lowerDependencies = false, ...transformOptions } = options;
  const effectiveExclude = [runtimeFiles, ...toArray(exclude ?? (lowerDependencies ? [] : defaultExclude))];
  const checked = normalizeOptions({ sourceType: 'unambiguous', ...transformOptions });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new YieldfromError(errors);
  const filter = createFilter(include, effectiveExclude);
  return {
    transformOptions: { sourceType: 'unambiguous', ...transformOptions },
    // Query strings (`?vue&type=script`) are not part of the file name.
    isIncluded: (id) => filter(id.replace(/[?#].*$/, '')),
    include,
    exclude: effectiveExclude,
    lowerDependencies,
  };
}
