// What tests/adapters/third-party.test.ts asks of webpack or rspack (the first argument), the original
// or a lowered copy (the second: its entry module): a production bundle of the app in the third
// argument's folder through the yieldfrom plugin, with a source map and real content hashes, built
// twice with a filesystem cache: the first build writes it, the second is served from it. Printed as
// one JSON object: each build's output files' digests, and the compilations' warnings and errors.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , host, entry, root, label] = process.argv;
const loaded = await import(pathToFileURL(entry).href);
// rspack takes webpack's configuration and callback.
const webpack = host === 'rspack' ? loaded.rspack : loaded.default;
const { default: yieldfrom } = await import(host === 'rspack' ? '@yieldfrom/transformer/rspack' : '@yieldfrom/transformer/webpack');

function build(round) {
  const outDir = path.join(root, `out-${label}-${round}`);
  const compiler = webpack({
    mode: 'production',
    target: 'node',
    context: root,
    entry: './src/main.js',
    devtool: 'source-map',
    output: { path: outDir, filename: 'main.[contenthash].cjs', devtoolModuleFilenameTemplate: 'webpack://app/[resource-path]' },
    optimization: { minimize: false },
    cache:
      host === 'rspack'
        ? { type: 'persistent', storage: { type: 'filesystem', directory: path.join(root, `.cache-${label}`) } }
        : { type: 'filesystem', cacheDirectory: path.join(root, `.cache-${label}`) },
    plugins: [yieldfrom()],
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error) return reject(error);
      compiler.close((closeError) => {
        if (closeError) return reject(closeError);
        const result = {};
        for (const file of fs.readdirSync(outDir).sort()) result[`${round} ${file}`] = createHash('sha256').update(fs.readFileSync(path.join(outDir, file))).digest('hex').slice(0, 16);
        const info = stats.toJson({ all: false, warnings: true, errors: true });
        result[`${round} warnings`] = info.warnings.map((w) => w.message).join(' | ');
        result[`${round} errors`] = info.errors.map((e) => e.message).join(' | ');
        resolve(result);
      });
    })
  );
}

const first = await build('cold');
const second = await build('cached');
const cacheFiles = fs.readdirSync(path.join(root, `.cache-${label}`), { recursive: true }).length;
process.stdout.write(JSON.stringify({ ...first, ...second, cache: cacheFiles > 0 ? 'written' : 'missing' }));
