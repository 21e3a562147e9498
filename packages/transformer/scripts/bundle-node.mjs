// Bundles the compiled package (dist/, from tsc) for Node into dist-node/, the files Node loads through
// package.json's "node" conditions and the `yieldfrom` command. Node's ES module loader spends about
// half a millisecond on each module it resolves, links and evaluates: importing the package from its
// 38 compiled modules and their dependencies' took about 41 ms, bundled 25 ms (medians of 15 fresh
// processes), in every `vite build`, CLI run and cold start. Browsers and bundlers (the playground) keep dist/, which their own bundling flattens.
//
// Entry points share chunks (code splitting), so a class such as YieldfromError exists once however
// the package is entered. magic-string and the @jridgewell source-map modules (all MIT) go into the
// bundle too, six modules more; Babel's parser (CommonJS, loaded with `require`: babel-parser.node.ts),
// unplugin and @rollup/pluginutils (loaded only for the hosts and options that need them) stay imports.
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
  // The parser chosen per platform through package.json "imports", and the dependencies loaded lazily.
  external: ['#babel-parser', '@babel/*', 'unplugin', '@rollup/pluginutils'],
  // Chained through tsc's maps to src/, for stack traces with --enable-source-maps.
  sourcemap: 'linked',
  logLevel: 'warning',
});
