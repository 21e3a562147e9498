// Vite's opt-in to lower dependencies: `vite build` lowers what it bundles from node_modules, and the
// dev server's dependency optimizer pre-bundles them lowered. The dependency is a real one: p-map,
// installed from the registry, with async functions and an async generator in its published code.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { remainingAsync, runNode, temporaryDir, writeTree } from './support.js';

const app = {
  'index.html': '<script type="module" src="/main.js"></script>\n',
  // Timers ending 35 ms apart (10, 45, 80): the same order natively and lowered on a busy machine.
  'main.js': [
    "import pMap, { pMapIterable } from 'p-map';",
    'async function main() {',
    '  const log = [];',
    '  const doubled = await pMap([80, 10, 35], async (n) => { await new Promise((r) => setTimeout(r, n)); log.push(`done ${n}`); return n * 2; }, { concurrency: 2 });',
    "  log.push(`doubled ${doubled.join(',')}`);",
    '  for await (const n of pMapIterable([1, 2], async (n) => n * 10)) log.push(`iterated ${n}`);',
    "  console.log(log.join('\\n'));",
    '}',
    'main();',
    '',
  ].join('\n'),
};

async function viteBuild(dir: string, options: object) {
  const { build } = await import('vite');
  const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
  const outDir = path.join(dir, `out-${Object.keys(options).join('-') || 'default'}`);
  await build({
    root: dir,
    cacheDir: path.join(dir, '.vite'),
    logLevel: 'silent',
    configFile: false,
    plugins: [yieldfrom(options)],
    build: { outDir, minify: false, lib: { entry: path.join(dir, 'main.js'), formats: ['es'], fileName: () => 'main.mjs' } },
  });
  return path.join(outDir, 'main.mjs');
}

describe('Vite hook filter', () => {
  it('files that spell neither async nor await never reach the plugin: Vite filters them natively', async () => {
    const { build } = await import('vite');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
    const dir = temporaryDir('vite-filter');
    const files: Record<string, string> = { 'main.js': Array.from({ length: 10 }, (_, i) => `export * from './m${i}.js';`).join('\n') };
    for (let i = 0; i < 10; i++) files[`m${i}.js`] = i === 3 ? `export const f${i} = async () => await ${i};\n` : `export const f${i} = () => ${i};\n`;
    writeTree(dir, files);
    const plugin = yieldfrom();
    const hook = plugin.transform as { handler: (...args: unknown[]) => unknown };
    const handler = hook.handler;
    const seen: string[] = [];
    hook.handler = function (this: unknown, ...args: unknown[]) {
      seen.push(path.basename(args[1] as string));
      return handler.apply(this, args);
    };
    await build({ root: dir, logLevel: 'silent', configFile: false, plugins: [plugin], build: { outDir: path.join(dir, 'out'), lib: { entry: path.join(dir, 'main.js'), formats: ['es'], fileName: () => 'main.mjs' } } });
    expect(seen).toEqual(['m3.js']);
    expect(remainingAsync(path.join(dir, 'out', 'main.mjs'))).toEqual([]);
  });
});

describe('Vite and dependencies', () => {
  it('vite build lowers node_modules only with lowerDependencies, and the result behaves like the native app', async () => {
    const dir = temporaryDir('vite-dependencies');
    writeTree(dir, app);
    const native = runNode(path.join(dir, 'main.js'));
    expect(native).toContain('iterated 20');
    const withDependencies = await viteBuild(dir, { lowerDependencies: true });
    const withoutDependencies = await viteBuild(dir, {});
    expect(remainingAsync(withDependencies)).toEqual([]);
    // Without the opt-in, the app is lowered and p-map is not.
    expect(remainingAsync(withoutDependencies).length).toBeGreaterThan(3);
    expect(fs.readFileSync(withoutDependencies, 'utf8')).not.toMatch(/async function main/);
    expect(runNode(withDependencies)).toBe(native);
  });

  it('the dev server pre-bundles dependencies lowered, and the runtime up front', async () => {
    const { createServer } = await import('vite');
    const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
    const dir = temporaryDir('vite-optimizer');
    writeTree(dir, app);
    const optimize = async (options: object) => {
      const server = await createServer({
        root: dir,
        cacheDir: path.join(dir, `.vite-${Object.keys(options).join('-') || 'default'}`),
        configFile: false,
        logLevel: 'silent',
        server: { middlewareMode: true, ws: false },
        optimizeDeps: { include: ['p-map'], noDiscovery: true, force: true },
        plugins: [yieldfrom(options)],
      });
      try {
        const client = server.environments.client;
        const served = await client.transformRequest('/main.js');
        const optimized = client.depsOptimizer!.metadata.optimized;
        await Promise.all(Object.values(optimized).map((info) => info.processing));
        return { served: served!.code, files: Object.fromEntries(Object.entries(optimized).map(([name, info]) => [name, info.file])) };
      } finally {
        await server.close();
      }
    };
    const lowered = await optimize({ lowerDependencies: true });
    // Every runtime module lowered code may import is pre-bundled up front.
    const runtimeModules = ['async-function', 'async-generator', 'await-marker', 'await-using', 'coroutine', 'for-await', 'fresh-generator', 'intrinsics', 'optional-method', 'spawn', 'spawn-global', 'to-property-key', 'yield-star'];
    expect(Object.keys(lowered.files).sort()).toEqual([...runtimeModules.map((module) => `@yieldfrom/runtime/${module}`), 'p-map']);
    expect(remainingAsync(lowered.files['p-map']!)).toEqual([]);
    expect(fs.readFileSync(lowered.files['p-map']!, 'utf8')).toMatch(/\bspawn\b/);
    // The pre-bundled, lowered p-map works (Node can load it: it is plain ESM with relative chunks).
    const optimizedPMap = (await import(pathToFileURL(lowered.files['p-map']!).href)) as typeof import('p-map');
    const order: number[] = [];
    const mapper = async (n: number) => {
      await new Promise((resolve) => setTimeout(resolve, n));
      order.push(n);
      return -n;
    };
    expect(await optimizedPMap.default([60, 10, 20], mapper, { concurrency: 2 })).toEqual([-60, -10, -20]);
    expect(order).toEqual([10, 20, 60]);
    // The served app imports the pre-bundled runtime module; no reload for a late-discovered dependency.
    expect(lowered.served).toMatch(/from "\/\.vite-lowerDependencies\/deps\/@yieldfrom_runtime_spawn\.js\?v=\w+"/);
    const plain = await optimize({});
    expect(remainingAsync(plain.files['p-map']!).length).toBeGreaterThan(3);
  });
});
