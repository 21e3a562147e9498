// `import yieldfrom from '@yieldfrom/transformer/rollup'`: the build plugin for rollup.
import type { Plugin } from 'rollup';
import { rollupFamilyPlugin, type PluginOptions } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default (options?: PluginOptions): Plugin => rollupFamilyPlugin(options, 'rollup') as Plugin;
