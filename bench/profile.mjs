// Where yieldfrom's time goes, measured three ways:
// 1. by stage over the throughput corpus: Babel's parser alone, parse + analysis walk, the whole
//    transform() without maps (adds the magic-string edits and helper emission), with maps;
// 2. by code, from a V8 CPU profile of transform() with maps over the corpus in a fresh process (self
//    time grouped by package and by the transformer's folders);
// 3. at start-up: the import cost of each dependency in a fresh process, and of the transformer with
//    two candidate changes applied to a copy of its build (bench/.profile-variants/, deleted after).
//   node bench/profile.mjs [--quick]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpus } from './corpus.mjs';
import { collectGarbage, median, rotate, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'packages', 'transformer', 'dist');
// The compiled modules, not Node's bundle (dist-node/), so that the profile can say which file time is
// spent in; the code is the same.
const internal = async (file) => import(pathToFileURL(path.join(dist, file)).href);

async function stageTimes(files, rounds) {
  const { transform } = await internal('index.js');
  const { parse } = await internal('parse.js');
  const { analyze } = await internal('analyze/functions.js');
  const { normalizeOptions } = await internal('options.js');
  const optionsOf = (f) => normalizeOptions({ filename: f.file, sourceType: f.sourceType, helpers: 'inline' }).options;
  const stages = {
    parse: (f) => parse(f.code, optionsOf(f)),
    'parse + analyze': (f) => analyze(parse(f.code, optionsOf(f))),
    'transform, no maps': (f) => transform(f.code, { filename: f.file, sourceType: f.sourceType, helpers: 'inline' }),
    'transform, maps': (f) => JSON.stringify(transform(f.code, { filename: f.file, sourceType: f.sourceType, helpers: 'inline', sourceMaps: true }).map),
  };
  for (const stage of Object.values(stages)) for (const f of files) stage(f); // warm-up
  const ms = {};
  for (let round = 0; round < rounds; round++) {
    for (const name of rotate(Object.keys(stages), round)) {
      await collectGarbage();
      const started = performance.now();
      for (const f of files) stages[name](f);
      (ms[name] ??= []).push(performance.now() - started);
    }
  }
  return ms;
}

/** Self time by where the code lives. */
function groupOf(url, functionName) {
  if (!url) return functionName === '(garbage collector)' ? 'garbage collection' : functionName === '(program)' || functionName === '(idle)' ? 'V8 and Node internals' : 'builtins (String, Array, RegExp, JSON...)';
  if (url.startsWith('node:')) return 'V8 and Node internals';
  const inTransformer = url.match(/packages\/transformer\/dist\/(.*)$/);
  if (inTransformer) {
    const file = inTransformer[1];
    if (file.startsWith('analyze/')) return 'transformer: analyze/ (the walk)';
    if (file.startsWith('lower/')) return 'transformer: lower/ (edits)';
    if (file === 'source-map.js') return 'transformer: source-map.js';
    return `transformer: ${file}`;
  }
  if (url.includes('/bench/')) return 'the benchmark loop (and what V8 inlined into it)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  return 'other';
}

/**
 * Runs in a fresh process (`--cpu-profile-child`), so the heap and the JIT hold only the transform:
 * a warm-up pass, then a profiled pass over the same files. Samples inside the inspector's own
 * `dispatch` (Profiler.stop building the profile) are left out.
 */
async function cpuProfileChild(quick) {
  const { transform } = await internal('index.js');
  const files = profiledFiles(transform, quick);
  const lowerAll = () => {
    for (const f of files) JSON.stringify(transform(f.code, { filename: f.file, sourceType: f.sourceType, helpers: 'inline', sourceMaps: true }).map);
  };
  lowerAll();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  lowerAll();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const functions = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const { url, functionName } = node.callFrame;
    if (!url && functionName === 'dispatch') return;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const group = groupOf(url, functionName);
    self.set(group, (self.get(group) ?? 0) + dt);
    const fn = `${functionName || '(anonymous)'} (${group})`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  });
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, share: us / total }));
  return { groups: top(self, 12), functions: top(functions, 12), ms: total / 1000 };
}

function cpuProfile(quick) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cpu-profile-child', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

