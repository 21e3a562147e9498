// Runtime overhead: each workload (bench/workloads/<name>.js, written with native async syntax) runs
// natively and lowered by every tool, each run in a fresh Node process, rounds interleaved with the
// variant order rotating. In each process the workload runs twice: first under a microtask ticker, so
// its result carries the tick count at which it finished, then timed, without the ticker. A variant
// whose results differ from native's in any run (value or tick count) is wrong, not fast. Figures are
// medians of per-round ratios to native.
//
// A workload sets `globalThis.workload = async () => string` and may call `tick()` (the ticker's
// count; 0 in the timed run) to make timing part of its result.
//
// Without --quick, and where valgrind is installed, the instructions one process of each workload
// executes natively and lowered by yieldfrom are counted too (callgrind, `node --predictable`, Node's
// own start-up subtracted): a second measure, repeatable where the timings are not.
//   node bench/runtime.mjs [--quick] [--only recursion,nested-arrows]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import { countInstructions } from './instructions.mjs';
import { loadLowerers, toolNames } from './lowerers.mjs';
import { geometricMean, median, rotate, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const workloadDir = path.join(here, 'workloads');

// Appended to every variant, never lowered.
export const harness = `
;(function harness() {
  let ticks = 0;
  let ticking = true;
  globalThis.tick = () => ticks;
  const ticker = () => { if (ticking) { ticks++; Promise.resolve().then(ticker); } };
  const report = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
  Promise.resolve().then(ticker);
  globalThis.workload().then((checked) => {
    ticking = false;
    ticks = 0;
    const started = performance.now();
    return globalThis.workload().then((timed) => report({ checked, timed, ms: performance.now() - started }));
  }).catch((error) => report({ error: String((error && error.stack) || error) }));
})();
`;

/** Whether the program still has an async function, an `await` or a `for await`. */
export function hasAsyncSyntax(code) {
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return false;
    if (node.async || node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) return true;
    return Object.values(node).some((value) => (Array.isArray(value) ? value.some(visit) : value && typeof value === 'object' && visit(value)));
  };
  return visit(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
}

export function workloadNames() {
  return fs.readdirSync(workloadDir).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
}

/** Writes each workload's variants (native and one per tool that lowers it), to run with runVariant(). */
export async function writeVariants(workloads, dir, variants = ['native', ...toolNames]) {
  const lowerers = await loadLowerers();
  const files = {};
  const problems = {};
  for (const workload of workloads) {
    const source = fs.readFileSync(path.join(workloadDir, `${workload}.js`), 'utf8');
    for (const variant of variants) {
      let code = source;
      if (variant !== 'native') {
        try {
          code = lowerers[variant](source, { filename: `${workload}.js`, sourceType: 'script' }).code;
        } catch (error) {
          const first = String(error.message).split('\n')[0];
          problems[`${workload} ${variant}`] = /YF1004|not lowered yet/.test(`${error.code ?? ''} ${first}`) ? 'not supported yet' : `refused: ${first}`;
          continue;
        }
        // A lowering that leaves async syntax behind would be timed as native code.
        if (hasAsyncSyntax(code)) problems[`${workload} ${variant}`] = 'left async syntax';
      }
      const file = path.join(dir, `${workload}.${variant}.cjs`);
      fs.writeFileSync(file, code + harness);
      files[`${workload} ${variant}`] = file;
    }
  }
  return { files, problems };
}

export function runVariant(file) {
  try {
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (error) {
    return { error: String(error.stderr || error.message).split('\n').find((l) => /Error|error/.test(l)) ?? 'crashed' };
  }
}

export async function run({ quick = false, rounds = quick ? 2 : 5, only, log = () => {} } = {}) {
  const workloads = only ?? workloadNames();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldfrom-bench-runtime-'));
  const variants = ['native', ...toolNames];
  const ratios = {};
  const nativeMs = {};
  const outputs = {}; // `${workload} ${variant}` -> every result seen
  let problems;
  let instructions = null;
  try {
    const written = await writeVariants(workloads, dir);
    problems = written.problems;
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads) {
        const ms = {};
        for (const variant of rotate(variants, round)) {
          const file = written.files[`${workload} ${variant}`];
          if (!file) continue;
          const result = runVariant(file);
          if (result.error) {
            problems[`${workload} ${variant}`] ??= `fails: ${result.error.slice(0, 120)}`;
            continue;
          }
          ms[variant] = result.ms;
          (outputs[`${workload} ${variant}`] ??= new Set()).add(`${result.checked} | ${result.timed}`);
        }
        log(`  round ${round + 1}/${rounds} ${workload}: ${variants.filter((v) => ms[v]).map((v) => `${v} ${ms[v].toFixed(0)} ms`).join(', ')}`);
        if (!ms.native) continue;
        (nativeMs[workload] ??= []).push(ms.native);
        for (const tool of toolNames) if (ms[tool]) (ratios[`${workload} ${tool}`] ??= []).push(ms[tool] / ms.native);
      }
    }
    if (!quick) instructions = countWorkloadInstructions(workloads, written.files, log);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const nativeOutput = (workload) => [...(outputs[`${workload} native`] ?? [])];
  /** 'exact' or why the variant's figure does not count. */
  const verdict = (workload, tool) => {
    const key = `${workload} ${tool}`;
    if (problems[key]) return problems[key];
    const seen = [...(outputs[key] ?? [])];
    const expected = nativeOutput(workload);
    if (expected.length !== 1) return 'native output not deterministic';
    const wrong = seen.find((o) => o !== expected[0]);
    return wrong === undefined ? 'exact' : `wrong output: \`${wrong.slice(0, 60)}\`, native \`${expected[0].slice(0, 60)}\``;
  };
  const cell = (workload, tool) => {
    const why = verdict(workload, tool);
    if (why === 'exact') return `${summary(ratios[`${workload} ${tool}`])}×`;
    if (why.startsWith('wrong')) return `wrong (${median(ratios[`${workload} ${tool}`] ?? [NaN]).toFixed(2)}×)`;
    return why.split(':')[0];
  };
  const lines = [
    `| workload | native, ms | ${toolNames.join(' | ')} |`,
    `| --- | ---: | ${toolNames.map(() => '---:').join(' | ')} |`,
    ...workloads.map((w) => `| ${w} | ${nativeMs[w] ? summary(nativeMs[w], 0) : '–'} | ${toolNames.map((t) => cell(w, t)).join(' | ')} |`),
  ];
  const geomeans = {};
  for (const tool of toolNames) {
    const exact = workloads.filter((w) => verdict(w, tool) === 'exact');
    const timed = workloads.filter((w) => ratios[`${w} ${tool}`]);
    geomeans[tool] = {
      exact: exact.length ? geometricMean(exact.map((w) => median(ratios[`${w} ${tool}`]))) : NaN,
      exactCount: exact.length,
      all: timed.length ? geometricMean(timed.map((w) => median(ratios[`${w} ${tool}`]))) : NaN,
      timedCount: timed.length,
    };
  }
  lines.push(`| **geometric mean, exact workloads** | | ${toolNames.map((t) => `**${geomeans[t].exact.toFixed(2)}×** (${geomeans[t].exactCount}/${workloads.length})`).join(' | ')} |`);
  lines.push(`| geometric mean, every workload it ran, exact or not | | ${toolNames.map((t) => `${geomeans[t].all.toFixed(2)}× (${geomeans[t].timedCount}/${workloads.length})`).join(' | ')} |`);

  const notes = [];
  for (const w of workloads) {
    for (const t of toolNames) {
      const why = verdict(w, t);
      if (why !== 'exact') notes.push(`- ${w}, ${t}: ${why}`);
    }
  }
  const yf = geomeans.yieldfrom;
  const worst = workloads.filter((w) => ratios[`${w} yieldfrom`]).map((w) => [w, median(ratios[`${w} yieldfrom`])]).sort((a, b) => b[1] - a[1])[0];
  const allExact = workloads.every((w) => verdict(w, 'yieldfrom') === 'exact');
  return {
    markdown: [
      ...lines,
      '',
      ...(instructions ? [instructionTable(workloads, instructions), ''] : []),
      notes.length ? `Not counted (wrong output, refused or failed):\n${notes.join('\n')}` : 'Every variant gave native\'s results, tick counts included.',
      '',
      `Target: geometric mean at most 1.3× native, no workload above 3×, output identical to native on every one. This run: ${yf.exact.toFixed(2)}× over ${yf.exactCount}/${workloads.length} workloads, worst ${worst ? `${worst[0]} ${worst[1].toFixed(2)}×` : '–'}, ${allExact ? 'exact on every workload' : 'not exact on every workload'}: ${yf.exact <= 1.3 && worst && worst[1] <= 3 && allExact ? 'met' : 'not met'}.`,
    ].join('\n'),
    geomeans,
    ratios,
    problems,
  };
}

/** Instructions of one process per workload, native and yieldfrom, Node's start-up subtracted; null without valgrind. */
function countWorkloadInstructions(workloads, files, log) {
  const count = (file) => countInstructions([process.execPath, '--predictable', ...(file ? [file] : ['-e', ''])]);
  const startup = count(null);
  if (startup === null) return null;
  const counts = {};
  for (const workload of workloads) {
    const native = files[`${workload} native`];
    const lowered = files[`${workload} yieldfrom`];
    if (!native || !lowered) continue;
    counts[workload] = { native: count(native) - startup, yieldfrom: count(lowered) - startup };
    log(`  instructions ${workload}: native ${Math.round(counts[workload].native / 1e6)} M, yieldfrom ${Math.round(counts[workload].yieldfrom / 1e6)} M`);
  }
  return counts;
}

function instructionTable(workloads, counts) {
  const measured = workloads.filter((w) => counts[w]);
  const ratio = (w) => counts[w].yieldfrom / counts[w].native;
  return [
    'Instructions executed by one process of each workload (callgrind, `node --predictable`, Node\'s own start-up subtracted): a second measure, repeatable to about 0.5% where the timings above vary by tens of percent.',
    '',
    '| workload | native, M | yieldfrom, M | × native |',
    '| --- | ---: | ---: | ---: |',
    ...measured.map((w) => `| ${w} | ${Math.round(counts[w].native / 1e6)} | ${Math.round(counts[w].yieldfrom / 1e6)} | ${ratio(w).toFixed(2)} |`),
    `| **geometric mean** | | | **${geometricMean(measured.map(ratio)).toFixed(2)}** |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--only');
  const only = index > 0 ? process.argv[index + 1].split(',') : undefined;
  console.log((await run({ quick: process.argv.includes('--quick'), only, log: (line) => process.stderr.write(`${line}\n`) })).markdown);
}
