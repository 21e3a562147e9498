// `import yieldfrom from '@yieldfrom/transformer/esbuild'`: the build plugin for esbuild.
import { yieldfromPlugin } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromPlugin.esbuild;
