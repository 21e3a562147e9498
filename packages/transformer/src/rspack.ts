// `import yieldfrom from '@yieldfrom/transformer/rspack'`: the build plugin for rspack.
import { yieldfromPlugin } from './plugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromPlugin.rspack;
