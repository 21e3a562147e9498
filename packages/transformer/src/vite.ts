// `import yieldfrom from '@yieldfrom/transformer/vite'`: the build plugin for vite.
import { yieldfromPlugin } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromPlugin.vite;
