// The build plugins, each run inside its real host: the bundle has no async syntax left, prints what
// the native app prints, and its source map leads every `yield` back to its `await`; bad input and a
// missing runtime fail the build with the diagnostic's code, file:line:column and frame.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PluginOptions } from '@yieldfrom/transformer/vite';
import { appEntry, awaitCount, repoRoot, nativeAppOutput, remainingAsync, runNode, temporaryDir, writeTree, yieldsMappedToAwaits } from './support.js';

type Host = 'vite' | 'rollup' | 'webpack' | 'rspack' | 'esbuild';
const hosts: Host[] = ['vite', 'rollup', 'webpack', 'rspack', 'esbuild'];

interface BuildRequest {
  entry: string;
  outDir: string;
  /** Plugin options; `null` builds without the plugin (the native build). */
  options?: PluginOptions | null;
  /** Rollup: leave the runtime an import (Rollup alone does not resolve packages). */
  runtimeExternal?: boolean;
  /** Collects the build's warnings. */
  warnings?: string[];
}

/** Builds `entry` into one file with the host; resolves to that file, or rejects with the build's error text. */
async function bundle(host: Host, { entry, outDir, options = {}, runtimeExternal = true, warnings = [] }: BuildRequest): Promise<string> {
  switch (host) {
    case 'vite': {
      const { build } = await import('vite');
      const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
      await build({
        root: path.dirname(entry),
        cacheDir: path.join(outDir, '.vite'),
        logLevel: 'silent',
        configFile: false,
        plugins: options ? [yieldfrom(options)] : [],
        build: {
          outDir,
          emptyOutDir: false,
          minify: false,
          sourcemap: true,
          lib: { entry, formats: ['es'], fileName: () => 'main.mjs' },
          rollupOptions: { onwarn: (warning: { message: string }) => void warnings.push(warning.message) },
        },
      }).catch((error: Error) => Promise.reject(new Error(error.message)));
      return path.join(outDir, 'main.mjs');
    }
    case 'rollup': {
      const { rollup } = await import('rollup');
      const { default: yieldfrom } = await import('@yieldfrom/transformer/rollup');
      const external = runtimeExternal ? [/^@yieldfrom\/runtime/] : [];
      const build = await rollup({ input: entry, plugins: options ? [yieldfrom(options)] : [], external, onwarn: (warning) => void warnings.push(warning.message) }).catch(
        (error: Error & { frame?: string; loc?: { line: number; column: number } }) =>
          Promise.reject(new Error(`${error.message}\nloc ${error.loc?.line}:${error.loc?.column}\n${error.frame}`))
      );
      await build.write({ file: path.join(outDir, 'main.mjs'), format: 'es', sourcemap: true });
      await build.close();
      return path.join(outDir, 'main.mjs');
    }
    case 'webpack':
    case 'rspack': {
      // The same configuration for both: rspack takes webpack's.
      const compile = host === 'webpack' ? (await import('webpack')).default : ((await import('@rspack/core')).rspack as unknown as typeof import('webpack').default);
      const { default: yieldfrom } = host === 'webpack' ? await import('@yieldfrom/transformer/webpack') : await import('@yieldfrom/transformer/rspack');
      const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
        compile(
          {
            mode: 'none',
            target: 'node',
            context: path.dirname(entry),
            entry,
            devtool: 'source-map',
            output: { path: outDir, filename: 'main.cjs', devtoolModuleFilenameTemplate: '[absolute-resource-path]' },
            plugins: options ? [yieldfrom(options) as never] : [],
          },
          (error, result) => (error ? reject(error) : resolve(result!))
        )
      );
      if (stats.hasErrors()) throw new Error(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message).join('\n'));
      warnings.push(...stats.toJson({ all: false, warnings: true }).warnings!.map((w) => w.message));
      return path.join(outDir, 'main.cjs');
    }
    case 'esbuild': {
      const esbuild = await import('esbuild');
      const { default: yieldfrom } = await import('@yieldfrom/transformer/esbuild');
      const result = await esbuild
        .build({
          entryPoints: [entry],
          bundle: true,
          platform: 'node',
          format: 'esm',
          outfile: path.join(outDir, 'main.mjs'),
          sourcemap: true,
          logLevel: 'silent',
          plugins: options ? [yieldfrom(options)] : [],
        })
        .catch((error: { errors: { text: string; location: { line: number; column: number } | null }[] }) =>
          Promise.reject(new Error(error.errors.map((e) => `${e.text}\nloc ${e.location?.line}:${e.location?.column}`).join('\n')))
        );
      warnings.push(...result.warnings.map((w) => `${w.text}\nloc ${w.location?.line}:${w.location?.column} ${w.location?.lineText}`));
      return path.join(outDir, 'main.mjs');
    }
  }
}

