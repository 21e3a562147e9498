// `import yieldfrom from '@yieldfrom/transformer/esbuild'`: the build plugin for esbuild.
import { yieldfromUnplugin } from './unplugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromUnplugin.esbuild;