/** The corpus files yieldfrom lowers (a quarter of them with --quick). */
function profiledFiles(transform, quick) {
  const files = corpus().filter((f) => {
    try {
      transform(f.code, { filename: f.file, sourceType: f.sourceType });
      return true;
    } catch {
      return false;
    }
  });
  return quick ? files.filter((_, i) => i % 4 === 0) : files;
}

async function importCosts(rounds) {
  const entries = {
    'node alone': null,
    '@babel/parser': '@babel/parser',
    'magic-string': 'magic-string',
    '@jridgewell/remapping': '@jridgewell/remapping',
    '@yieldfrom/transformer (as Node loads it: dist-node/, bundled)': '@yieldfrom/transformer',
    '@yieldfrom/transformer (dist/, its 38 compiled modules)': pathToFileURL(path.join(dist, 'index.js')).href,
  };
  const sample = 'async function f(a) { await a; }';
  const ms = {};
  for (let round = 0; round < rounds; round++) {
    for (const [label, specifier] of rotate(Object.entries(entries), round)) {
      // The transformer also lowers one function: what a first file pays.
      const script = specifier
        ? `const t = performance.now(); const m = await import(${JSON.stringify(specifier)}); if (m.transform) m.transform(${JSON.stringify(sample)}); console.log(performance.now() - t);`
        : 'console.log(0);';
      const started = performance.now();
      const inside = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' }));
      (ms[label] ??= { inside: [], process: [] }).inside.push(inside);
      ms[label].process.push(performance.now() - started);
    }
  }
  return ms;
}

export async function run({ quick = false, rounds = quick ? 2 : 4 } = {}) {
  const { transform } = await internal('index.js');
  const files = profiledFiles(transform, quick);
  const mb = files.reduce((sum, f) => sum + f.code.length, 0) / 1e6;

  const stages = await stageTimes(files, rounds);
  const whole = median(stages['transform, maps']);
  const step = (name, previous) => stages[name].map((v, i) => v - (previous ? stages[previous][i] : 0));
  const rows = [
    ['Babel parser (`@babel/parser`, the transformer\'s options)', step('parse')],
    ['analysis walk (`analyze/`)', step('parse + analyze', 'parse')],
    ['edits, helpers, `toString()` (magic-string, `lower/`)', step('transform, no maps', 'parse + analyze')],
    ['source map (magic-string `generateMap`, JSON)', step('transform, maps', 'transform, no maps')],
  ];
  const profile = cpuProfile(quick);
  const imports = await importCosts(quick ? 3 : 7);
  const pct = (share) => `${(share * 100).toFixed(1)}%`;
  return {
    markdown: [
      `### By stage (${files.length} corpus files, ${mb.toFixed(2)} MB, ${rounds} rounds, ms: median (min–max) of the differences between stages)`,
      '',
      '| stage | ms | share of transform with maps |',
      '| --- | ---: | ---: |',
      ...rows.map(([label, values]) => `| ${label} | ${summary(values, 0)} | ${pct(median(values) / whole)} |`),
      `| **transform(), maps** | ${summary(stages['transform, maps'], 0)} | 100% |`,
      `| transform(), no maps | ${summary(stages['transform, no maps'], 0)} | ${pct(median(stages['transform, no maps']) / whole)} |`,
      '',
      `### By code (V8 CPU profile of transform() with maps over the same files in a fresh process, after a warm-up pass; self time, ${(profile.ms / 1000).toFixed(1)} s sampled)`,
      '',
      '| where | share |',
      '| --- | ---: |',
      ...profile.groups.map((g) => `| ${g.name} | ${pct(g.share)} |`),
      '',
      '| hottest functions | share |',
      '| --- | ---: |',
      ...profile.functions.map((g) => `| ${g.name} | ${pct(g.share)} |`),
      '',
      `### At start-up (a fresh process importing one module; the transformer rows also lower one function; ms, ${quick ? 3 : 7} rounds)`,
      '',
      '| module | inside the process | whole process |',
      '| --- | ---: | ---: |',
      ...Object.entries(imports).map(([label, m]) => `| ${label} | ${summary(m.inside, 0)} | ${summary(m.process, 0)} |`),
    ].join('\n'),
    stages,
    profile,
    imports,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--cpu-profile-child')) console.log(JSON.stringify(await cpuProfileChild(process.argv.includes('--quick'))));
  else console.log((await run({ quick: process.argv.includes('--quick') })).markdown);
}
