// Size: the runtime's helpers (bench/runtime-size.mjs), every tool's helpers for the same program, and
// the bytes each tool adds per lowered function (SEMANTICS.md section 2: "minified bytes added per
// function over the minified source, with 100 functions each and one copy of the helpers amortised").
// Everything minified with esbuild (target esnext: minifying lowers nothing) and gzipped at level 9.
//   node bench/size.mjs
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import { loadLowerers, toolNames } from './lowerers.mjs';
import { measure, runtimeSizes, sizeTable, target } from './runtime-size.mjs';
import { bytes } from './stats.mjs';

// Names the helpers never mention: a top-level statement that does is the program's, not a helper.
const everything = {
  'async function only': 'export async function alpha(a) { await a; return a; }',
  'async function + async generator + `yield*` + `for await`': `export async function alpha(a) { await a; return a; }
export async function* beta() { yield 1; yield* gamma([2]); }
export async function* gamma(xs) { for await (const x of xs) yield x; }`,
};
const programNames = /\b(alpha|beta|gamma|Base|[fcaem]\d+)\b/;

/** The helpers a tool emitted: its top-level statements that do not belong to the program. */
function helperText(lowered) {
  const ast = acorn.parse(lowered, { ecmaVersion: 'latest', sourceType: 'module' });
  return ast.body
    .map((node) => lowered.slice(node.start, node.end))
    .filter((text) => !programNames.test(text))
    .join('\n');
}

/** Source shapes, each repeated 100 times; `{i}` is the function's number. */
const shapes = [
  { label: '`async function fN(a, b) { await a; return b }` (module top level)', each: 'export async function f{i}(a, b) { await a; return b; }' },
  { label: 'the same declared inside a function body', prefix: 'export function outer() {', each: 'async function f{i}(a, b) { await a; return b; }', suffix: 'return [{all}]; }', name: 'f' },
  { label: '`const aN = async (x) => { await x; return this }`', each: 'export const a{i} = async (x) => { await x; return this; };' },
  { label: 'async class method using `super`', prefix: 'class Base { m(x) { return x; } }', each: 'export class c{i} extends Base { async m(x) { await x; return super.m(x); } }' },
  { label: 'async object method', each: 'export const e{i} = { async m(x) { await x; return this; } };' },
];

function program(shape, count) {
  const numbers = Array.from({ length: count }, (_, i) => i);
  return [shape.prefix ?? '', ...numbers.map((i) => shape.each.replaceAll('{i}', String(i))), (shape.suffix ?? '').replace('{all}', numbers.map((i) => `${shape.name}${i}`).join(', '))].join('\n');
}

export async function run() {
  const lowerers = await loadLowerers();
  const sizes = await runtimeSizes();
  const lower = (tool, code) => lowerers[tool](code, { filename: 'sample.mjs', sourceType: 'module' }).code;

  const peerLines = [
    `| program | ${toolNames.join(' | ')} |`,
    `| --- | ${toolNames.map(() => '---:').join(' | ')} |`,
  ];
  const helperBytes = {};
  for (const [label, code] of Object.entries(everything)) {
    const cells = toolNames.map((tool) => {
      const m = measure(helperText(lower(tool, code)));
      helperBytes[`${label} ${tool}`] = m;
      return `${bytes(m.minified)} / **${bytes(m.gzip)}**`;
    });
    peerLines.push(`| ${label} | ${cells.join(' | ')} |`);
  }

  const perFunctionLines = [
    `| shape | ${toolNames.join(' | ')} |`,
    `| --- | ${toolNames.map(() => '---:').join(' | ')} |`,
  ];
  const perFunction = {};
  for (const shape of shapes) {
    const cells = toolNames.map((tool) => {
      const size = (count) => measure(lower(tool, program(shape, count))).minified - measure(program(shape, count)).minified;
      const hundred = size(100);
      // Amortised: the helpers shared over 100 functions. Marginal: the 100th function's own bytes.
      const amortised = hundred / 100;
      const marginal = (hundred - size(1)) / 99;
      perFunction[`${shape.label} ${tool}`] = { amortised, marginal };
      return `+${amortised.toFixed(0)} (+${marginal.toFixed(0)})`;
    });
    perFunctionLines.push(`| ${shape.label} | ${cells.join(' | ')} |`);
  }

  const whole = sizes.whole.gzip;
  const declaration = perFunction[`${shapes[0].label} yieldfrom`].marginal;
  const worstShape = shapes.map((s) => [s.label, perFunction[`${s.label} yieldfrom`].marginal]).sort((a, b) => b[1] - a[1])[0];
  return {
    markdown: [
      '### The runtime (`@yieldfrom/runtime`)',
      '',
      sizeTable(sizes),
      '',
      '### Every tool\'s helpers for the same program (minified / **minified + gzip**, bytes)',
      '',
      'The helpers each tool writes into a lowered module (yieldfrom with `helpers: \'inline\'`): its top-level statements that are not the program\'s.',
      '',
      ...peerLines,
      '',
      '### Bytes added per lowered function (minified)',
      '',
      '100 functions of each shape in one module, lowered, minified, minus the minified source, over 100: the helpers amortised over them. In parentheses the marginal bytes of one more function (the helpers not counted).',
      '',
      ...perFunctionLines,
      '',
      `Targets: the whole runtime at most ${bytes(target)} B minified + gzipped, and at most 40 bytes added per lowered async function. This run: ${bytes(whole)} B (${whole <= target ? 'met' : 'not met'}); +${declaration.toFixed(0)} B per declaration, worst shape +${worstShape[1].toFixed(0)} B (${worstShape[0]}) (${worstShape[1] <= 40 ? 'met' : 'not met'}).`,
    ].join('\n'),
    sizes,
    helperBytes,
    perFunction,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await run()).markdown);
