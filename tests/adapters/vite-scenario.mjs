// What tests/adapters/third-party.test.ts asks of Vite, the original or a lowered copy (the first
// argument is its dist/node/index.js): a production build of the app in the second argument's folder
// and its dev server, both through the yieldfrom plugin. Printed as one JSON object: every output
// file's digest, what the dev server answers for each module, and the code it transforms main.js to.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yieldfrom from '@yieldfrom/transformer/vite';

const [, , viteEntry, root, label] = process.argv;
const vite = await import(viteEntry);
const result = {};
const common = { root, configFile: false, logLevel: 'silent', cacheDir: path.join(root, `.vite-${label}`), plugins: [yieldfrom()] };

const outDir = path.join(root, `dist-${label}`);
await vite.build({ ...common, build: { outDir, minify: false, sourcemap: true } });
for (const file of fs.readdirSync(outDir, { recursive: true }).map(String).sort()) {
  if (fs.statSync(path.join(outDir, file)).isDirectory()) continue;
  const text = fs.readFileSync(path.join(outDir, file));
  result[`build ${file}`] = createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const server = await vite.createServer({ ...common, server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}`;
for (const url of ['/index.html', '/src/main.js', '/src/util.js', '/src/counter.js']) {
  const response = await fetch(base + url);
  // Each run has a cache folder of its own, named in the paths the dev server serves.
  const text = (await response.text()).replaceAll(`.vite-${label}`, '.vite');
  result[`dev ${url}`] = `${response.status} ${text.length} bytes, ${(text.match(/function\*/g) ?? []).length} generators`;
}
// The dependency optimizer's version hashes differ from run to run.
result['transformRequest /src/main.js'] = (await server.transformRequest('/src/main.js')).code.replace(/\?v=\w+/g, '').replaceAll(`.vite-${label}`, '.vite');
await server.close();
process.stdout.write(JSON.stringify(result));
