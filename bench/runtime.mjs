// Runtime overhead: each workload, written with native async syntax, run natively and lowered by
// every tool, each run in a fresh process, rounds interleaved. A variant whose output differs from
// native counts as wrong, not fast. Figures are the medians of per-round ratios to native.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lowerers } from './lowerers.mjs';
import { geometricMean, median, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const footer = `
;globalThis.workload().then(() => { const started = performance.now(); return globalThis.workload().then((out) => console.log(JSON.stringify({ out, ms: performance.now() - started }))); }, (error) => console.log(JSON.stringify({ out: 'failed: ' + error, ms: 0 })));
`;

export async function run({ rounds = 5 } = {}) {
  const dir = fs.mkdtempSync(path.join(here, '.tmp-runtime-'));
  const workloads = fs.readdirSync(path.join(here, 'workloads')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
  const variants = ['native', ...Object.keys(lowerers)];
  const files = {};
  const failures = {};
  for (const workload of workloads) {
    const source = fs.readFileSync(path.join(here, 'workloads', `${workload}.js`), 'utf8');
    for (const variant of variants) {
      let code;
      try {
        code = variant === 'native' ? source : lowerers[variant].lower(source, { filename: `${workload}.js`, script: true }).code;
      } catch (error) {
        failures[`${workload}/${variant}`] = String(error.message).split('\n')[0];
        continue;
      }
      const file = path.join(dir, `${workload}.${variant}.cjs`);
      fs.writeFileSync(file, code + footer);
      files[`${workload}/${variant}`] = file;
    }
  }
  const ratios = {};
  const outputs = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads) {
        const times = {};
        for (const variant of variants) {
          const file = files[`${workload}/${variant}`];
          if (!file) continue;
          try {
            const { out, ms } = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 120_000 }).trim().split('\n').pop());
            times[variant] = ms;
            outputs[`${workload}/${variant}`] = out;
          } catch (error) {
            failures[`${workload}/${variant}`] = String(error.message).split('\n')[0];
          }
        }
        for (const variant of variants.slice(1)) {
          if (times[variant] === undefined || !times.native) continue;
          (ratios[`${workload}/${variant}`] ??= []).push(times[variant] / times.native);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cell = (workload, variant) => {
    const key = `${workload}/${variant}`;
    if (failures[key] && !ratios[key]) return 'fails';
    if (outputs[key] !== outputs[`${workload}/native`]) return 'wrong output';
    return `${summary(ratios[key])}×`;
  };
  const tools = variants.slice(1);
  const lines = [
    `| workload | ${tools.join(' | ')} |`,
    `| --- | ${tools.map(() => '---:').join(' | ')} |`,
    ...workloads.map((w) => `| ${w} | ${tools.map((t) => cell(w, t)).join(' | ')} |`),
  ];
  const geomeans = {};
  for (const tool of tools) {
    const exact = workloads.filter((w) => ratios[`${w}/${tool}`] && outputs[`${w}/${tool}`] === outputs[`${w}/native`]);
    geomeans[tool] = { value: exact.length ? geometricMean(exact.map((w) => median(ratios[`${w}/${tool}`]))) : NaN, over: exact.length, of: workloads.length };
  }
  lines.push(`| **geometric mean** (exact workloads) | ${tools.map((t) => `${geomeans[t].value.toFixed(2)}× (${geomeans[t].over}/${geomeans[t].of})`).join(' | ')} |`);
  return { markdown: lines.join('\n'), geomeans, ratios, failures };
}
