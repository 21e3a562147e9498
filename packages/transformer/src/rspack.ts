// `import yieldfrom from '@yieldfrom/transformer/rspack'`: the build plugin for rspack.
import { yieldfromUnplugin } from './unplugin.js';

export type { PluginOptions } from './plugin-options.js';
export default yieldfromUnplugin.rspack;
