// `npm run bench`: every suite, one run, results written to docs/benchmarks.md. The machine is noisy:
// the figures that count are ratios between tools measured in the same run.
//   node bench/run.mjs [--quick] [--only runtime,throughput,cold,size,plugin,playground]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lowerers } from './lowerers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '');
const only = new Set(onlyArg ? onlyArg.split(',') : ['throughput', 'cold', 'runtime', 'size', 'plugin', 'playground']);
const rounds = quick ? 2 : 5;

const sections = [];
const log = (text) => process.stderr.write(`${text}\n`);

if (only.has('throughput')) {
  log('bench: transform throughput');
  const { run } = await import('./throughput.mjs');
  sections.push(`## Transform throughput\n\n${(await run({ rounds })).markdown}`);
}
if (only.has('cold')) {
  log('bench: cold start');
  const { coldStart } = await import('./throughput.mjs');
  sections.push(`## Cold start\n\n${(await coldStart({ rounds })).markdown}`);
}
if (only.has('runtime')) {
  log('bench: runtime overhead');
  const { run } = await import('./runtime.mjs');
  sections.push(`## Runtime overhead (× native, median of per-round ratios, min–max)\n\nEach workload is written with native async syntax and run natively and lowered by every tool, each in a fresh Node process, ${rounds} rounds interleaved; the timed run follows a warm-up run in the same process.\n\n${(await run({ rounds })).markdown}`);
}
if (only.has('size')) {
  log('bench: size');
  const { run } = await import('./size.mjs');
  sections.push(`## Size\n\n${(await run()).markdown}`);
}
if (only.has('plugin') && fs.existsSync(path.join(here, 'plugin-overhead.mjs'))) {
  log('bench: build-plugin overhead');
  const { run } = await import('./plugin-overhead.mjs');
  sections.push((await run({ rounds: quick ? 3 : 7 })).markdown.replace(/^### /, '## '));
}
if (only.has('playground') && fs.existsSync(path.join(here, 'playground-relower.mjs'))) {
  log('bench: playground re-lowering');
  const { run } = await import('./playground-relower.mjs');
  sections.push((await run({ rounds })).markdown.replace(/^### /, '## '));
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`;
const header = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.mjs\`) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}; Node ${process.version}.
- Tools: ${Object.values(lowerers).map((l) => l.version).join(', ')}.
- Every figure is a median over ${rounds} interleaved rounds, with min–max. This machine is shared and noisy:
  the ratios between tools measured in the same round are the figures that count.
${quick ? '- **Quick run** (`--quick`): fewer rounds; indicative only.\n' : ''}`;

const file = path.join(here, '..', 'docs', 'benchmarks.md');
const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
// A partial run (--only) replaces its own sections and keeps the others from the last run.
const titleOf = (section) => section.split('\n')[0].replace(/\(.*$/, '').trim();
const fresh = new Map(sections.map((section) => [titleOf(section), section]));
const body = previous.includes('<!-- notes -->') ? previous.slice(0, previous.indexOf('<!-- notes -->')) : previous;
const kept = body.split(/\n(?=## )/).slice(1).map((section) => section.trim()).filter((section) => !fresh.has(titleOf(section)));
const order = ['## Transform throughput', '## Cold start', '## Runtime overhead', '## Size', '## Build-plugin overhead', '## Playground re-lowering'];
const all = [...kept, ...sections].sort((a, b) => order.findIndex((t) => a.startsWith(t)) - order.findIndex((t) => b.startsWith(t)));
if (kept.length) sections.splice(0, sections.length, ...all);
fs.writeFileSync(file, `${header}\n${sections.join('\n\n')}\n\n${notes}`);
log(`bench: wrote ${path.relative(process.cwd(), file)}`);
