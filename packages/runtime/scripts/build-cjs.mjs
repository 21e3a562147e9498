// After tsc: writes dist/inline.json (each module's code without import/export, in dependency order,
// for the transformer's `helpers: 'inline'` and for size reports) and dist/cjs/ (one CommonJS bundle
// plus a file per helper that re-exports from it, so the tracer slot stays shared).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const moduleNames = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'index.js').map((f) => f.slice(0, -3));

const modules = {};
for (const name of moduleNames) {
  const source = fs.readFileSync(path.join(dist, `${name}.js`), 'utf8');
  const deps = [...source.matchAll(/^import[\s\S]*?from\s+'\.\/([\w-]+)\.js';$/gm)].map((m) => m[1]);
  const exportNames = [...source.matchAll(/^export (?:function\*?|const|let|var|class) ?(\w+)/gm)].map((m) => m[1]);
  const code = source
    .replace(/^import[\s\S]*?from\s+'[^']+';\n/gm, '')
    .replace(/^export \{\};?\n?/gm, '')
    .replace(/^export /gm, '')
    .replace(/\/\*\*[\s\S]*?\*\/\n?/g, '')
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
  // The inline copy is joined onto one line, so a comment after code would swallow what follows.
  const trailingComment = code.split('\n').find((line) => /\S.*\s\/\/\s/.test(line));
  if (trailingComment) throw new Error(`runtime ${name}.ts: move this comment onto its own line: ${trailingComment.trim()}`);
  modules[name] = { deps, exports: exportNames, code };
}

/** Module names needed for `names`, dependencies first. */
function closure(names) {
  const ordered = [];
  const visit = (name) => {
    if (ordered.includes(name)) return;
    for (const dep of modules[name].deps) visit(dep);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

// The inline copy and the CommonJS bundle put every module in one scope: a name declared at the top
// level of two modules would clash there.
const declaredBy = new Map();
for (const [name, mod] of Object.entries(modules)) {
  for (const match of mod.code.matchAll(/^(?:function\*?|const|let|var|class) ?(\w+)/gm)) {
    if (declaredBy.has(match[1])) throw new Error(`runtime: ${match[1]} is declared at top level in both ${declaredBy.get(match[1])}.ts and ${name}.ts`);
    declaredBy.set(match[1], name);
  }
}

const helpers = {};
for (const [name, mod] of Object.entries(modules)) for (const exported of mod.exports) helpers[exported] = name;

fs.writeFileSync(path.join(dist, 'inline.json'), JSON.stringify({ modules, helpers }, null, 2) + '\n');

fs.mkdirSync(path.join(dist, 'cjs'), { recursive: true });
const all = closure(moduleNames);
const publicNames = fs
  .readFileSync(path.join(dist, 'index.js'), 'utf8')
  .matchAll(/export \{ ([^}]+) \}/g);
const indexExports = [...publicNames].flatMap((m) => m[1].split(',').map((s) => s.trim()));
fs.writeFileSync(
  path.join(dist, 'cjs', 'index.cjs'),
  `'use strict';\n${all.map((n) => modules[n].code).join('\n')}\n${indexExports.map((n) => `exports.${n} = ${n};`).join('\n')}\n`
);
for (const name of moduleNames) {
  const names = modules[name].exports.filter((n) => indexExports.includes(n));
  fs.writeFileSync(
    path.join(dist, 'cjs', `${name}.cjs`),
    `'use strict';\nconst runtime = require('./index.cjs');\n${names.map((n) => `exports.${n} = runtime.${n};`).join('\n')}\n`
  );
}
