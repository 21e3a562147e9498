// Bundles the compiled package (dist/, from tsc) for Node into dist-node/, the files Node loads through
// package.json's "node" conditions and the `yieldfrom` command. Node's ES module loader spends about
// half a millisecond on each module it resolves, links and evaluates: importing the package from its
// 38 compiled modules and their dependencies' took about 41 ms, bundled 25 ms (medians of 15 fresh
// processes), in every `vite build`, CLI run and cold start. Browsers and bundlers (the playground) keep dist/, which their own bundling flattens.
//
// Entry points share chunks (code splitting), so a class such as YieldfromError exists once however
// the package is entered. Babel's parser, magic-string and the @jridgewell source-map modules (all MIT)
// go into the bundle too, and the bundle is minified for white space (names kept, for stack traces):
// Node reads about 540 kB instead of 690 kB before the first file is lowered, which cut a `vite build`
// with the plugin by about 15 million instructions of its 6,400 (bench/plugin-overhead.mjs). unplugin
// and @rollup/pluginutils (loaded only for the hosts and options that need them) stay imports.
// The lowering itself, which every one of them reaches, is one CommonJS file, lowering-core.cjs, that
// src/lowering-core.node.ts compiles with V8's code cache (see there why).
// dist-node/ sits beside dist/ at the same depth, so `new URL('../package.json', import.meta.url)`
// still finds the package's own files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['index', 'vite', 'rollup', 'webpack', 'esbuild', 'rspack', 'babel', 'cli', 'cli-worker'];
const outdir = path.join(root, 'dist-node');

fs.rmSync(outdir, { recursive: true, force: true });

// The lowering itself (transform() with Babel's parser, magic-string and the source-map modules) goes
// into one CommonJS file, lowering-core.cjs, which lowering-core.node.ts loads with V8's code cache;
// the entries import these modules from lowering-core.node.ts instead.
const coreModules = ['transform.js', 'analyze/async-syntax.js', 'source-map.js'].map((file) => path.join(root, 'dist', file));
const coreLoader = path.join(root, 'dist', 'lowering-core.node.js');
const babelParserBundled = (build) => build.onResolve({ filter: /^#babel-parser$/ }, () => ({ path: path.join(root, 'dist', 'babel-parser.js') }));

const entryBuild = await esbuild.build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(entries.map((name) => [name, `dist/${name}.js`])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The dependencies loaded lazily; Babel's parser as an ES module import (babel-parser.ts), which
  // esbuild bundles, rather than the `require` of babel-parser.node.ts that dist/ uses in Node.
  external: ['@babel/types', 'unplugin', '@rollup/pluginutils'],
  plugins: [
    {
      name: 'lowering-core-loaded-with-code-cache',
      setup(build) {
        babelParserBundled(build);
        build.onResolve({ filter: /^\.\.?\// }, ({ path: specifier, resolveDir, importer }) => {
          const resolved = path.join(resolveDir, specifier);
          return coreModules.includes(resolved) && importer !== coreLoader ? { path: coreLoader } : undefined;
        });
      },
    },
  ],
  minifyWhitespace: true,
  // Lines of about 120 characters: Node prints the line an uncaught error was thrown from.
  lineLimit: 120,
  // Chained through tsc's maps to src/, for stack traces with --enable-source-maps.
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// Every module of dist/ the entries hold: the core must take these from them, not carry a copy.
const entryModules = new Set(Object.keys(entryBuild.metafile.inputs).filter((input) => input.startsWith('dist/')).map((input) => path.join(root, input)));
const sharedIds = new Set();
const coreBuild = await esbuild.build({
  absWorkingDir: root,
  stdin: {
    contents: coreModules.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'),
    resolveDir: root,
    sourcefile: 'lowering-core-entry.js',
  },
  outfile: path.join(outdir, 'lowering-core.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['@babel/types'],
  plugins: [
    {
      name: 'shared-with-the-entries',
      setup(build) {
        babelParserBundled(build);
        build.onResolve({ filter: /^\.\.?\// }, ({ path: specifier, resolveDir }) => {
          const resolved = path.join(resolveDir, specifier);
          if (!entryModules.has(resolved)) return undefined;
          const id = `yieldfrom:${path.relative(path.join(root, 'dist'), resolved).replace(/\.js$/, '')}`;
          sharedIds.add(id);
          return { path: id, external: true };
        });
      },
    },
  ],
  // A factory of the modules it shares with the entries (lowering-core.node.ts hands them over),
  // strict like the modules it was bundled from, in parentheses so that V8 compiles it at once
  // rather than pre-parsing all of it first and parsing it again when it is called (without a
  // cache, loading took about 10 ms longer).
  banner: { js: 'module.exports = (function (require) { "use strict"; var module = { exports: {} }, exports = module.exports;' },
  footer: { js: 'return module.exports; });' },
  minifyWhitespace: true,
  // Lines of about 120 characters: Node prints the line an uncaught error was thrown from.
  lineLimit: 120,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const loaderSource = fs.readFileSync(path.join(root, 'src', 'lowering-core.node.ts'), 'utf8');
for (const id of sharedIds) {
  if (!loaderSource.includes(`'${id}'`)) throw new Error(`lowering-core.cjs needs ${id}, which src/lowering-core.node.ts does not hand over`);
}
for (const input of Object.keys(coreBuild.metafile.inputs).filter((input) => input.startsWith('dist/'))) {
  if (entryModules.has(path.join(root, input))) throw new Error(`${input} is bundled both into the entries and into lowering-core.cjs`);
}

// Minified, a `\n` escape in a template literal becomes a line break: a line of a bundle opening with a
// source-map comment, other than the bundle's own last one, would be taken for the bundle's map by the
// tools that load it (Vite printed "Failed to load source map" for each test run).
for (const file of fs.readdirSync(outdir).filter((name) => /\.c?js$/.test(name))) {
  const lines = fs.readFileSync(path.join(outdir, file), 'utf8').trimEnd().split('\n');
  const early = lines.slice(0, -1).findIndex((line) => /^\s*\/\/[#@]\s*sourceMappingURL=/.test(line));
  if (early >= 0) throw new Error(`dist-node/${file}:${early + 1} opens with a source-map comment that is not the bundle's own`);
}
