// `npm run bench`: every suite, results written to docs/benchmarks.md. The machine is shared and
// noisy: the figures that count are ratios between variants measured in the same round.
//   node bench/run.mjs [--quick] [--only throughput,cold,runtime,size,profile,plugin,playground]
//
// A suite is a module exporting `run({ quick, log })` that returns markdown (or `{ markdown }`).
// The suites below run in this order; any other bench/*.mjs exporting run() runs after them, titled
// by its own first heading. A partial run (--only) replaces its sections and keeps the others.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusSources, packageVersion } from './corpus.mjs';
import { toolNames, toolVersion } from './lowerers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const docPath = path.join(here, '..', 'docs', 'benchmarks.md');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyValue = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : '');
const only = onlyValue ? new Set(onlyValue.split(',')) : null;

const known = [
  { id: 'throughput', file: 'throughput.mjs', title: 'Transform throughput' },
  { id: 'cold', file: 'cold-start.mjs', title: 'Cold start' },
  { id: 'runtime', file: 'runtime.mjs', title: 'Runtime overhead (× native)' },
  { id: 'size', file: 'size.mjs', title: 'Size' },
  { id: 'profile', file: 'profile.mjs', title: "Where yieldfrom's transform time goes" },
  { id: 'shapes', file: 'shapes.mjs', title: 'Output shapes: measured alternatives' },
  { id: 'plugin', file: 'plugin-overhead.mjs' },
  { id: 'playground', file: 'playground-relower.mjs' },
];
// Modules of the bench that are not suites (cold-start-child.mjs runs on import).
const notSuites = new Set(['run.mjs', 'lowerers.mjs', 'corpus.mjs', 'stats.mjs', 'runtime-size.mjs', 'cold-start-child.mjs']);
const suites = [
  ...known.filter((s) => fs.existsSync(path.join(here, s.file))),
  ...fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.mjs') && !notSuites.has(f) && !known.some((s) => s.file === f))
    .sort()
    .map((file) => ({ id: file.slice(0, -4), file })),
].filter((s) => !only || only.has(s.id));

const log = (text) => process.stderr.write(`${text}\n`);
const git = (...command) => {
  try {
    return execFileSync('git', command, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const revision = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', '../packages', '.') ? ' with uncommitted changes' : '';
const stamp = `_${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${revision ? `, commit ${revision}${dirty}` : ''}${quick ? ', `--quick` (fewer rounds, smaller corpus: indicative only)' : ''}._`;
const sections = [];
for (const suite of suites) {
  const module = await import(pathToFileURL(path.join(here, suite.file)).href);
  if (typeof module.run !== 'function') continue;
  log(`bench: ${suite.id}`);
  const started = performance.now();
  // Suites that are not the bench's own take `rounds` rather than `quick`.
  const result = await module.run({ quick, log, ...(quick && !suite.title ? { rounds: 3 } : {}) });
  let markdown = (typeof result === 'string' ? result : result.markdown).trim();
  let title = suite.title;
  if (!title) {
    // Suites that title themselves: their first heading becomes the section's.
    const heading = markdown.match(/^#+ (.*)\n*/);
    title = heading ? heading[1] : suite.id;
    if (heading) markdown = markdown.slice(heading[0].length);
  }
  sections.push(`## ${title}\n\n${stamp}\n\n${markdown}`);
  log(`bench: ${suite.id} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const cpus = os.cpus();
const header = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.mjs\`; \`node bench/run.mjs --only runtime\` reruns one suite, \`--quick\` all of them briefly). Each section says when it was measured.

- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; Node ${process.version}.
- Tools: ${toolNames.map(toolVersion).join(', ')}; minified with esbuild, gzip level 9.
- Corpus: ${corpusSources.map(({ pkg }) => `${pkg}@${packageVersion(pkg)}`).join(', ')} (exact versions, devDependencies of bench/).
- This machine is shared with builds and test runs: absolute times drift with its load. Every figure is
  a median with min–max over interleaved rounds, and the figures that count are the ratios between
  variants measured in the same round.
`;

const previous = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
const notesAt = previous.indexOf('<!-- notes -->');
const notes = notesAt >= 0 ? previous.slice(notesAt) : '<!-- notes -->\n';
const body = notesAt >= 0 ? previous.slice(0, notesAt) : previous;
const titleOf = (section) => section.split('\n')[0].replace(/\s*\(.*$/, '').trim();
const fresh = new Set(sections.map(titleOf));
const kept = body
  .split(/\n(?=## )/)
  .slice(1)
  .map((section) => section.trim())
  .filter((section) => !fresh.has(titleOf(section)));
const order = [...known.map((s) => s.title), 'Build-plugin overhead', 'Playground re-lowering'].filter(Boolean);
const rank = (section) => {
  const index = order.findIndex((title) => titleOf(section) === titleOf(`## ${title}`));
  return index < 0 ? order.length : index;
};
const all = [...kept, ...sections].sort((a, b) => rank(a) - rank(b));
fs.writeFileSync(docPath, `${header}\n${all.join('\n\n')}\n\n${notes.trimEnd()}\n`);
log(`bench: wrote ${path.relative(process.cwd(), docPath)}`);
