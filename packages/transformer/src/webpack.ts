// `import yieldfrom from '@yieldfrom/transformer/webpack'`: the build plugin for webpack.
import { yieldfromUnplugin } from './unplugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromUnplugin.webpack;
