// `import yieldfrom from '@yieldfrom/transformer/rollup'`: the build plugin for rollup.
import { yieldfromPlugin } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromPlugin.rollup;
