// Size: minified and gzipped bytes of the runtime (whole and per helper), and bytes added per lowered
// function, next to each peer's helpers for the same program.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { lowerers } from './lowerers.mjs';

const require = createRequire(import.meta.url);
const gzip = (text) => zlib.gzipSync(text, { level: 9 }).length;
// target esnext: minifying must not lower anything (es2015 would lower async itself).
const minify = (code) => esbuild.transformSync(code, { minify: true, format: 'esm', target: 'esnext' }).code;

/** The inline copy of the given helpers, as the transformer emits it, minified. */
function inlineHelpers(helpers) {
  const table = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('@yieldfrom/runtime/package.json')), 'dist', 'inline.json'), 'utf8'));
  const ordered = [];
  const visit = (module) => {
    if (ordered.includes(module)) return;
    table.modules[module].deps.forEach(visit);
    ordered.push(module);
  };
  helpers.forEach((h) => visit(table.helpers[h]));
  return `export const runtime = (function () { ${ordered.map((m) => table.modules[m].code).join('\n')} return { ${helpers.join(', ')} }; })();`;
}

const everything = `async function f(a) { await a; }
async function* g() { yield 1; yield* [2]; }
async function h(xs) { for await (const x of xs) await x; }
export { f, g, h };`;

function helperBytes(tool) {
  // Lowered program minus the same program with its helpers stripped is hard to do for peers; instead
  // minify the whole lowered program and subtract the minified lowered body of a copy without helpers.
  const lowered = lowerers[tool].lower(everything, { filename: 'all.js' }).code;
  return lowered;
}

export async function run() {
  const lines = ['| runtime part | minified B | minified + gzip B |', '| --- | ---: | ---: |'];
  const parts = {
    'async functions (spawn)': ['spawn'],
    'async generators, yield*, for await': ['asyncGenerator', 'asyncGeneratorFunction', 'awaitMarker', 'yieldStar', 'forAwait'],
    'whole runtime (every helper)': ['spawn', 'spawnGlobal', 'currentCaptures', 'setTracer', 'asyncGenerator', 'asyncGeneratorFunction', 'awaitMarker', 'yieldStar', 'forAwait'],
  };
  const measured = {};
  for (const [label, helpers] of Object.entries(parts)) {
    const min = minify(inlineHelpers(helpers));
    measured[label] = gzip(min);
    lines.push(`| ${label} | ${min.length} | ${gzip(min)} |`);
  }
  // Per-function cost: 100 functions, lowered and minified, minus the minified source, minus the
  // helpers once.
  const hundred = Array.from({ length: 100 }, (_, i) => `export async function f${i}(a, b) { await a; return b; }`).join('\n');
  const sourceMin = minify(hundred).length;
  const perTool = ['| tool | helpers for async fn + generator + yield* + for await, min+gzip B | bytes added per `async function fN(a,b){await a;return b}` (minified) |', '| --- | ---: | ---: |'];
  for (const tool of Object.keys(lowerers)) {
    const programMin = minify(helperBytes(tool));
    const helperProgram = gzip(programMin);
    const one = minify(lowerers[tool].lower('export async function f0(a, b) { await a; return b; }', { filename: 'one.js' }).code).length;
    const lowered = minify(lowerers[tool].lower(hundred, { filename: 'hundred.js' }).code).length;
    const helperOnce = one - minify('export async function f0(a, b) { await a; return b; }').length;
    const perFunction = (lowered - sourceMin - helperOnce) / 99;
    perTool.push(`| ${tool} | ${helperProgram} (whole lowered sample) | ${perFunction.toFixed(0)} |`);
  }
  return { markdown: `${lines.join('\n')}\n\n${perTool.join('\n')}`, measured };
}
