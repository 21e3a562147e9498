// Build-plugin overhead on a project where 90% of the files have no async code: the same `vite build`
// with and without yieldfrom(), interleaved round by round. Files without `async`/`await` must cost no
// parse, so the ratio should stay close to 1 (target: under 1.10).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function makeProject(fileCount) {
  const dir = fs.mkdtempSync(path.join(here, '.tmp-plugin-overhead-'));
  fs.mkdirSync(path.join(dir, 'src'));
  const imports = [];
  for (let i = 0; i < fileCount; i++) {
    const hasAsync = i % 10 === 0;
    const body = hasAsync
      ? `export async function load${i}(x) {\n  const a = await Promise.resolve(x);\n  return a + ${i};\n}\n`
      : `export function load${i}(x) {\n  const values = [x, ${i}].map((v) => v * 2);\n  return values.reduce((a, b) => a + b, 0);\n}\n`;
    // Bulk like a real module's (about 5 kB): documented helpers, objects, loops.
    const filler = Array.from(
      { length: 30 },
      (_, k) => `/**\n * Helper ${k} of module ${i}: scales and offsets a value.\n * @param {number} n\n */\nexport function helper${i}_${k}(n) {\n  const table = { scale: ${k}, offset: ${i} };\n  let total = 0;\n  for (let j = 0; j < n; j++) total += j * table.scale + table.offset;\n  return total;\n}`
    ).join('\n');
    fs.writeFileSync(path.join(dir, 'src', `m${i}.js`), `${body}${filler}\n`);
    imports.push(`import { load${i} } from './m${i}.js';`);
  }
  fs.writeFileSync(path.join(dir, 'src', 'main.js'), `${imports.join('\n')}\nexport const all = [${Array.from({ length: fileCount }, (_, i) => `load${i}`).join(', ')}];\n`);
  return dir;
}

export async function run({ rounds = 7, files = 300 } = {}) {
  const { build } = await import('vite');
  const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
  const dir = makeProject(files);
  const timeBuild = async (plugins) => {
    const started = performance.now();
    await build({
      root: dir,
      logLevel: 'silent',
      configFile: false,
      plugins,
      build: { outDir: path.join(dir, 'dist'), emptyOutDir: true, minify: false, lib: { entry: path.join(dir, 'src/main.js'), formats: ['es'] } },
    });
    return performance.now() - started;
  };
  try {
    await timeBuild([]); // warm-up: module loading, file cache
    await timeBuild([yieldfrom()]);
    const without = [];
    const withPlugin = [];
    const ratios = [];
    for (let round = 0; round < rounds; round++) {
      const a = await timeBuild([]);
      const b = await timeBuild([yieldfrom()]);
      without.push(a);
      withPlugin.push(b);
      ratios.push(b / a);
    }
    const ratio = median(ratios);
    return {
      ratio,
      markdown: [
        `### Build-plugin overhead (vite build, ${files} files, 10% with async code, ${rounds} interleaved rounds)`,
        '',
        '| build | time, ms: median (min–max) |',
        '| --- | ---: |',
        `| without yieldfrom | ${summary(without, 0)} |`,
        `| with yieldfrom() | ${summary(withPlugin, 0)} |`,
        `| ratio, same round | ${summary(ratios)} |`,
        '',
        `Target: under 1.10. ${ratio < 1.1 ? 'Met' : 'Not met'} in this run (median of per-round ratios ${ratio.toFixed(3)}).`,
      ].join('\n'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { markdown } = await run({ rounds: Number(process.env.ROUNDS ?? 7) });
  console.log(markdown);
  void os;
}
