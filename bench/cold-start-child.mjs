// One cold start, run by bench/cold-start.mjs in a fresh process: import one tool, lower one file, print
// {"importMs", "lowerMs"} (from this module's first line, so Node's own start-up is not in them).
//   node bench/cold-start-child.mjs <tool | none> <file>
import fs from 'node:fs';

const started = performance.now();
const [tool, file] = process.argv.slice(2);
const code = fs.readFileSync(file, 'utf8');
let lower = () => ({ code });
if (tool !== 'none') {
  const { loadLowerer } = await import('./lowerers.mjs');
  lower = await loadLowerer(tool);
}
const imported = performance.now();
const { code: output } = lower(code, { filename: file, sourceType: 'unambiguous' });
if (typeof output !== 'string' || !output) throw new Error(`${tool} returned no code`);
console.log(JSON.stringify({ importMs: imported - started, lowerMs: performance.now() - imported }));
