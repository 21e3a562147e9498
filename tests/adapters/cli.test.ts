// The `yieldfrom` command as a child process on a directory tree: outputs, maps, --check, errors and
// exit codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remainingAsync, repoRoot, runNode, temporaryDir, writeTree, yieldsMappedToAwaits } from './support.js';

// The bin as npm links it (node_modules/.bin/yieldfrom -> dist/cli.js, run through its shebang).
const bin = path.join(repoRoot, 'node_modules', '.bin', 'yieldfrom');
const work = temporaryDir('cli');

function run(args: string[], input?: string) {
  const result = spawnSync(bin, args, { cwd: work, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (file: string) => fs.readFileSync(path.join(work, file), 'utf8');

describe('yieldfrom CLI', () => {
  writeTree(work, {
    'src/a.js': 'export const a = async (x) => (await x) + 1;\n',
    'src/nested/b.ts': 'export async function b(n: number): Promise<number> { return await n; }\n',
    'src/plain.js': 'export const plain = 1;\n',
    'src/node_modules/dep/index.js': 'export default async () => 1;\n',
  });

  it('lowers a directory into --out-dir, mirroring it, with source maps that lead each yield to its await', () => {
    const { status, stderr } = run(['src', '--out-dir', 'out', '--source-maps']);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^yieldfrom: 3 files, [\d.]+ kB, [\d.]+ s, 0 errors$/m);
    for (const [file, source] of [['out/a.js', 'a.js'], ['out/nested/b.ts', 'b.ts']] as const) {
      expect(remainingAsync(path.join(work, file))).toEqual([]);
      const map = JSON.parse(read(`${file}.map`));
      // Named relative to the map, so the output folder can move.
      expect(map.sources).toEqual([file === 'out/a.js' ? '../src/a.js' : '../../src/nested/b.ts']);
      expect(read(file)).toMatch(/\/\/# sourceMappingURL=(a\.js|b\.ts)\.map\n$/);
      const sourceDir = path.dirname(path.join(work, 'src', path.relative('out', file)));
      expect(yieldsMappedToAwaits(path.join(work, file), { sourceDir, sources: [source] })).toEqual({ yields: 1, onAwait: 1 });
    }
    expect(read('out/plain.js')).toBe('export const plain = 1;\n//# sourceMappingURL=plain.js.map\n');
    expect(fs.existsSync(path.join(work, 'out/node_modules'))).toBe(false);
    expect(fs.readdirSync(path.join(work, 'out'), { recursive: true }).some((f) => String(f).endsWith('.tmp'))).toBe(false);
  });

  it('chains the map a compiled file already points to, back to its source; inline maps too', async () => {
    const esbuild = await import('esbuild');
    const typed = 'interface Box { value: number }\nexport const open = async (box: Promise<Box>) => (await box).value + (await 1);\n';
    writeTree(work, { 'ts-src/box.ts': typed });
    // dist/box.js + dist/box.js.map, as a TypeScript build leaves them.
    const compiled = esbuild.transformSync(typed, { loader: 'ts', sourcemap: 'external', sourcefile: '../ts-src/box.ts' });
    writeTree(work, { 'dist/box.js': `${compiled.code}//# sourceMappingURL=box.js.map\n`, 'dist/box.js.map': compiled.map });
    expect(run(['dist', '-o', 'dist-lowered', '--source-maps', '-q']).status).toBe(0);
    const map = JSON.parse(read('dist-lowered/box.js.map'));
    expect(map.sources).toEqual(['../ts-src/box.ts']);
    expect(read('dist-lowered/box.js').match(/sourceMappingURL/g)).toHaveLength(1);
    const counted = yieldsMappedToAwaits(path.join(work, 'dist-lowered/box.js'), { sourceDir: path.join(work, 'ts-src'), sources: ['box.ts'] });
    expect(counted).toEqual({ yields: 2, onAwait: 2 });

    expect(run(['dist', '-o', 'dist-inline', '--source-maps=inline', '-q']).status).toBe(0);
    const inline = read('dist-inline/box.js').match(/\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)\s*$/);
    expect(JSON.parse(Buffer.from(inline![1]!, 'base64').toString()).sources).toEqual(['../ts-src/box.ts']);
    expect(fs.existsSync(path.join(work, 'dist-inline/box.js.map'))).toBe(false);
  });

  it('--check exits 1 and lists every piece of async syntax; 0 once lowered', () => {
    const before = run(['--check', 'src']);
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/src[\\/]a\.js:1:18: async function is not lowered/);
    expect(before.stdout).toMatch(/src[\\/]a\.js:1:32: await is not lowered/);
    expect(before.stdout).toMatch(/b\.ts:1:8: async function is not lowered/);
    expect(before.stderr).toMatch(/3 files, .*0 errors, 2 with async syntax$/m);
    const after = run(['--check', 'out']);
    expect(after.status).toBe(0);
    expect(after.stdout).toBe('');
    const piped = run(['--check', '--stdin', '--filename', 'x.ts'], 'const f = async (n: number) => n;');
    expect(piped.status).toBe(1);
    expect(piped.stdout).toBe('x.ts:1:11: async function is not lowered\n');
    // A function kept native on purpose is not reported; lowering it keeps it, and warns about nothing.
    const kept = 'export const inPage = /* @yieldfrom-ignore */ async () => await document.fonts.ready;\n';
    expect(run(['--check', '--stdin', '--filename', 'k.js'], kept)).toMatchObject({ status: 0, stdout: '' });
    expect(run(['--stdin', '--filename', 'k.js'], kept)).toMatchObject({ status: 0, stdout: kept, stderr: '' });
  });

  it('matches globs, and inlines helpers on request', () => {
    const { status } = run(['src/**/*.ts', '-o', 'globbed', '--helpers', 'inline']);
    expect(status).toBe(0);
    expect(fs.readdirSync(path.join(work, 'globbed'), { recursive: true })).toEqual(['nested', path.join('nested', 'b.ts')]);
    expect(read('globbed/nested/b.ts')).toContain('function spawn(');
  });

  it('--write rewrites in place and --stdin pipes', () => {
    writeTree(work, { 'inplace/c.js': 'async function c() { await 0; }\n' });
    expect(run(['inplace', '--write', '-q']).status).toBe(0);
    expect(remainingAsync(path.join(work, 'inplace/c.js'))).toEqual([]);
    const piped = run(['--stdin', '--filename', 'x.ts'], 'const f = async (n: number) => await n;');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('function* _f(n: number)');
  });

  it('lowered packages run in Node as they did: CommonJS gets require, "type": "module" gets import', () => {
    writeTree(work, {
      'pkg-cjs/package.json': '{ "name": "pkg-cjs" }',
      'pkg-cjs/index.js': "const { double } = require('./double.js');\nasync function main() { console.log(await double(await 21)); }\nmain();\n",
      'pkg-cjs/double.js': 'module.exports.double = async (n) => n * (await 2);\n',
      'pkg-esm/package.json': '{ "name": "pkg-esm", "type": "module" }',
      'pkg-esm/index.js': "import './side.js';\nglobalThis.ready.then((v) => console.log(v));\n",
      'pkg-esm/side.js': 'globalThis.ready = (async () => `ready ${await 1}`)();\n',
    });
    for (const pkg of ['pkg-cjs', 'pkg-esm']) {
      const native = runNode(path.join(work, pkg, 'index.js'));
      expect(run([pkg, '-o', `${pkg}-out`, '-q']).status).toBe(0);
      fs.copyFileSync(path.join(work, pkg, 'package.json'), path.join(work, `${pkg}-out`, 'package.json'));
      expect(runNode(path.join(work, `${pkg}-out`, 'index.js'))).toBe(native);
    }
    expect(read('pkg-cjs-out/double.js')).toMatch(/^var \{ spawn: _spawn \} = require\("@yieldfrom\/runtime\/spawn"\);( var \{ freshGenerator: _freshGenerator \} = require\("@yieldfrom\/runtime\/fresh-generator"\);)? /);
    expect(read('pkg-esm-out/side.js')).toMatch(/^import \{ spawn as _spawn \} from "@yieldfrom\/runtime\/spawn";( import \{ freshGenerator as _freshGenerator \} from "@yieldfrom\/runtime\/fresh-generator";)? /);
  });

  it('reports errors with file:line:column and a frame, exits 1, and writes no half file', () => {
    writeTree(work, { 'broken/ok.js': 'export async function ok() {}\n', 'broken/bad.js': 'export const y = 1;\nexport const z = await y;\n' });
    const { status, stderr } = run(['broken', '-o', 'broken-out']);
    expect(status).toBe(1);
    expect(stderr).toContain(`${path.join(work, 'broken/bad.js')}:2:18: error YF1002: `);
    expect(stderr).toContain('> 2 | export const z = await y;');
    expect(stderr).toMatch(/2 files, .*, 1 error$/m);
    expect(fs.existsSync(path.join(work, 'broken-out/bad.js'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'broken-out/ok.js'))).toBe(true);
    const syntax = run(['--stdin', '--filename', 'oops.js'], 'async function (');
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toMatch(/^oops\.js:1:16: error YF1001: /);
  });

  it('rejects bad usage with exit status 2', () => {
    for (const args of [[], ['src', '--write', '--out-dir', 'x'], ['no-such-dir'], ['--helpers'], ['src', '-o', 'x', '--helpers', 'bogus'], ['src', '--frobnicate'], ['src', 'src/a.js']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^yieldfrom: /);
    }
    expect(run(['src', '-o', 'x', '--helpers', 'bogus']).stderr).toMatch(/--helpers must be "import" or "inline"/);
    // A switch given a value would be read as on whatever the value says: refused instead.
    for (const flag of ['--write=false', '--check=no', '--async-function-prototype=false', '--quiet=0']) {
      const result = run(['src', flag]);
      expect(result.status, flag).toBe(2);
      expect(result.stderr).toContain(`${flag.split('=')[0]} takes no value`);
    }
  });

  it('--out-dir refuses two inputs that would be written to one output, before writing anything', () => {
    writeTree(work, { 'twin/a.js': 'export const a = async () => 1;\n', 'twin/sub/a.js': 'export const b = async () => 2;\n', 'twin-b/sub/a.js': 'export {};\n' });
    // Files named one by one land in the output directory under their own names, as with Babel's CLI.
    const named = run(['twin/a.js', 'twin/sub/a.js', '-o', 'twin-named']);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain(`yieldfrom: twin${path.sep}a.js and twin${path.sep}sub${path.sep}a.js would both be written to twin-named${path.sep}a.js`);
    const walked = run(['twin', 'twin-b', '-o', 'twin-walked']);
    expect(walked.status).toBe(2);
    expect(walked.stderr).toContain(`twin${path.sep}sub${path.sep}a.js and twin-b${path.sep}sub${path.sep}a.js would both be written to twin-walked${path.sep}sub${path.sep}a.js`);
    expect(fs.existsSync(path.join(work, 'twin-named'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'twin-walked'))).toBe(false);
    expect(run(['twin/sub/a.js', 'src/nested/b.ts', '-o', 'twin-apart', '-q']).status).toBe(0);
    expect(fs.readdirSync(path.join(work, 'twin-apart')).sort()).toEqual(['a.js', 'b.ts']);
  });

  it('drops a sourceMappingURL comment that described the text before lowering', () => {
    const lowered = 'export const f = async () => await 1;\n';
    const plain = 'export const g = 1;\n';
    writeTree(work, {
      'stale/external.js': `${lowered}//# sourceMappingURL=external.js.map\n`,
      'stale/external.js.map': '{"version":3,"sources":["external.ts"],"names":[],"mappings":""}',
      'stale/missing.js': `${lowered}//# sourceMappingURL=missing.js.map\n`,
      'stale/inline.js': `${lowered}//# sourceMappingURL=data:application/json;base64,${Buffer.from('{"version":3,"sources":["inline.ts"],"names":[],"mappings":""}').toString('base64')}\n`,
      'stale-plain/external.js': `${plain}//# sourceMappingURL=external.js.map\n`,
      'stale-plain/inline.js': `${plain}//# sourceMappingURL=data:application/json;base64,e30=\n`,
    });
    expect(run(['stale', '-o', 'stale-out', '-q']).status).toBe(0);
    for (const name of ['external.js', 'missing.js', 'inline.js']) expect(read(`stale-out/${name}`)).not.toContain('sourceMappingURL');
    expect(read('stale-out/external.js')).toMatch(/\n$/);
    expect(run(['stale/external.js']).stdout).not.toContain('sourceMappingURL');
    // Unchanged, an inline map still holds; a map file beside the input is not beside the output.
    expect(run(['stale-plain', '-o', 'stale-plain-out', '-q']).status).toBe(0);
    expect(read('stale-plain-out/external.js')).toBe(plain);
    expect(read('stale-plain-out/inline.js')).toBe(read('stale-plain/inline.js'));
    expect(run(['stale', '-o', 'stale-maps', '--source-maps', '-q']).status).toBe(0);
    for (const name of ['external.js', 'missing.js', 'inline.js']) {
      expect(read(`stale-maps/${name}`).match(/sourceMappingURL=.*/g)).toEqual([`sourceMappingURL=${name}.map`]);
    }
    const piped = run(['--stdin', '--filename', 'stale/missing.js', '--source-maps=inline'], read('stale/missing.js'));
    expect(piped.stdout.match(/sourceMappingURL=/g)).toHaveLength(1);
    expect(run(['--stdin', '--filename', 'stale/missing.js'], read('stale/missing.js')).stdout).not.toContain('sourceMappingURL');
  });

  it('--stdin takes a script for what Node will take the file named by --filename for', () => {
    const script = 'async function main() { console.log(await 1); }\nmain();\n';
    writeTree(work, { 'scripts/s.js': script, 'scripts-esm/package.json': '{ "type": "module" }', 'scripts-esm/s.js': script });
    for (const file of ['scripts/s.js', 'scripts-esm/s.js']) {
      const fromFile = run([file]);
      expect(fromFile.status).toBe(0);
      expect(run(['--stdin', '--filename', file], script).stdout).toBe(fromFile.stdout);
    }
    expect(run(['scripts/s.js']).stdout).toContain('require("@yieldfrom/runtime/spawn")');
    expect(run(['scripts-esm/s.js']).stdout).toContain('from "@yieldfrom/runtime/spawn"');
  });

  it('refuses options that standard output cannot honour', () => {
    for (const args of [['--stdin', '--source-maps'], ['src/a.js', '--source-maps'], ['--stdin', '--out-dir', 'x'], ['--stdin', '--write'], ['--filename', 'a.js', 'src/a.js'], ['--check', 'src', '--source-maps']]) {
      const result = run(args, 'export const f = async () => 1;\n');
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    expect(run(['--stdin', '--source-maps']).stderr).toMatch(/^yieldfrom: .*--source-maps=inline/);
    expect(run(['--stdin', '--out-dir', 'x']).stderr).toMatch(/^yieldfrom: --stdin writes to standard output/);
    expect(fs.existsSync(path.join(work, 'x'))).toBe(false);
    const inline = run(['src/a.js', '--source-maps=inline']);
    expect(inline.status).toBe(0);
    expect(inline.stdout).toMatch(/\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,\S+\s*$/);
  });

  it('an input that yields no files is bad usage, like a glob that matches none', () => {
    fs.mkdirSync(path.join(work, 'empty-dir/.hidden'), { recursive: true });
    writeTree(work, { 'empty-dir/notes.txt': 'no code here\n' });
    const empty = run(['empty-dir', '-o', 'empty-out']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^yieldfrom: no files to lower in empty-dir/);
    expect(run(['empty-*/*.js', '-o', 'empty-out']).status).toBe(2);
    expect(fs.existsSync(path.join(work, 'empty-out'))).toBe(false);
  });

  it('counts "1 file", lists each construct in --help, and leaves an output directory inside the input alone', () => {
    writeTree(work, { 'one/a.js': 'export const a = async () => await 1;\n' });
    expect(run(['one/a.js', '-o', 'one-out']).stderr).toMatch(/^yieldfrom: 1 file, [\d.]+ kB, [\d.]+ s, 0 errors$/m);
    expect(run(['--help']).stdout).toMatch(/--check +list each async construct left/);
    for (let i = 0; i < 2; i++) {
      const again = run(['one', '-o', 'one/out']);
      expect(again.status).toBe(0);
      expect(again.stderr).toMatch(/^yieldfrom: 1 file, /m);
    }
    expect(fs.readdirSync(path.join(work, 'one'), { recursive: true }).map(String).sort()).toEqual(['a.js', 'out', path.join('out', 'a.js')]);
    // A glob below the output directory's parent skips it too.
    expect(run(['one/**/*.js', '-o', 'one/out']).stderr).toMatch(/^yieldfrom: 1 file, /m);
  });

  it("prints the lowering's warnings with file:line:column, for files and standard input", () => {
    writeTree(work, { 'warn/ev.js': 'export function f() {\n  return async () => eval("arguments");\n}\n' });
    const lowered = run(['warn', '-o', 'warn-out', '-q']);
    expect(lowered.status).toBe(0);
    expect(lowered.stderr).toContain(`${path.join(work, 'warn', 'ev.js')}:2:22: warning YF3001`);
    const piped = run(['--stdin', '--filename', 'ev.js'], read('warn/ev.js'));
    expect(piped.status).toBe(0);
    expect(piped.stderr).toContain('ev.js:2:22: warning YF3001');
    expect(piped.stdout).not.toContain('warning');
  });

  it('spreads the files over worker threads with the same results', () => {
    const many: Record<string, string> = {};
    const body = `export async function f(x) {\n${'  await x;\n'.repeat(200)}  return x;\n}\n`;
    for (let i = 0; i < 8; i++) many[`many/f${i}.js`] = body;
    writeTree(work, many);
    const threaded = run(['many', '-o', 'many-threads', '--jobs', '2']);
    const single = run(['many', '-o', 'many-single']);
    expect(threaded.status).toBe(0);
    expect(threaded.stderr).toMatch(/8 files, .* 0 errors \(2 threads\)$/m);
    expect(single.status).toBe(0);
    // Small inputs stay on the main thread unless --jobs asks.
    expect(single.stderr).toMatch(/8 files, .* 0 errors$/m);
    for (let i = 0; i < 8; i++) expect(read(`many-threads/f${i}.js`)).toBe(read(`many-single/f${i}.js`));
  });
});
