// The build plugin for Vite, Rollup, webpack, esbuild and rspack (one unplugin factory). It is a thin
// face: choose files, call transform(), report diagnostics through the host, hand back code and map.
//
//   import yieldfrom from '@yieldfrom/transformer/vite';
//   export default { plugins: [yieldfrom()] };
import { createRequire } from 'node:module';
import path from 'node:path';
import { createUnplugin, type UnpluginContext } from 'unplugin';
import { transform } from './transform.js';
import { YieldfromError, formatDiagnostic } from './diagnostics.js';
import { normalizePluginOptions, type PluginOptions } from './plugin-options.js';

export type { PluginOptions } from './plugin-options.js';

// Files that spell neither word are never read further, let alone parsed.
const mayContainAsync = /\basync\b|\bawait\b/;

/** Checks once per directory that lowered files there can import the runtime. */
function runtimeResolver(runtimeModule: string) {
  const checked = new Map<string, string | null>();
  return (id: string): string | null => {
    const dir = path.dirname(id.replace(/[?#].*$/, ''));
    if (!checked.has(dir)) {
      try {
        createRequire(path.join(dir, 'noop.js')).resolve(`${runtimeModule}/package.json`);
        checked.set(dir, null);
      } catch {
        checked.set(dir, `yieldfrom: "${runtimeModule}" cannot be resolved from ${dir}. Install it (npm install ${runtimeModule}) or use { helpers: 'inline' }.`);
      }
    }
    return checked.get(dir)!;
  };
}

function report(context: UnpluginContext, error: unknown, id: string): never {
  if (error instanceof YieldfromError) {
    const diagnostic = error.diagnostic;
    context.error({
      message: formatDiagnostic(diagnostic),
      id,
      loc: diagnostic.loc ? { line: diagnostic.loc.line, column: diagnostic.loc.column } : undefined,
      frame: diagnostic.frame,
    } as never);
  } else {
    context.error(error as Error);
  }
  throw error;
}

export const yieldfromPlugin = createUnplugin((options: PluginOptions | undefined) => {
  const normalized = normalizePluginOptions(options);
  const { transformOptions, isIncluded } = normalized;
  const checkRuntime = transformOptions.helpers === 'inline' ? () => null : runtimeResolver(transformOptions.runtimeModule ?? '@yieldfrom/runtime');
  const dependencyPlugins: unknown[] = [];
  // Vite says whether anyone will read the maps; other hosts chain them, so they always get one.
  let mapsWanted = true;

  const plugin = {
    name: 'yieldfrom',
    enforce: 'pre' as const,
    transform: {
      filter: { id: { include: normalized.include, exclude: normalized.exclude }, code: mayContainAsync },
      handler(this: UnpluginContext, code: string, id: string) {
        if (!isIncluded(id) || !mayContainAsync.test(code)) return null;
        let result;
        try {
          result = transform(code, { ...transformOptions, filename: id.replace(/[?#].*$/, ''), sourceMaps: mapsWanted });
        } catch (error) {
          report(this, error, id);
        }
        if (result.code === code) return null;
        const missingRuntime = checkRuntime(id);
        if (missingRuntime) this.error(missingRuntime);
        // The host has the original text already: the map need not carry it again.
        return { code: result.code, map: result.map ? { ...result.map, sourcesContent: undefined } : null };
      },
    },
    vite: {
      configResolved(config: { command: string; build: { sourcemap: unknown } }) {
        mapsWanted = config.command === 'serve' || !!config.build.sourcemap;
      },
      // With `lowerDependencies`, the pre-bundled dependencies go through the same lowering.
      config() {
        if (!normalized.lowerDependencies) return {};
        return { optimizeDeps: { rolldownOptions: { plugins: dependencyPlugins } } };
      },
    },
  };
  if (normalized.lowerDependencies) dependencyPlugins.push(yieldfromPlugin.rolldown({ ...options, lowerDependencies: true }));
  return plugin as never;
});

export default yieldfromPlugin;
