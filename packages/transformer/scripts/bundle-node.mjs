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
await esbuild.build({
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
      name: 'babel-parser-bundled',
      setup(build) {
        build.onResolve({ filter: /^#babel-parser$/ }, () => ({ path: path.join(root, 'dist', 'babel-parser.js') }));
      },
    },
  ],
  minifyWhitespace: true,
  // Chained through tsc's maps to src/, for stack traces with --enable-source-maps.
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Minified, a `\n` escape in a template literal becomes a line break: a line of a bundle opening with a
// source-map comment, other than the bundle's own last one, would be taken for the bundle's map by the
// tools that load it (Vite printed "Failed to load source map" for each test run).
for (const file of fs.readdirSync(outdir).filter((name) => name.endsWith('.js'))) {
  const lines = fs.readFileSync(path.join(outdir, file), 'utf8').trimEnd().split('\n');
  const early = lines.slice(0, -1).findIndex((line) => /^\s*\/\/[#@]\s*sourceMappingURL=/.test(line));
  if (early >= 0) throw new Error(`dist-node/${file}:${early + 1} opens with a source-map comment that is not the bundle's own`);
}
