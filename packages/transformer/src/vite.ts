// `import yieldfrom from '@yieldfrom/transformer/vite'`: the build plugin for vite.
import type { Plugin } from 'vite';
import { rollupFamilyPlugin, type PluginOptions } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default (options?: PluginOptions): Plugin => rollupFamilyPlugin(options, 'vite') as Plugin;
