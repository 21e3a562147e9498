// The build plugin for Vite, Rollup, webpack, esbuild and rspack: one set of hooks in unplugin's form
// (Rollup's plugin API, which Vite and Rolldown take as it is; unplugin.ts adapts it to the others), a
// thin face over transform(). It chooses files, lowers them, reports diagnostics through the host, and hands
// back code and map:
//
//   import yieldfrom from '@yieldfrom/transformer/vite';
//   export default { plugins: [yieldfrom()] };
//
// Files are chosen twice, both times before anything is parsed: a hook filter the host runs itself
// where it can (Rollup 4.38+, Vite 6.3+, Rolldown; unplugin applies it for webpack, esbuild and rspack), with the same
// include/exclude and the words `async`/`await` as a code filter; then the same checks in the handler,
// for hosts that ignore filters.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UnpluginBuildContext, UnpluginContext, UnpluginContextMeta, UnpluginOptions } from 'unplugin';
import type { TransformResult } from './transform.js';
import { DiagnosticCodes, YieldfromError, createDiagnostic, fileWarnings, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { mayContainAsync } from './async-words.js';
import { cleanId, normalizePluginOptions, type PluginOptions } from './plugin-options.js';
import { sourceTypeFor } from './source-type.js';
import { defaultRuntimeModule } from './options.js';
import { runtimeEntryModules } from './runtime-modules.js';

export type { PluginOptions } from './plugin-options.js';

type Context = UnpluginBuildContext & UnpluginContext;

// The lowering, and the parser with it, loads when a build starts rather than when the config is
// read: a build with nothing to lower never waits for it, and one with files to lower starts loading
// it while the host is still resolving and parsing its first modules.
const loadTransform = () => import('./transform.js');

// Rollup and the hosts built on its plugin API print an error's `frame` themselves (the message leaves
// it out rather than show it twice), and keep each module's original text for the final map.
const rollupFamily = new Set(['vite', 'rollup', 'rolldown']);

/** A diagnostic (and any after it) as the host prints one: file:line:column, code and frame. */
function hostLog(diagnostics: Diagnostic[], id: string, framework: string) {
  const [first, ...rest] = diagnostics as [Diagnostic, ...Diagnostic[]];
  const printsFrame = rollupFamily.has(framework);
  const message = [formatDiagnostic(printsFrame ? { ...first, frame: undefined } : first), ...rest.map(formatDiagnostic)].join('\n\n');
  const details = {
    message,
    id: cleanId(id),
    pluginCode: first.code,
    ...(first.loc ? { loc: { file: first.filename, line: first.loc.line, column: first.loc.column } } : {}),
    ...(printsFrame && first.frame ? { frame: first.frame } : {}),
  };
  return { printsFrame, message, details };
}

/** Fails the build through the host (file:line:column, code and frame); returns null for hosts that go on. */
function report(context: Context, error: unknown, id: string, framework: string): null {
  if (!(error instanceof YieldfromError)) throw error;
  const { printsFrame, message, details } = hostLog(error.diagnostics, id, framework);
  // Rollup and Vite throw here (an Error, which Vite's dev server wants); webpack and esbuild record
  // the error (a plain object: webpack would print an Error's stack), fail the build at its end, and
  // meanwhile get the file back unchanged.
  context.error((printsFrame ? Object.assign(new Error(message), details) : details) as never);
  return null;
}

/** Shows the lowering's warnings for a file (direct `eval` in an async arrow) through the host. */
function warn(context: Context, diagnostics: Diagnostic[], id: string, framework: string): void {
  for (const diagnostic of fileWarnings(diagnostics)) context.warn(hostLog([diagnostic], id, framework).details as never);
}

/** Whether `specifier` resolves from `importer` the way the host will resolve it (aliases included). */
async function hostResolves(context: Context, specifier: string, importer: string): Promise<boolean> {
  const rollupLike = context as Context & { resolve?: (source: string, importer: string) => Promise<unknown> };
  // Rollup without node-resolve answers null for every package and leaves it external, so a null
  // here is not the last word: Node's resolution is asked below too.
  if (typeof rollupLike.resolve === 'function' && (await rollupLike.resolve(specifier, importer))) return true;
  const native = context.getNativeBuildContext?.();
  if (native?.framework === 'esbuild') {
    const result = await native.build.resolve(specifier, { kind: 'import-statement', resolveDir: path.dirname(importer) });
    if (!result.errors.length) return true;
  } else if ((native?.framework === 'webpack' || native?.framework === 'rspack') && native.loaderContext) {
    const resolve = native.loaderContext.getResolve({ dependencyType: 'esm' }) as (dir: string, request: string) => Promise<unknown>;
    if (await resolve(path.dirname(importer), specifier).then(Boolean, () => false)) return true;
  }
  const require = createRequire(importer);
  for (const request of [specifier, `${specifier}/package.json`]) {
    try {
      require.resolve(request);
      return true;
    } catch {
      // an ESM-only entry or no package.json export: try the other request
    }
  }
  return false;
}

/** Checks, once per directory (files are lowered concurrently), that lowered files there can import the runtime. */
function runtimeChecker(runtimeModule: string) {
  const checks = new Map<string, Promise<boolean>>();
  return async (context: Context, filename: string): Promise<YieldfromError | null> => {
    const dir = path.dirname(filename);
    let check = checks.get(dir);
    if (!check) checks.set(dir, (check = hostResolves(context, runtimeModule, filename)));
    if (await check) return null;
    checks.delete(dir); // asked again for the next file: the user may install it while a dev server runs
    const message = `lowered code imports its helpers from "${runtimeModule}", which cannot be resolved from ${dir}. Install it (npm install ${runtimeModule}) or set { helpers: 'inline' }`;
    return new YieldfromError([createDiagnostic(DiagnosticCodes.RUNTIME_UNRESOLVED, message, { filename })]);
  };
}

/** Whether the host will read the map: skipping it saves the map's cost on builds without maps. */
function hostWantsMaps(context: Context): boolean {
  const native = context.getNativeBuildContext?.();
  if (native?.framework === 'esbuild') return !!native.build.initialOptions.sourcemap;
  if (native?.framework === 'webpack' || native?.framework === 'rspack') return native.loaderContext?.sourceMap !== false;
  return true;
}

/** The plugin in unplugin's form, for `meta.framework`: unplugin.ts adapts it to webpack, esbuild and rspack. */
export function createPlugin(options: PluginOptions | undefined, meta: Pick<UnpluginContextMeta, 'framework'>): UnpluginOptions {
  const normalized = normalizePluginOptions(options);
  const { transformOptions, isIncluded } = normalized;
  const runtimeModule = transformOptions.runtimeModule ?? defaultRuntimeModule;
  const checkRuntime = transformOptions.helpers === 'inline' ? null : runtimeChecker(runtimeModule);
  let pendingWarnings = normalized.warnings;
  // Set by Vite from `build.sourcemap` (always on for the dev server).
  let viteWantsMaps: boolean | undefined;

  const lower = async (code: string, filename: string, sourceMaps: boolean): Promise<TransformResult> => {
    const { transform } = await loadTransform();
    // The host parses and checks every file itself: only statements with async syntax need our parse.
    const parseOnlyAsyncStatements = transformOptions.parseOnlyAsyncStatements ?? true;
    return transform(code, { ...transformOptions, filename, sourceType: normalized.sourceType ?? sourceTypeFor(filename, code), sourceMaps, parseOnlyAsyncStatements });
  };

  return {
    name: 'yieldfrom',
    enforce: 'pre',
    buildStart() {
      // Errors surface where the handler awaits it.
      loadTransform().catch(() => {});
    },
    transform: {
      filter: normalized.hookFilter,
      async handler(this: Context, code: string, id: string) {
        if (pendingWarnings.length) {
          for (const warning of pendingWarnings) this.warn(formatDiagnostic(warning));
          pendingWarnings = [];
        }
        if (!isIncluded(id) || !mayContainAsync(code)) return null;
        const filename = cleanId(id);
        let result: TransformResult;
        try {
          result = await lower(code, filename, viteWantsMaps ?? hostWantsMaps(this));
        } catch (error) {
          return report(this, error, id, meta.framework);
        }
        warn(this, result.diagnostics, id, meta.framework);
        if (result.code === code) return null;
        const missingRuntime = await checkRuntime?.(this, filename);
        if (missingRuntime) return report(this, missingRuntime, id, meta.framework);
        // Rollup's family has the original text already; webpack and esbuild would otherwise show the
        // lowered text as the source.
        const map = result.map && rollupFamily.has(meta.framework) ? { ...result.map, sourcesContent: undefined } : result.map;
        return { code: result.code, map };
      },
    },
    esbuild: { onLoadFilter: normalized.esbuildFilter },
    vite: {
      async config(this: { meta?: { rolldownVersion?: string } } | void) {
        const optimizeDeps: Record<string, unknown> = {};
        // The dev server's dependency scan reads sources before they are lowered, so it would find the
        // runtime only on the first request and reload the page: name it up front, every module that
        // lowered code may import.
        if (checkRuntime && /^[@\w]/.test(runtimeModule)) {
          optimizeDeps.include = runtimeModule === defaultRuntimeModule ? runtimeEntryModules.map((module) => `${runtimeModule}/${module}`) : [runtimeModule];
        }
        if (normalized.lowerDependencies) {
          // Pre-bundled dependencies go through the same lowering: Rolldown in Vite 8 (and
          // rolldown-vite), esbuild before.
          const dependencyOptions = { ...options, lowerDependencies: true };
          if (this?.meta?.rolldownVersion) optimizeDeps.rolldownOptions = { plugins: [rollupFamilyPlugin(dependencyOptions, 'rolldown')] };
          else optimizeDeps.esbuildOptions = { plugins: [(await import('./unplugin.js')).yieldfromUnplugin.esbuild(dependencyOptions)] };
        }
        return { optimizeDeps };
      },
      configResolved(config: { command: string; build: { sourcemap: unknown } }) {
        viteWantsMaps = config.command === 'serve' || !!config.build.sourcemap;
      },
    },
  };
}

/**
 * The plugin for Vite, Rollup and Rolldown, whose plugin API unplugin's form already is: Vite's own
 * hooks merged in. Built here rather than by unplugin, whose adapters for every host cost each
 * `vite build` about 60 ms to load; the handler checks include/exclude and the code filter itself, for
 * hosts too old to apply the hook filter.
 */
export function rollupFamilyPlugin(options: PluginOptions | undefined, framework: 'vite' | 'rollup' | 'rolldown'): object {
  const { vite, esbuild, ...hooks } = createPlugin(options, { framework });
  return framework === 'vite' ? { ...hooks, ...vite } : hooks;
}
