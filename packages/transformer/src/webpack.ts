// `import yieldfrom from '@yieldfrom/transformer/webpack'`: the build plugin for webpack.
import { yieldfromPlugin } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromPlugin.webpack;