const failure = (promise: Promise<unknown>) => promise.then(() => new Error('the build succeeded'), (error: Error) => error);

describe.each(hosts)('%s with yieldfrom()', (host) => {
  it('bundles the app with no async syntax left; it prints what the native app prints; each yield maps to its await', async () => {
    const file = await bundle(host, { entry: appEntry, outDir: temporaryDir(host) });
    expect(remainingAsync(file)).toEqual([]);
    expect(runNode(file)).toBe(nativeAppOutput());
    const { yields, onAwait } = yieldsMappedToAwaits(file);
    expect(yields).toBe(awaitCount());
    expect(onAwait).toBe(yields);
    // Where the map carries the sources' text, it is the text as written, not the lowered one.
    const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    const appFiles = map.sources.map((source, index) => [path.basename(source), map.sourcesContent?.[index]] as const).filter(([name]) => /^(main|util|counter)\.js$/.test(name));
    expect(appFiles).toHaveLength(3);
    for (const [name, content] of appFiles) if (content != null) expect(content).toBe(fs.readFileSync(path.join(path.dirname(appEntry), name), 'utf8'));
  });

  it('fails the build on input it cannot lower, with code, file:line:column and frame', async () => {
    const dir = temporaryDir(`${host}-error`);
    writeTree(dir, { 'bad.mjs': 'export const x = 1;\nexport const y = await Promise.resolve(2);\n' });
    const error = await failure(bundle(host, { entry: path.join(dir, 'bad.mjs'), outDir: path.join(dir, 'out') }));
    expect(error.message).toContain('YF1002');
    expect(error.message).toContain(`${path.join(dir, 'bad.mjs')}:2:18`);
    expect(error.message).toContain('> 2 | export const y = await Promise.resolve(2);');
    expect(error.message.match(/> 2 \|/g)).toHaveLength(1);
    if (host === 'rollup' || host === 'esbuild') expect(error.message).toContain('loc 2:17');
  });

  it("shows the lowering's warnings through the host, with file:line:column", async () => {
    const dir = temporaryDir(`${host}-warning`);
    writeTree(dir, { 'ev.mjs': 'export function f() {\n  return async () => eval("arguments");\n}\n' });
    const warnings: string[] = [];
    await bundle(host, { entry: path.join(dir, 'ev.mjs'), outDir: path.join(dir, 'out'), warnings });
    const shown = warnings.filter((message) => message.includes('YF3001'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(`${path.join(dir, 'ev.mjs')}:2:22`);
    // esbuild prints the located line itself.
    if (host === 'esbuild') expect(shown[0]).toContain('loc 2:21   return async () => eval("arguments");');
  });

  it('a syntax error outside the statements yieldfrom parses fails the build, reported by the host at its place', async () => {
    // The plugins parse only top-level statements with async syntax (parseOnlyAsyncStatements); the
    // lines of the others are left as they were, so the host's own parse finds the error where it is.
    const dir = temporaryDir(`${host}-syntax`);
    writeTree(dir, { 'bad.mjs': 'export const x = 1;\nexport const y = ;\nexport async function f() { await x; }\n' });
    const error = await failure(bundle(host, { entry: path.join(dir, 'bad.mjs'), outDir: path.join(dir, 'out') }));
    expect(error.message).not.toBe('the build succeeded');
    expect(error.message).not.toContain('YF1001');
    // Line 2, column 17 (0-based) or 18 (1-based), however the host spells it.
    expect(error.message).toMatch(/\b2:1[78]\b/);
  });

  it('fails the build with a clear error when the runtime cannot be resolved', async () => {
    const dir = temporaryDir(`${host}-no-runtime`, { linkNodeModules: false });
    writeTree(dir, { 'main.mjs': 'export const f = async () => await 1;\n' });
    const error = await failure(bundle(host, { entry: path.join(dir, 'main.mjs'), outDir: path.join(dir, 'out'), runtimeExternal: false }));
    expect(error.message).toContain('YF2003');
    expect(error.message).toContain('"@yieldfrom/runtime", which cannot be resolved');
    // Declared external, it is the user's to provide when the bundle runs.
    if (host === 'rollup') await bundle(host, { entry: path.join(dir, 'main.mjs'), outDir: path.join(dir, 'out'), runtimeExternal: true });
  });
});

describe('build plugin options', () => {
  it('leaves async functions nothing uses out of the bundle, as native ones would be', async () => {
    const dir = temporaryDir('tree-shaking');
    writeTree(dir, {
      'lib.mjs': [
        'export const used = async (x) => (await x) * 2;',
        'export const unusedNamed = async function unusedSelf() { return unusedSelf; };',
        'export const unusedGenerator = async function* unusedGen() { yield 1; };',
        'export const unusedObject = { async unusedMethod() { return 1; } };',
        'export async function unusedDeclaration() { return 1; }',
        'export class UnusedClass { async unusedClassMethod() { return 1; } }',
      ].join('\n'),
      'main.mjs': "import { used } from './lib.mjs';\nused(21).then((v) => console.log(v));\n",
    });
    for (const host of ['esbuild', 'rollup'] as const) {
      for (const options of [{}, { asyncFunctionPrototype: true }] as PluginOptions[]) {
        const file = await bundle(host, { entry: path.join(dir, 'main.mjs'), outDir: path.join(dir, `out-${host}-${Object.keys(options).length}`), options });
        expect(runNode(file)).toBe('42');
        const code = fs.readFileSync(file, 'utf8');
        // (With asyncFunctionPrototype a module-level declaration is handed over by a statement, which uses it.)
        // (With asyncFunctionPrototype a class is handed over by a statement after it, which uses it.)
        const names = ['unusedSelf', 'unusedGen', 'unusedMethod', ...(options.asyncFunctionPrototype ? [] : ['unusedDeclaration', 'unusedClassMethod'])];
        for (const name of names) expect(code, `${host} ${JSON.stringify(options)}`).not.toContain(name);
      }
    }
  });

  it("helpers: 'inline' builds where the runtime is not installed", async () => {
    const dir = temporaryDir('inline', { linkNodeModules: false });
    writeTree(dir, { 'main.mjs': 'const f = async (x) => (await x) * 2;\nf(21).then((v) => console.log(v));\n' });
    const file = await bundle('esbuild', { entry: path.join(dir, 'main.mjs'), outDir: path.join(dir, 'out'), options: { helpers: 'inline' } });
    expect(remainingAsync(file)).toEqual([]);
    expect(runNode(file)).toBe('42');
  });

  it('TypeScript entries: types are left for the host, async is lowered, output matches the native build', async () => {
    const dir = temporaryDir('typescript');
    writeTree(dir, {
      'main.ts': 'interface Job { name: string; ms: number }\nconst run = async ({ name, ms }: Job): Promise<string> => { await new Promise((r) => setTimeout(r, ms)); return name; };\nclass Runner { async all(jobs: Job[]) { const done: string[] = []; for (const job of jobs) done.push(await run(job)); return done; } }\nnew Runner().all([{ name: "a", ms: 2 }, { name: "b", ms: 1 }]).then((names) => console.log(names.join(",")));\n',
    });
    for (const host of ['vite', 'esbuild'] as const) {
      const lowered = await bundle(host, { entry: path.join(dir, 'main.ts'), outDir: path.join(dir, host) });
      const native = await bundle(host, { entry: path.join(dir, 'main.ts'), outDir: path.join(dir, `${host}-native`), options: null });
      expect(remainingAsync(lowered)).toEqual([]);
      expect(remainingAsync(native)).not.toEqual([]);
      expect(runNode(lowered)).toBe('a,b');
      expect(runNode(native)).toBe('a,b');
    }
  });

  it('rejects option values of the wrong kind with YF2001', async () => {
    const { default: yieldfrom } = await import('@yieldfrom/transformer/rollup');
    expect(() => yieldfrom({ helpers: 'bogus' as never })).toThrow(/YF2001/);
    expect(() => yieldfrom({ lowerDependencies: 'yes' as never })).toThrow(/YF2001.*lowerDependencies/);
    expect(() => yieldfrom({ include: 42 as never })).toThrow(/YF2001.*include/);
  });

  it('shows unknown option names as a host warning (YF2002), once', async () => {
    const { rollup } = await import('rollup');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/rollup');
    const dir = temporaryDir('warnings');
    writeTree(dir, { 'main.mjs': "import { b } from './b.mjs';\nexport const a = async () => await b();\n", 'b.mjs': 'export const b = async () => 1;\n' });
    const warnings: string[] = [];
    const build = await rollup({ input: path.join(dir, 'main.mjs'), plugins: [yieldfrom({ helpres: 'inline' } as never)], external: [/^@yieldfrom\/runtime/], onwarn: (warning) => warnings.push(warning.message) });
    await build.close();
    expect(warnings.filter((message) => message.includes('YF2002'))).toHaveLength(1);
    expect(warnings.join('\n')).toContain('unknown option "helpres" is ignored');
  });

  it('include and exclude follow createFilter; node_modules is skipped unless lowerDependencies', async () => {
    // Its own node_modules, with a dependency that has async code and a link to the runtime.
    const dir = temporaryDir('filters', { linkNodeModules: false });
    writeTree(dir, {
      'main.mjs': "import { a } from './src/a.mjs';\nimport { b } from './src/skip/b.mjs';\nimport { c } from 'fake-dependency';\nexport { a, b, c };\n",
      'src/a.mjs': 'export const a = async () => await 1;\n',
      'src/skip/b.mjs': 'export const b = async () => await 2;\n',
      'node_modules/fake-dependency/package.json': '{ "name": "fake-dependency", "type": "module", "exports": "./index.js" }',
      'node_modules/fake-dependency/index.js': 'export const c = async () => await 3;\n',
    });
    fs.mkdirSync(path.join(dir, 'node_modules/@yieldfrom'));
    fs.symlinkSync(path.join(repoRoot, 'packages/runtime'), path.join(dir, 'node_modules/@yieldfrom/runtime'), 'junction');
    const asyncLeftIn = async (options: PluginOptions) => {
      const file = await bundle('esbuild', { entry: path.join(dir, 'main.mjs'), outDir: path.join(dir, `out-${Math.random().toString(36).slice(2)}`), options });
      const text = fs.readFileSync(file, 'utf8');
      return ['1', '2', '3'].filter((n) => text.includes(`async () => await ${n}`));
    };
    expect(await asyncLeftIn({})).toEqual(['3']);
    expect(await asyncLeftIn({ lowerDependencies: true })).toEqual([]);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // Globs are resolved against the working directory, as in createFilter.
      expect(await asyncLeftIn({ exclude: 'src/skip/**' })).toEqual(['2', '3']);
      expect(await asyncLeftIn({ include: ['src/**/*.mjs'], lowerDependencies: true })).toEqual(['3']);
      expect(await asyncLeftIn({ include: /[\\/]a\.mjs$/ })).toEqual(['2', '3']);
    } finally {
      process.chdir(cwd);
    }
  });
});
