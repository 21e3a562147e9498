// What tests/adapters/third-party.test.ts asks of Rollup, the original or a lowered copy (the first
// argument is its dist/es/rollup.js): bundles of the app in the second argument's folder through the
// yieldfrom plugin, as ES and CommonJS with source maps, generated and written. Printed as one JSON
// object: every chunk's and map's digest, and the warnings.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yieldfrom from '@yieldfrom/transformer/rollup';

const [, , rollupEntry, root, label] = process.argv;
const { rollup } = await import(rollupEntry);
const digest = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const result = {};
const warnings = [];
const bundle = await rollup({ input: path.join(root, 'src/main.js'), plugins: [yieldfrom()], onwarn: (warning) => warnings.push(warning.code), external: [/^@yieldfrom\//] });
for (const format of ['es', 'cjs']) {
  const { output } = await bundle.generate({ format, sourcemap: true });
  for (const item of output) result[`${format} ${item.fileName}`] = item.type === 'chunk' ? `${digest(item.code)} map ${digest(JSON.stringify(item.map))}` : digest(String(item.source));
}
const dir = path.join(root, `out-${label}`);
await bundle.write({ dir, format: 'es', sourcemap: true });
await bundle.close();
for (const file of fs.readdirSync(dir).sort()) result[`written ${file}`] = digest(fs.readFileSync(path.join(dir, file)));
result.warnings = warnings.join(',');
process.stdout.write(JSON.stringify(result));
