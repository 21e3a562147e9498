// Build-plugin overhead on a project where 90% of the files have no async code: the same `vite build`
// without a plugin, with a no-op plugin and with yieldfrom(), interleaved round by round (the order
// rotating), in a project made under the system's temporary directory. Files without `async`/`await`
// cost no parse (Vite filters them natively; tests/adapters/vite.test.ts checks that they never reach
// the plugin), so what the plugin adds is loading the lowering and lowering the other 10%.
// Target: under 1.10.
//
// The no-op plugin has yieldfrom's hook filter and returns null: what the host itself spends handing
// those files to any JavaScript transform hook, the floor under any plugin of this kind.
//
// Three measures:
// - `vite build` processes, as a user runs them: the plugin's module loading and a cold JIT included;
// - builds in one warm process (a watch rebuild, a second build): the per-build cost alone;
// - the instructions one `vite build` process executes, on every thread, counted by valgrind's
//   callgrind (when valgrind is installed; not with --quick): the same work as the first measure,
//   repeatable to a few parts in ten thousand where this machine's timings vary by tens of percent.
//
// Rounds: 21 by default (3 with --quick): with 7, the median of the per-round ratios moved by ±0.15
// from one run to the next on this shared machine.
//
//   node bench/plugin-overhead.mjs [--rounds 21] [--files 1000]
// or `run({ rounds, files })` from bench/run.mjs, which returns { ratio, markdown }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countInstructions } from './instructions.mjs';
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
  // The same build three ways, Vite's defaults otherwise; only the plugins differ.
  for (const variant of variants) {
    fs.writeFileSync(path.join(dir, `${variant}.config.mjs`), `${pluginSources[variant]}\nexport default { logLevel: "silent", plugins };\n`);
  }
  return dir;
}

const variants = ['without', 'noop', 'yieldfrom'];
const variantLabels = { without: 'without a plugin', noop: "a no-op plugin with yieldfrom's hook filter", yieldfrom: 'with yieldfrom()' };

/** Each variant's plugins, as config-file source that sets `plugins`. */
const pluginSources = {
  without: 'const plugins = [];',
  noop: 'import yieldfrom from "@yieldfrom/transformer/vite";\nconst { filter } = yieldfrom().transform;\nconst plugins = [{ name: "noop", enforce: "pre", transform: { filter, handler: () => null } }];',
  yieldfrom: 'import yieldfrom from "@yieldfrom/transformer/vite";\nconst plugins = [yieldfrom()];',
};

/** Runs `measure(variant)` `rounds` times for each variant, interleaved, the order rotating. */
async function interleaved(rounds, measure) {
  const ms = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length];
      ms[variant].push(await measure(variant));
    }
  }
  const ratios = (variant) => ms[variant].map((m, round) => m / ms.without[round]);
  return { ms, noopRatios: ratios('noop'), ratios: ratios('yieldfrom') };
}

const table = (title, { ms, noopRatios, ratios }) =>
  [
    `| ${title} | ms: median (min–max) | × without, same round |`,
    '| --- | ---: | ---: |',
    `| ${variantLabels.without} | ${summary(ms.without, 0)} | 1 |`,
    `| ${variantLabels.noop} | ${summary(ms.noop, 0)} | ${summary(noopRatios)} |`,
    `| ${variantLabels.yieldfrom} | ${summary(ms.yieldfrom, 0)} | ${summary(ratios)} |`,
  ].join('\n');

/** Instructions executed by one `vite build` process of each variant, or null without valgrind. */
function instructionCounts(dir) {
  const counts = {};
  for (const variant of variants) {
    const count = countInstructions([process.execPath, viteBin, 'build', '--config', `${variant}.config.mjs`], { cwd: dir });
    if (count === null) return null;
    counts[variant] = count;
  }
  return counts;
}

const instructionTable = (counts) =>
  [
    '| one `vite build` process | instructions, millions | × without |',
    '| --- | ---: | ---: |',
    ...variants.map((variant) => `| ${variantLabels[variant]} | ${Math.round(counts[variant] / 1e6)} | ${(counts[variant] / counts.without).toFixed(3)} |`),
  ].join('\n');

export async function run({ quick = false, rounds = quick ? 3 : 21, files = 1000 } = {}) {
  const dir = makeProject(files);
  const processBuild = (variant) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [viteBin, 'build', '--config', `${variant}.config.mjs`], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}`);
    return performance.now() - started;
  };
  const { build } = await import('vite');
  const { default: yieldfrom } = await import('@yieldfrom/transformer/vite');
  const { filter } = yieldfrom().transform;
  const warmPlugins = {
    without: () => [],
    noop: () => [{ name: 'noop', enforce: 'pre', transform: { filter, handler: () => null } }],
    yieldfrom: () => [yieldfrom()],
  };
  const warmBuild = async (variant) => {
    const started = performance.now();
    await build({ root: dir, logLevel: 'silent', configFile: false, plugins: warmPlugins[variant]() });
    return performance.now() - started;
  };
  try {
    // Warm-up: the file cache, and (in this process) module loading and the JIT.
    for (const variant of variants) {
      processBuild(variant);
      await warmBuild(variant);
    }
    const processes = await interleaved(rounds, processBuild);
    const warm = await interleaved(rounds, warmBuild);
    const ratio = median(processes.ratios);
    const warmRatio = median(warm.ratios);
    const instructions = quick ? null : instructionCounts(dir);
    // Instruction counts repeat to a few parts in ten thousand: three decimals, so 1.095 does not read as 1.10.
    const verdict = (r, digits = 2) => `${r < 1.1 ? 'met' : 'not met'} (${r.toFixed(digits)})`;
    const floor = (measured) => `${median(measured.noopRatios).toFixed(2)}`;
    return {
      ratio,
      markdown: [
        `### Build-plugin overhead (vite build, ${files} files of 5 kB, 10% with async code, ${rounds} interleaved rounds)`,
        '',
        table('`vite build` process', processes),
        '',
        table('build in a warm process', warm),
        '',
        ...(instructions ? [instructionTable(instructions), ''] : []),
        `Target: under 1.10. As a user runs \`vite build\`: ${verdict(ratio)}; in a warm process: ${verdict(warmRatio)}` +
          (instructions ? `; in instructions executed by a \`vite build\` process: ${verdict(instructions.yieldfrom / instructions.without, 3)}.` : '.'),
        `A plugin that does nothing with the same files measures ${floor(processes)}× and ${floor(warm)}×` +
          (instructions ? ` (${(instructions.noop / instructions.without).toFixed(3)}× in instructions)` : '') +
          ' (loading its module, and the host handing',
        'each matching file to a JavaScript hook). Files without async never reach either plugin (Vite applies the',
        'hook filter natively); above that floor, yieldfrom adds loading the lowering (mostly Babel\'s parser) and',
        'a cold JIT in each new process, then lowering the files with async, of which Babel\'s parser reads only',
        'the top-level statements with async syntax (`parseOnlyAsyncStatements`).',
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
  const { markdown } = await run({ rounds: argument('rounds', 21), files: argument('files', 1000) });
  console.log(markdown);
}
