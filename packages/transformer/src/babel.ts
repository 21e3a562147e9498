// `plugins: ['@yieldfrom/transformer/babel']`: the same lowering as transform(), inside a Babel build.
//
// The plugin overrides parsing: Babel hands it the file's text, transform() lowers it, and Babel
// parses the lowered text and runs every other plugin and preset (preset-typescript included) on
// that. So the lowering is exactly transform()'s, whatever the plugin order, and TypeScript syntax is
// still there for preset-typescript to strip. Because transform() keeps every line where it was,
// Babel's source map (made against the original text) stays right line for line.
import { transform } from './transform.js';
import type { TransformOptions } from './options.js';

export type BabelPluginOptions = Omit<TransformOptions, 'filename' | 'sourceMaps' | 'inputSourceMap'>;

interface ParserOptions {
  sourceFileName?: string;
  sourceType?: 'module' | 'script' | 'unambiguous';
}

interface BabelApi {
  assertVersion?: (range: number | string) => void;
}

export default function yieldfromBabelPlugin(api: BabelApi, options: BabelPluginOptions = {}) {
  api.assertVersion?.('^7.0.0 || ^8.0.0');
  return {
    name: 'yieldfrom',
    parserOverride(code: string, parserOptions: ParserOptions, parse: (code: string, options: ParserOptions) => unknown) {
      const { code: lowered } = transform(code, {
        sourceType: parserOptions.sourceType ?? 'module',
        ...options,
        filename: parserOptions.sourceFileName ?? 'input.js',
        sourceMaps: false,
      });
      return parse(lowered, parserOptions);
    },
  };
}
