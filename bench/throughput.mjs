// Transform throughput: every tool lowers the same corpus (bench/corpus.mjs) in one process, without
// and with source maps, interleaved round by round (the tool order rotating), after a warm-up pass.
// The figure that counts is each round's ratio to Babel: the machine is shared, so absolute MB/s drift
// with its load, while two tools measured seconds apart see the same machine.
//   node bench/throughput.mjs [--quick]
import { fileURLToPath } from 'node:url';
import { corpus, describeCorpus } from './corpus.mjs';
import { loadLowerers, toolNames } from './lowerers.mjs';
import { bytes, collectGarbage, median, rotate, summary } from './stats.mjs';

/** One pass of `lower` over `files`: seconds, output bytes, map bytes. */
function pass(lower, files, sourceMaps) {
  let out = 0;
  let map = 0;
  const started = performance.now();
  for (const { file, code, sourceType } of files) {
    const result = lower(code, { filename: file, sourceType, sourceMaps });
    out += result.code.length;
    if (result.map) map += result.map.length;
  }
  return { seconds: (performance.now() - started) / 1000, out, map };
}

export async function run({ quick = false, rounds = quick ? 2 : 4, log = () => {} } = {}) {
  const lowerers = await loadLowerers();
  const all = corpus();
  // Keep the files every tool lowers, so each does the same work; the others are listed. This pass
  // is also the warm-up (module loading, JIT).
  const refused = new Map();
  for (const tool of toolNames) {
    for (const f of all) {
      try {
        lowerers[tool](f.code, { filename: f.file, sourceType: f.sourceType });
      } catch (error) {
        refused.set(f.name, `${tool}: ${String(error.message).split('\n')[0].replace(f.file, f.name).slice(0, 160)}`);
      }
    }
  }
  let files = all.filter((f) => !refused.has(f.name));
  // --quick: every fourth file, about a quarter of the corpus.
  if (quick) files = files.filter((_, i) => i % 4 === 0);
  const { bytes: corpusBytes, text } = describeCorpus(files);
  const mb = corpusBytes / 1e6;

  const speed = {}; // `${tool} ${maps}` -> MB/s per round
  const ratio = {}; // `${tool} ${maps}` -> ratio to Babel per round
  const sizes = {};
  for (let round = 0; round < rounds; round++) {
    for (const sourceMaps of [false, true]) {
      const seconds = {};
      for (const tool of rotate(toolNames, round)) {
        await collectGarbage();
        const result = pass(lowerers[tool], files, sourceMaps);
        seconds[tool] = result.seconds;
        sizes[`${tool} ${sourceMaps}`] = result;
        log(`  round ${round + 1}/${rounds}, ${sourceMaps ? 'maps' : 'no maps'}: ${tool} ${(mb / result.seconds).toFixed(2)} MB/s`);
      }
      for (const tool of toolNames) {
        (speed[`${tool} ${sourceMaps}`] ??= []).push(mb / seconds[tool]);
        (ratio[`${tool} ${sourceMaps}`] ??= []).push(seconds.babel / seconds[tool]);
      }
    }
  }

  const lines = [
    `Corpus: ${files.length} files, ${mb.toFixed(2)} MB: ${text}.${refused.size ? ` Left out because a tool refused them: ${[...refused].map(([name, why]) => `\`${name}\` (${why})`).join('; ')}.` : ''}`,
    '',
    `${rounds} rounds; in each, every tool lowers the whole corpus without maps, then with maps (Babel's, SWC's and yieldfrom's map objects serialized to JSON inside the timing, as a build tool writing them would).`,
    '',
    '| tool | MB/s, no maps | × Babel, no maps | MB/s, maps | × Babel, maps | output bytes | map bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const tool of toolNames) {
    lines.push(
      `| ${tool} | ${summary(speed[`${tool} false`])} | ${summary(ratio[`${tool} false`])} | ${summary(speed[`${tool} true`])} | ${summary(ratio[`${tool} true`])} | ${bytes(sizes[`${tool} false`].out)} | ${bytes(sizes[`${tool} true`].map)} |`
    );
  }
  lines.push('', `Input: ${bytes(corpusBytes)} bytes. Ratios are the median (min–max) of each round's ratio to Babel.`);
  const yf = (maps) => median(ratio[`yieldfrom ${maps}`]);
  const overTs = (maps) => median(ratio[`yieldfrom ${maps}`].map((r, i) => r / ratio[`typescript ${maps}`][i]));
  lines.push(
    '',
    `Target: at least 1.5× Babel and above TypeScript, with and without maps. This run: ${yf(false).toFixed(2)}× / ${yf(true).toFixed(2)}× Babel and ${overTs(false).toFixed(2)}× / ${overTs(true).toFixed(2)}× TypeScript (no maps / maps): ${
      yf(false) >= 1.5 && yf(true) >= 1.5 && overTs(false) > 1 && overTs(true) > 1 ? 'met' : 'not met'
    }.`
  );
  return { markdown: lines.join('\n'), speed, ratio, sizes, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log((await run({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) })).markdown);
}
