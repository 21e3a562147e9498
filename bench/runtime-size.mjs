// The runtime's size budget: minified and gzipped bytes of each helper as the transformer inlines it
// (the helper with every runtime module it needs, wrapped as `helpers: 'inline'` emits it), of the
// whole runtime, and of the package imported as a module. `node bench/runtime-size.mjs --write` puts the
// table into packages/runtime/README.md; tests/runtime/size-budget.test.ts fails when a helper is over
// its budget or the README table is stale.
//
// Minified with esbuild (--minify, target esnext so nothing is lowered), gzipped at level 9.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
export const readmePath = path.join(root, 'packages', 'runtime', 'README.md');
const startMarker = '<!-- size-table:start (written by node bench/runtime-size.mjs --write) -->';
const endMarker = '<!-- size-table:end -->';

/**
 * Every helper lowered code can call, what it serves, and its budget in minified + gzipped bytes.
 * A budget is a ceiling against regressions, set a little above the size when it was last reviewed;
 * the issue's target for the whole runtime is 1,100 B.
 */
export const helpers = [
  { name: 'spawn', serves: 'async functions, arrows and methods', budget: 550 },
  { name: 'spawnGlobal', serves: "the same with `promise: 'global'` (zone.js)", budget: 600 },
  { name: 'currentCaptures', serves: 'methods and arrows using `super`, `arguments`', budget: 550 },
  { name: 'freshGenerator', serves: 'async arrows and function expressions (their generator, made per evaluation)', budget: 180 },
  { name: 'asyncGenerator', serves: 'async generator functions (their driver also runs the `yield*` loop)', budget: 2000 },
  { name: 'asyncGeneratorFunction', serves: 'their `prototype` and %AsyncGeneratorFunction.prototype% stand-in', budget: 2000 },
  { name: 'asyncGeneratorMethods', serves: 'the same for async generator methods, once their object or class exists', budget: 2000 },
  { name: 'toPropertyKey', serves: "a handed-over method's computed key, converted once", budget: 160 },
  { name: 'asyncFunction', serves: 'with `asyncFunctionPrototype`: the %AsyncFunction.prototype% stand-in', budget: 700 },
  { name: 'asyncFunctionMethods', serves: 'the same for async methods, once their object or class exists', budget: 700 },
  { name: 'awaitMarker', serves: '`await` inside async generators', budget: 160 },
  { name: 'yieldStar', serves: '`yield*` inside async generators', budget: 900 },
  { name: 'forAwait', serves: '`for await` loops', budget: 1100 },
  { name: 'awaitUsing', serves: '`await using` declarations (and the `using` ones in the same block)', budget: 1200 },
  { name: 'apply', serves: '`super.m(...)` calls (Reflect.apply as it was when the runtime loaded)', budget: 400 },
  { name: 'optionalMethod', serves: '`super.m?.(...)` calls: the method with its receiver, or the nullish value', budget: 450 },
];
export const wholeBudget = 3550;
export const target = 1100;

const minify = (code) => esbuild.transformSync(code, { minify: true, format: 'esm', target: 'esnext', charset: 'utf8' }).code;
export const gzipSize = (text) => zlib.gzipSync(text, { level: 9 }).length;
export const measure = (code) => {
  const minified = minify(code);
  return { minified: Buffer.byteLength(minified), gzip: gzipSize(minified), text: minified };
};

/** The inline copy of `names`, exactly as the transformer emits it. */
export async function inlineCopy(names) {
  const { inlineRuntime } = await import(pathToFileURL(path.join(root, 'packages', 'transformer', 'dist', 'helpers.js')).href);
  return `var { ${names.map((n) => `${n}: _${n}`).join(', ')} } = ${inlineRuntime(names)};\nexport { ${names.map((n) => `_${n}`).join(', ')} };`;
}

/** Bytes of every helper, the whole inline runtime and the package as a bundled module. */
export async function runtimeSizes() {
  const inline = JSON.parse(fs.readFileSync(path.join(root, 'packages', 'runtime', 'dist', 'inline.json'), 'utf8'));
  const unknown = helpers.map((h) => h.name).filter((name) => !inline.helpers[name]);
  if (unknown.length) throw new Error(`runtime-size: the runtime no longer exports ${unknown.join(', ')}`);
  const rows = [];
  for (const helper of helpers) rows.push({ ...helper, ...measure(await inlineCopy([helper.name])) });
  const whole = { name: 'whole runtime, inlined (every helper above)', budget: wholeBudget, ...measure(await inlineCopy(helpers.map((h) => h.name))) };
  const bundled = await esbuild.build({
    entryPoints: [path.join(root, 'packages', 'runtime', 'dist', 'index.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'esnext',
    write: false,
  });
  const moduleText = bundled.outputFiles[0].text;
  const asModule = { name: '`@yieldfrom/runtime` imported whole (bundled, with `setTracer`)', minified: Buffer.byteLength(moduleText), gzip: gzipSize(moduleText) };
  return { rows, whole, asModule };
}

export function sizeTable({ rows, whole, asModule }) {
  const n = (v) => v.toLocaleString('en-US');
  return [
    '| helper | serves | minified B | minified + gzip B | budget B |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| \`${r.name}\` | ${r.serves} | ${n(r.minified)} | ${n(r.gzip)} | ${n(r.budget)} |`),
    `| ${whole.name} | | ${n(whole.minified)} | ${n(whole.gzip)} | ${n(whole.budget)} |`,
    `| ${asModule.name} | | ${n(asModule.minified)} | ${n(asModule.gzip)} | |`,
    '',
    `Each helper counts every runtime module it needs, so shared modules (the captured intrinsics, the coroutine driver) are in several rows. Minified with esbuild, gzipped at level 9. Target for the whole runtime: ${n(target)} B minified and gzipped.`,
  ].join('\n');
}

/** Budget violations, as messages. */
export function overBudget({ rows, whole }) {
  return [...rows, whole].filter((r) => r.gzip > r.budget).map((r) => `${r.name}: ${r.gzip} B minified + gzipped, budget ${r.budget} B`);
}

export function readmeTable(readme) {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  return start < 0 || end < 0 ? null : readme.slice(start + startMarker.length, end).trim();
}

export function writeReadme(table) {
  const readme = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, 'utf8') : '';
  const block = `${startMarker}\n${table}\n${endMarker}`;
  const next =
    readmeTable(readme) === null
      ? `${readme.trimEnd()}${readme ? '\n\n' : ''}## Size\n\n${block}\n`
      : readme.slice(0, readme.indexOf(startMarker)) + block + readme.slice(readme.indexOf(endMarker) + endMarker.length);
  fs.writeFileSync(readmePath, next);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await runtimeSizes();
  const table = sizeTable(sizes);
  if (process.argv.includes('--write')) writeReadme(table);
  console.log(table);
  for (const problem of overBudget(sizes)) console.error(`over budget: ${problem}`);
}
