// The build plugins, each run inside its real host: the bundle has no async syntax left, prints what
// the native app prints, and its source map leads every `yield` back to its `await`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appDir, appEntry, awaitCount, nativeAppOutput, remainingAsync, runNode, temporaryDir, yieldsMappedToAwaits } from './support.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function outDir(host: string) {
  const dir = temporaryDir(host);
  made.push(dir);
  return dir;
}

function expectLoweredBundle(file: string) {
  expect(remainingAsync(file)).toEqual([]);
  expect(runNode(file)).toBe(nativeAppOutput());
  const { yields, onAwait } = yieldsMappedToAwaits(file);
  expect(yields).toBe(awaitCount());
  expect(onAwait).toBe(yields);
}

describe('build plugins in their hosts', () => {
  it('vite build', async () => {
    const { build } = await import('vite');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
    const dir = outDir('vite');
    await build({
      root: appDir,
      logLevel: 'silent',
      configFile: false,
      plugins: [yieldfrom()],
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        lib: { entry: appEntry, formats: ['es'], fileName: () => 'main.mjs' },
      },
    });
    expectLoweredBundle(path.join(dir, 'main.mjs'));
  });

  it('rollup', async () => {
    const { rollup } = await import('rollup');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/rollup');
    const dir = outDir('rollup');
    const bundle = await rollup({ input: appEntry, plugins: [yieldfrom()], external: [/^@yieldfrom\/runtime/], onwarn: () => {} });
    await bundle.write({ file: path.join(dir, 'main.mjs'), format: 'es', sourcemap: true });
    await bundle.close();
    expectLoweredBundle(path.join(dir, 'main.mjs'));
  });

  it('webpack', async () => {
    const { default: webpack } = await import('webpack');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/webpack');
    const dir = outDir('webpack');
    const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
      webpack(
        {
          mode: 'none',
          target: 'node',
          entry: appEntry,
          devtool: 'source-map',
          output: { path: dir, filename: 'main.cjs', devtoolModuleFilenameTemplate: '[absolute-resource-path]' },
          plugins: [yieldfrom()],
        },
        (error, result) => (error ? reject(error) : resolve(result!))
      )
    );
    expect(stats.hasErrors()).toBe(false);
    expectLoweredBundle(path.join(dir, 'main.cjs'));
  });

  it('esbuild', async () => {
    const esbuild = await import('esbuild');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/esbuild');
    const dir = outDir('esbuild');
    await esbuild.build({
      entryPoints: [appEntry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: path.join(dir, 'main.mjs'),
      sourcemap: true,
      logLevel: 'silent',
      plugins: [yieldfrom()],
    });
    expectLoweredBundle(path.join(dir, 'main.mjs'));
  });

  it('reports a lowering error through the host with file, line, column and frame', async () => {
    const { rollup } = await import('rollup');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/rollup');
    const dir = outDir('rollup-error');
    const entry = path.join(dir, 'bad.mjs');
    fs.writeFileSync(entry, 'export const x = 1;\nexport const y = await Promise.resolve(2);\n');
    const error = await rollup({ input: entry, plugins: [yieldfrom()] }).then(
      () => null,
      (e: Error & { loc?: { line: number; column: number }; frame?: string }) => e
    );
    expect(error).not.toBeNull();
    expect(error!.message).toContain('YF1002');
    expect(error!.message).toContain('bad.mjs:2:');
    expect(error!.loc).toMatchObject({ line: 2 });
  });

  it('leaves files without async untouched and skips node_modules by default', async () => {
    const { normalizePluginOptions } = await import('../../packages/transformer/dist/plugin-options.js');
    const options = normalizePluginOptions();
    expect(options.isIncluded('/p/src/a.ts')).toBe(true);
    expect(options.isIncluded('/p/src/a.vue?vue&type=script&lang.ts')).toBe(false);
    expect(options.isIncluded('/p/node_modules/x/index.js')).toBe(false);
    expect(normalizePluginOptions({ lowerDependencies: true }).isIncluded('/p/node_modules/x/index.js')).toBe(true);
    expect(() => normalizePluginOptions({ helpers: 'bogus' as never })).toThrow(/YF2001/);
  });
});
