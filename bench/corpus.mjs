// The transform-throughput corpus: the JavaScript with async code in published packages that lean on
// async heavily, installed at exact versions as devDependencies of the bench (bench/package.json), so
// every run lowers the same bytes. Files that spell neither `async` nor `await` are left out: every tool
// would skip or pass them through, and the corpus is about lowering.
//
//   corpus() -> [{ name: 'undici/lib/web/fetch/index.js', file, code, sourceType }], in a fixed order
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Package and the folder of its published JavaScript that goes into the corpus. */
export const corpusSources = [
  { pkg: 'undici', folder: 'lib' },
  { pkg: 'mongodb', folder: 'lib' },
  { pkg: 'puppeteer-core', folder: 'lib/esm/puppeteer' },
  { pkg: 'chromium-bidi', folder: 'out' },
  { pkg: 'vite', folder: 'dist/node' },
];

/** The package's folder as Node resolves it from bench/ (packages may hide package.json behind exports). */
export function packageDir(pkg) {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pkg);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`bench: ${pkg} is not installed (npm install in the repository root)`);
  }
}

export function packageVersion(pkg) {
  return JSON.parse(fs.readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')).version;
}

const hasAsync = /\basync\b|\bawait\b/;

/** How the file is parsed, as a bundler would decide from its extension. */
function sourceTypeOf(file) {
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'script';
  return 'unambiguous';
}

let cached;
export function corpus() {
  if (cached) return cached;
  const files = [];
  for (const { pkg, folder } of corpusSources) {
    const root = packageDir(pkg);
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.[cm]?js$/.test(entry.name)) {
          const code = fs.readFileSync(file, 'utf8');
          if (hasAsync.test(code)) files.push({ name: `${pkg}/${path.relative(root, file).split(path.sep).join('/')}`, file, code, sourceType: sourceTypeOf(file) });
        }
      }
    };
    walk(path.join(root, folder));
  }
  return (cached = files);
}

export function describeCorpus(files) {
  const bytes = (list) => list.reduce((sum, f) => sum + Buffer.byteLength(f.code), 0);
  const perPackage = corpusSources.map(({ pkg, folder }) => {
    const mine = files.filter((f) => f.name.startsWith(`${pkg}/`));
    return `${pkg}@${packageVersion(pkg)} \`${folder}\` (${mine.length} files, ${(bytes(mine) / 1e6).toFixed(2)} MB)`;
  });
  const count = (word) => files.reduce((sum, f) => sum + (f.code.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0), 0);
  return { bytes: bytes(files), text: `${perPackage.join(', ')}; ${count('async')} \`async\` and ${count('await')} \`await\` in all` };
}
