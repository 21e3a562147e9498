// Transform throughput over published packages with heavy async use, every tool on the same files,
// interleaved round by round, with and without source maps. Also output and map sizes, and cold start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lowerers } from './lowerers.mjs';
import { median, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** JavaScript files with async code from packages the repository already installs, up to `limit` bytes. */
export function corpus(limit = 5_000_000) {
  const roots = ['playwright-core/lib', 'vite/dist/node', 'webpack/lib', 'rollup/dist/es'].map((p) => path.join(path.dirname(require.resolve('playwright-core/package.json')), '..', p));
  const files = [];
  let bytes = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.m?js$/.test(entry.name) && bytes < limit) {
        const code = fs.readFileSync(full, 'utf8');
        if (!/\basync\b/.test(code) || code.length > 1_500_000) continue;
        files.push({ file: full, code });
        bytes += code.length;
      }
    }
  };
  roots.filter((r) => fs.existsSync(r)).forEach(walk);
  return files;
}

export async function run({ rounds = 5 } = {}) {
  const all = corpus();
  // Keep the files every tool lowers, so each tool does the same work.
  const files = all.filter(({ file, code }) => Object.values(lowerers).every((l) => {
    try {
      l.lower(code, { filename: file });
      return true;
    } catch {
      return false;
    }
  }));
  const bytes = files.reduce((sum, f) => sum + f.code.length, 0);
  const tools = Object.keys(lowerers);
  const results = {};
  const sizes = {};
  for (let round = 0; round < rounds; round++) {
    for (const sourceMaps of [false, true]) {
      for (const tool of tools) {
        let out = 0;
        let map = 0;
        const started = performance.now();
        for (const { file, code } of files) {
          const result = lowerers[tool].lower(code, { filename: file, sourceMaps });
          out += result.code.length;
          if (result.map) map += typeof result.map === 'string' ? result.map.length : JSON.stringify(result.map).length;
        }
        const seconds = (performance.now() - started) / 1000;
        (results[`${tool}/${sourceMaps}`] ??= []).push(bytes / 1e6 / seconds);
        sizes[`${tool}/${sourceMaps}`] = { out, map };
      }
    }
  }
  const lines = [
    `Corpus: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB of playwright-core, vite, webpack and rollup (files with async code that every tool accepts; ${all.length - files.length} left out).`,
    '',
    '| tool | MB/s, no maps | ratio to Babel | MB/s, with maps | ratio to Babel | output MB | map MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const tool of tools) {
    const ratio = (maps) => results[`${tool}/${maps}`].map((v, i) => v / results[`babel/${maps}`][i]);
    lines.push(
      `| ${tool} | ${summary(results[`${tool}/false`])} | ${summary(ratio(false))} | ${summary(results[`${tool}/true`])} | ${summary(ratio(true))} | ${(sizes[`${tool}/false`].out / 1e6).toFixed(2)} | ${(sizes[`${tool}/true`].map / 1e6).toFixed(2)} |`
    );
  }
  return { markdown: lines.join('\n'), results };
}

/** Cold start: a fresh process that loads the tool and lowers one 50 kB file. */
export async function coldStart({ rounds = 5 } = {}) {
  const sample = corpus().find((f) => f.code.length > 40_000 && f.code.length < 80_000) ?? corpus()[0];
  const dir = fs.mkdtempSync(path.join(here, '.tmp-cold-'));
  // Inside the repository, so the scripts resolve the tools from its node_modules.
  const input = path.join(dir, 'input.js');
  fs.writeFileSync(input, sample.code);
  // Each script loads only its own tool.
  const read = `fs.readFileSync(${JSON.stringify(input)}, 'utf8')`;
  const scripts = {
    yieldfrom: `import { transform } from '@yieldfrom/transformer';\ntransform(${read}, { filename: 'input.js' });`,
    babel: `import babel from '@babel/core';\nbabel.transformSync(${read}, { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-async-to-generator', '@babel/plugin-transform-async-generator-functions'] });`,
    typescript: `import ts from 'typescript';\nts.transpileModule(${read}, { compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.ESNext } });`,
    esbuild: `import * as esbuild from 'esbuild';\nesbuild.transformSync(${read}, { supported: { 'async-await': false, 'async-generator': false, 'for-await': false } });`,
    swc: `import { createRequire } from 'node:module';\nconst swc = createRequire(import.meta.url)('@swc/core');\nswc.transformSync(${read}, { env: { targets: { node: '22' }, include: ['transform-async-to-generator', 'transform-async-generator-functions'] } });`,
  };
  const script = (tool) => `import fs from 'node:fs';\n${scripts[tool]}\n`;
  const times = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const tool of Object.keys(lowerers)) {
        const file = path.join(dir, `${tool}.mjs`);
        fs.writeFileSync(file, script(tool));
        const started = performance.now();
        execFileSync(process.execPath, [file]);
        (times[tool] ??= []).push(performance.now() - started);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const lines = [`A fresh Node process importing one tool and lowering one ${(sample.code.length / 1000).toFixed(0)} kB file (process start included).`, '', '| tool | ms: median (min–max) |', '| --- | ---: |'];
  for (const tool of Object.keys(times)) lines.push(`| ${tool} | ${summary(times[tool], 0)} |`);
  return { markdown: lines.join('\n'), times };
}
