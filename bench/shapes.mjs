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

export async function run({ quick = false, rounds = quick ? 2 : 5, log = () => {} } = {}) {
  const { inlineRuntime } = await import(pathToFileURL(path.join(here, '..', 'packages', 'transformer', 'dist', 'helpers.js')).href);
  const proposals = fs.readdirSync(shapesDir).filter((f) => f.endsWith('.js')).sort().map((f) => {
    const [workload, proposal] = f.slice(0, -3).split('.');
    return { workload, proposal, file: path.join(shapesDir, f) };
  });
  const workloads = [...new Set(proposals.map((p) => p.workload))];
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
        const label = variant === 'yieldfrom' ? 'current output' : `\`shapes/${workload}.${variant}.js\``;
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
