// Measured alternatives to today's output shapes: each bench/shapes/<workload>.<proposal>.js is the
// workload bench/workloads/<workload>.js lowered by hand into a shape the transformer does not emit
// (yet), calling the runtime's helpers by the names the transformer gives them. It runs against native
// and against the transformer's current output, in fresh processes, interleaved, checked for the
// same results and tick counts as native (the harness of bench/runtime.mjs).
//   node bench/shapes.mjs [--quick]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { harness, runVariant, writeVariants } from './runtime.mjs';
import { rotate, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shapesDir = path.join(here, 'shapes');

// Runtime changes measured on a workload's current output (its inline runtime edited): each replaces
// exact text of the inline copy, and is reported as no longer applying when the runtime moved on.
const runtimePatches = [
  {
    proposal: 'continuations-on-first-suspension',
    why: 'a coroutine creates its two continuations when it first suspends, not when it starts (half of fib\'s calls never suspend)',
    workloads: ['recursion', 'this-arguments-super', 'promise-all'],
    edits: [
      ['this.onFulfilled = (value) => step(this, 0, value); this.onRejected = (reason) => step(this, 1, reason);', 'this.onFulfilled = null; this.onRejected = null;'],
      [
        'try { coroutine.subscribe(result.value, coroutine.onFulfilled, coroutine.onRejected); }',
        'if (coroutine.onFulfilled === null) { coroutine.onFulfilled = (value) => step(coroutine, 0, value); coroutine.onRejected = (reason) => step(coroutine, 1, reason); } try { coroutine.subscribe(result.value, coroutine.onFulfilled, coroutine.onRejected); }',
      ],
    ],
  },
];

function applyPatch(code, edits) {
  for (const [from, to] of edits) {
    if (!code.includes(from)) return null;
    code = code.replace(from, to);
  }
  return code;
}

export async function run({ quick = false, rounds = quick ? 2 : 5, log = () => {} } = {}) {
  const { inlineRuntime } = await import(pathToFileURL(path.join(here, '..', 'packages', 'transformer', 'dist', 'helpers.js')).href);
  const proposals = fs.readdirSync(shapesDir).filter((f) => f.endsWith('.js')).sort().map((f) => {
    const [workload, proposal] = f.slice(0, -3).split('.');
    return { workload, proposal, file: path.join(shapesDir, f) };
  });
  const workloads = [...new Set([...proposals.map((p) => p.workload), ...runtimePatches.flatMap((p) => p.workloads)])];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldfrom-bench-shapes-'));
  const lines = ['| workload | variant | × native | × current output | same results as native |', '| --- | --- | ---: | ---: | --- |'];
  try {
    const { files } = await writeVariants(workloads, dir, ['native', 'yieldfrom']);
    for (const p of proposals) {
      const source = fs.readFileSync(p.file, 'utf8');
      const used = ['spawn', 'currentCaptures', 'asyncGenerator', 'awaitMarker', 'forAwait', 'yieldStar'].filter((h) => new RegExp(`\\b_${h}\\b`).test(source));
      const prelude = `var { ${used.map((h) => `${h}: _${h}`).join(', ')} } = ${inlineRuntime(used)};\n`;
      files[`${p.workload} ${p.proposal}`] = path.join(dir, `${p.workload}.${p.proposal}.cjs`);
      fs.writeFileSync(files[`${p.workload} ${p.proposal}`], prelude + source + harness);
    }
    const stale = [];
    for (const patch of runtimePatches) {
      for (const workload of patch.workloads) {
        const patched = applyPatch(fs.readFileSync(files[`${workload} yieldfrom`], 'utf8'), patch.edits);
        if (patched === null) {
          stale.push(patch.proposal);
          continue;
        }
        proposals.push({ workload, proposal: patch.proposal, runtime: true });
        files[`${workload} ${patch.proposal}`] = path.join(dir, `${workload}.${patch.proposal}.cjs`);
        fs.writeFileSync(files[`${workload} ${patch.proposal}`], patched);
      }
    }
    for (const why of new Set(stale)) lines.unshift(`Runtime proposal \`${why}\` no longer applies to the runtime as built: not measured.`, '');
    for (const workload of workloads) {
      const variants = ['native', 'yieldfrom', ...proposals.filter((p) => p.workload === workload).map((p) => p.proposal)];
      const ratios = {};
      const outputs = {};
      for (let round = 0; round < rounds; round++) {
        const ms = {};
        for (const variant of rotate(variants, round)) {
          const result = runVariant(files[`${workload} ${variant}`]);
          if (result.error) throw new Error(`shapes: ${workload} ${variant} failed: ${result.error}`);
          ms[variant] = result.ms;
          (outputs[variant] ??= new Set()).add(`${result.checked} | ${result.timed}`);
        }
        log(`  round ${round + 1}/${rounds} ${workload}: ${variants.map((v) => `${v} ${ms[v].toFixed(0)} ms`).join(', ')}`);
        for (const variant of variants) {
          (ratios[variant] ??= { native: [], current: [] }).native.push(ms[variant] / ms.native);
          ratios[variant].current.push(ms[variant] / ms.yieldfrom);
        }
      }
      const expected = [...outputs.native][0];
      for (const variant of variants.slice(1)) {
        const same = [...outputs[variant]].every((o) => o === expected);
        const runtimePatch = runtimePatches.find((p) => p.proposal === variant);
        const label = variant === 'yieldfrom' ? 'current output' : runtimePatch ? `current output, runtime: ${runtimePatch.why}` : `\`shapes/${workload}.${variant}.js\``;
        lines.push(`| ${workload} | ${label} | ${summary(ratios[variant].native)}× | ${variant === 'yieldfrom' ? '1' : `${summary(ratios[variant].current)}×`} | ${same ? 'yes' : `**no**: ${[...outputs[variant]].join(', ').slice(0, 80)}`} |`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { markdown: [`Each variant in a fresh process, ${rounds} rounds interleaved; medians (min–max) of per-round ratios.`, '', ...lines].join('\n') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log((await run({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) })).markdown);
}
