// Cold start: a fresh Node process that imports one tool and lowers one ~50 kB file, as a CLI, a
// one-shot build or a test runner's first file pays it. Rounds interleave the tools (order rotating);
// a process that imports nothing gives Node's own start-up, so the difference is the tool's.
//   node bench/cold-start.mjs [--quick]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus } from './corpus.mjs';
import { toolNames } from './lowerers.mjs';
import { median, rotate, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The async-heavy corpus file (20 or more `await`) closest to 50 kB. */
export function coldStartFile() {
  const candidates = corpus().filter((f) => (f.code.match(/\bawait\b/g)?.length ?? 0) >= 20);
  return candidates.reduce((best, f) => (Math.abs(f.code.length - 50_000) < Math.abs(best.code.length - 50_000) ? f : best));
}

export async function run({ quick = false, rounds = quick ? 3 : 7 } = {}) {
  const sample = coldStartFile();
  const variants = ['none', ...toolNames];
  const wall = {};
  const inside = {};
  for (let round = 0; round < rounds; round++) {
    for (const tool of rotate(variants, round)) {
      const started = performance.now();
      const out = execFileSync(process.execPath, [path.join(here, 'cold-start-child.mjs'), tool, sample.file], { encoding: 'utf8' });
      (wall[tool] ??= []).push(performance.now() - started);
      (inside[tool] ??= []).push(JSON.parse(out));
    }
  }
  const ratioToBabel = (tool) => wall[tool].map((ms, i) => (ms - wall.none[i]) / (wall.babel[i] - wall.none[i]));
  const lines = [
    `\`${sample.name}\` (${(sample.code.length / 1000).toFixed(1)} kB, ${sample.code.match(/\bawait\b/g).length} \`await\`), ${rounds} rounds. "Process" is the wall time of the whole child process; "import" and "lower" are measured inside it; "over Node" subtracts the same round's process that imports nothing.`,
    '',
    '| tool | process, ms | import, ms | lower, ms | over Node, ms | over Node, × Babel |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const tool of variants) {
    const over = wall[tool].map((ms, i) => ms - wall.none[i]);
    lines.push(
      `| ${tool === 'none' ? 'Node alone (reads the file)' : tool} | ${summary(wall[tool], 0)} | ${summary(inside[tool].map((r) => r.importMs), 0)} | ${summary(inside[tool].map((r) => r.lowerMs), 0)} | ${tool === 'none' ? '–' : summary(over, 0)} | ${tool === 'none' ? '–' : summary(ratioToBabel(tool))} |`
    );
  }
  const ratio = median(ratioToBabel('yieldfrom'));
  lines.push('', `Target: no slower than Babel. This run: yieldfrom's cold start over Node is ${ratio.toFixed(2)}× Babel's: ${ratio <= 1 ? 'met' : 'not met'}.`);
  return { markdown: lines.join('\n'), wall, inside };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await run({ quick: process.argv.includes('--quick') })).markdown);
