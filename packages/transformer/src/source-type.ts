// How the build plugins and the CLI parse a file whose extension does not say what it is. It decides
// whether the helpers arrive by `import` or by `require`:
//
//   "async function f() {}"                       (bundled, no import/export)  => module: `import { spawn } ...`
//   "module.exports = async () => {}"             (CommonJS)                   => script: `var { spawn } = require(...)`
//   "export const f = async () => {}"             (.js in a "type": "module" package) => module
//
// `.mjs`/`.mts` are modules and `.cjs`/`.cts` scripts, as Node reads them. Otherwise Babel's
// `unambiguous` (a module when it has import or export) decides, except where that guess is wrong:
// a bundler treats every file without CommonJS markers as a module, so a `require` there would pull
// in a second copy of the runtime (or stay unresolved in Rollup); and Node treats every `.js` file of
// a `"type": "module"` package as a module.
export type SourceType = 'module' | 'script' | 'unambiguous';

// What only CommonJS code says: `require(`, `module.exports`, `exports.x`/`exports[x]`.
const commonJsMarkers = /\brequire\s*\(|\bmodule\s*\.\s*exports\b|\bexports\s*[.[]/;

/**
 * The `sourceType` to lower `filename` with. `packageType` is the nearest package.json's `type`
 * (`"commonjs"` when it has none) for code that Node will run as it is, or `undefined` for code
 * that a bundler will read.
 */
export function sourceTypeFor(filename: string, code: string, packageType?: 'module' | 'commonjs'): SourceType {
  const extension = /\.([cm])[jt]s$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension) return extension === 'm' ? 'module' : 'script';
  if (packageType === 'module') return 'module';
  if (packageType === 'commonjs') return 'unambiguous';
  return commonJsMarkers.test(code) ? 'unambiguous' : 'module';
}
