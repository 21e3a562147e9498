// `plugins: ['@yieldfrom/transformer/babel']`: the same lowering as transform(), inside a Babel build.
//
// The plugin overrides parsing. Babel hands it the file's text, transform() lowers it, and Babel parses
// the lowered text and runs every other plugin and preset on that. Why this and not a visitor:
// - the lowering is exactly transform()'s (text edits on the original), whatever the plugin order and
//   whatever other plugins have done to the tree by the time a visitor would run;
// - TypeScript syntax is still there when transform() reads it (it parses `.ts` files as TypeScript),
//   and still there after, for @babel/preset-typescript to strip: presets' visitors run on the
//   lowered tree, so their output is what they would make of hand-written generators;
// - source maps stay right: the lowering's map (lowered text -> original) becomes Babel's input map
//   in `pre`, chained in front of any input map the file already had, so Babel's own merge points
//   each `yield` back at its `await`.
// The cost: Babel allows one parserOverride per build, so this cannot be combined with another
// plugin that overrides parsing (Babel says so with an error); and transform() chooses the syntax from
// the file name, so TypeScript in files without a TypeScript extension (preset-typescript's
// `allExtensions`) does not parse.
import { transform } from './transform.js';
import { chainMaps, type SourceMap } from './source-map.js';
import { mayContainAsync } from './async-words.js';
import { normalizeOptions, type TransformOptions } from './options.js';
import { DiagnosticCodes, YieldfromError, createDiagnostic, fileWarnings, formatDiagnostic } from './diagnostics.js';

/** The transform's options; the file name, source maps and input map come from Babel. */
export type BabelPluginOptions = Omit<TransformOptions, 'filename' | 'sourceMaps' | 'inputSourceMap'>;

interface ParserOptions {
  sourceFileName?: string;
  sourceType?: 'module' | 'script' | 'unambiguous';
}

interface BabelApi {
  assertVersion?: (range: number | string) => void;
}

/** The part of Babel's File this plugin touches. */
interface BabelFile {
  ast: object;
  inputMap: { toObject(): object } | null;
  opts: { generatorOpts?: { sourceFileName?: string } };
}

// Each lowered tree's map, until `pre` hands it to Babel (a WeakMap: a failed build leaks nothing).
const lowerings = new WeakMap<object, SourceMap>();

export default function yieldfromBabelPlugin(api: BabelApi, options: BabelPluginOptions = {}) {
  api.assertVersion?.('^7.0.0 || ^8.0.0');
  // Checked once, as Babel loads the plugin: a wrong value fails there, as Babel's own plugins do; an
  // unknown name is said once (Babel has no warning channel: its presets use the console too).
  const { diagnostics } = normalizeOptions(options);
  const invalid = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (invalid.length) throw new YieldfromError(invalid);
  for (const warning of diagnostics) console.warn(formatDiagnostic(warning));
  return {
    name: 'yieldfrom',
    parserOverride(code: string, parserOptions: ParserOptions, parse: (code: string, options: ParserOptions) => object) {
      // Returning nothing lets Babel parse as usual: files without async cost no extra parse.
      if (!mayContainAsync(code)) return undefined;
      const result = transform(code, {
        sourceType: parserOptions.sourceType ?? 'module',
        ...options,
        filename: parserOptions.sourceFileName ?? 'input.js',
        sourceMaps: true,
      });
      for (const warning of fileWarnings(result.diagnostics)) console.warn(formatDiagnostic(warning));
      if (result.code === code) return undefined;
      let ast: object;
      try {
        ast = parse(result.code, parserOptions);
      } catch (error) {
        // Babel rejects the lowered text only for syntax the lowering kept as it was (TypeScript
        // without preset-typescript, say), but would say where in the lowered text: parsing the
        // original reports the same error where it is in the file.
        parse(code, parserOptions);
        // The original parses and the lowering does not: ours to fix. Lines are kept by the lowering,
        // columns on a lowered line are not, so the frame shows the line.
        const { message, loc } = error as { message?: string; loc?: { line: number } };
        const at = loc ? { loc: { line: loc.line, column: 0 } } : {};
        const reason = `Babel cannot parse the lowered text with this build's parser options, though it parses the file (please report it): ${String(message ?? error)}`;
        throw new YieldfromError([createDiagnostic(DiagnosticCodes.INTERNAL_ERROR, reason, { filename: parserOptions.sourceFileName ?? 'input.js', source: code, ...at })]);
      }
      lowerings.set(ast, result.map!);
      return ast;
    },
    pre(file: BabelFile) {
      const map = lowerings.get(file.ast);
      if (!map) return;
      lowerings.delete(file.ast);
      const input = file.inputMap?.toObject();
      // Without an input map, name the source the way Babel's own maps do.
      const sourceFileName = file.opts.generatorOpts?.sourceFileName;
      const lowering = sourceFileName && !input ? { ...map, sources: [sourceFileName] } : map;
      const chained = input ? chainMaps(lowering, input) : lowering;
      file.inputMap = { toObject: () => chained };
    },
  };
}
