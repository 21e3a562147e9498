// `import yieldfrom from '@yieldfrom/transformer/esbuild'`: the build plugin for esbuild.
//
// unplugin hands esbuild a diagnostic's file, line and column but not the text of that line, so
// esbuild would print the location over an empty line: the plugin fills `lineText` in from the file.
import fs from 'node:fs';
import type { Plugin, PluginBuild, OnLoadResult, PartialMessage } from 'esbuild';
import { yieldfromUnplugin } from './unplugin.js';
import { lineBreak } from './diagnostics.js';
import type { PluginOptions } from './plugin-options.js';

export type { PluginOptions } from './plugin-options.js';

function withLineText(messages: PartialMessage[] | undefined): void {
  for (const message of messages ?? []) {
    const location = message.location;
    if (!location?.file || location.lineText !== undefined || !location.line) continue;
    try {
      location.lineText = fs.readFileSync(location.file, 'utf8').split(lineBreak)[location.line - 1] ?? '';
    } catch {
      // No file to read (a virtual module): esbuild prints the location alone.
    }
  }
}

export default function yieldfrom(options?: PluginOptions): Plugin {
  const plugin = yieldfromUnplugin.esbuild(options);
  return {
    ...plugin,
    setup(build) {
      const onLoad: PluginBuild['onLoad'] = (filter, callback) =>
        build.onLoad(filter, async (args) => {
          const result = (await callback(args)) as OnLoadResult | null | undefined;
          withLineText(result?.errors);
          withLineText(result?.warnings);
          return result;
        });
      return plugin.setup({ ...build, onLoad });
    },
  };
}
