// The plugin for webpack, esbuild and rspack: unplugin adapts plugin.ts's hooks to their APIs. (Vite,
// Rollup and Rolldown take rollupFamilyPlugin, which needs no adapter.)
import { createUnplugin } from 'unplugin';
import { createPlugin } from './plugin.js';

export const yieldfromUnplugin = createUnplugin(createPlugin);
