// Build-plugin overhead on a project where 90% of the files have no async code: the same `vite build`
// with and without yieldfrom(), interleaved round by round (the order alternating), in a project made
// under the system's temporary directory. Files without `async`/`await` cost no parse (Vite filters
// them natively; tests/adapters/vite.test.ts checks that they never reach the plugin), so what the
// plugin adds is loading the lowering and lowering the other 10%. Target: under 1.10.
//
// Two measures:
// - `vite build` processes, as a user runs them: the plugin's module loading and a cold JIT included;
// - builds in one warm process (a watch rebuild, a second build): the per-build cost alone.
//
//   node bench/plugin-overhead.mjs [--rounds 7] [--files 1000]
// or `run({ rounds, files })` from bench/run.mjs, which returns { ratio, markdown }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const viteBin = path.join(here, '..', 'node_modules', 'vite', 'bin', 'vite.js');

/** A Vite app of `fileCount` modules of about 5 kB each; every tenth has an async function. */
export function makeProject(fileCount) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldfrom-plugin-overhead-'));
  // Lowered files import @yieldfrom/runtime: resolve it (and Vite) as an installed project would.
  fs.symlinkSync(path.join(here, '..', 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  fs.mkdirSync(path.join(dir, 'src'));
  const imports = [];
  for (let i = 0; i < fileCount; i++) {
    const hasAsync = i % 10 === 0;
    const body = hasAsync
      ? `export async function load${i}(x) {\n  const a = await Promise.resolve(x);\n  return a + ${i};\n}\n`
      : `export function load${i}(x) {\n  const values = [x, ${i}].map((v) => v * 2);\n  return values.reduce((a, b) => a + b, 0);\n}\n`;
    // Bulk like a real module's: documented helpers, objects, loops.
    const filler = Array.from(
      { length: 30 },
      (_, k) => `/**\n * Helper ${k} of module ${i}: scales and offsets a value.\n * @param {number} n\n */\nexport function helper${i}_${k}(n) {\n  const table = { scale: ${k}, offset: ${i} };\n  let total = 0;\n  for (let j = 0; j < n; j++) total += j * table.scale + table.offset;\n  return total;\n}`
    ).join('\n');
    fs.writeFileSync(path.join(dir, 'src', `m${i}.js`), `${body}${filler}\n`);
    imports.push(`import { load${i} } from './m${i}.js';`);
  }
  fs.writeFileSync(path.join(dir, 'src', 'main.js'), `${imports.join('\n')}\nglobalThis.loaders = [${Array.from({ length: fileCount }, (_, i) => `load${i}`).join(', ')}];\n`);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<script type="module" src="/src/main.js"></script>\n');
  // The same build twice, Vite's defaults otherwise; only the plugin differs.
  fs.writeFileSync(path.join(dir, 'without.config.mjs'), 'export default { logLevel: "silent", plugins: [] };\n');
  fs.writeFileSync(path.join(dir, 'with.config.mjs'), 'import yieldfrom from "@yieldfrom/transformer/vite";\nexport default { logLevel: "silent", plugins: [yieldfrom()] };\n');
  return dir;
}

/** Runs `measure(withPlugin)` `rounds` times each way, interleaved, alternating which goes first. */
async function interleaved(rounds, measure) {
  const without = [];
  const withPlugin = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const pluginFirst = round % 2 === 1;
    const first = await measure(pluginFirst);
    const second = await measure(!pluginFirst);
    const [a, b] = pluginFirst ? [second, first] : [first, second];
    without.push(a);
    withPlugin.push(b);
    ratios.push(b / a);
  }
  return { without, withPlugin, ratios };
}

const table = (title, { without, withPlugin, ratios }) =>
  [
    `| ${title} | without yieldfrom, ms | with yieldfrom(), ms | ratio, same round |`,
    '| --- | ---: | ---: | ---: |',
    `| median (min–max) | ${summary(without, 0)} | ${summary(withPlugin, 0)} | ${summary(ratios)} |`,
  ].join('\n');

export async function run({ rounds = 7, files = 1000 } = {}) {
  const dir = makeProject(files);
  const processBuild = (withPlugin) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [viteBin, 'build', '--config', withPlugin ? 'with.config.mjs' : 'without.config.mjs'], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}`);
    return performance.now() - started;
  };
  const { build } = await import('vite');
  const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
  const warmBuild = async (withPlugin) => {
    const started = performance.now();
    await build({ root: dir, logLevel: 'silent', configFile: false, plugins: withPlugin ? [yieldfrom()] : [] });
    return performance.now() - started;
  };
  try {
    // Warm-up: the file cache, and (in this process) module loading and the JIT.
    for (const withPlugin of [false, true]) {
      processBuild(withPlugin);
      await warmBuild(withPlugin);
    }
    const processes = await interleaved(rounds, processBuild);
    const warm = await interleaved(rounds, warmBuild);
    const ratio = median(processes.ratios);
    const warmRatio = median(warm.ratios);
    const verdict = (r) => `${r < 1.1 ? 'met' : 'not met'} (${r.toFixed(2)})`;
    return {
      ratio,
      markdown: [
        `### Build-plugin overhead (vite build, ${files} files of 5 kB, 10% with async code, ${rounds} interleaved rounds)`,
        '',
        table('`vite build` process', processes),
        '',
        table('build in a warm process', warm),
        '',
        `Target: under 1.10. As a user runs \`vite build\`: ${verdict(ratio)}; in a warm process: ${verdict(warmRatio)}.`,
        'Files without async never reach the plugin (Vite applies its hook filter natively); the difference is',
        'loading the lowering (mostly Babel\'s parser) and a cold JIT in each new process, then lowering the files',
        'with async, of which Babel\'s parser reads only the top-level statements with async syntax',
        '(`parseOnlyAsyncStatements`), where Vite parses every file natively.',
      ].join('\n'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const { markdown } = await run({ rounds: argument('rounds', 7), files: argument('files', 1000) });
  console.log(markdown);
}
