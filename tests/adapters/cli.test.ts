// The `yieldfrom` command as a child process on a directory tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remainingAsync, temporaryDir } from './support.js';

const cli = path.join(import.meta.dirname, '../../packages/transformer/dist/cli.js');
const work = temporaryDir('cli');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tree(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    fs.writeFileSync(path.join(work, name), text);
  }
}

describe('yieldfrom CLI', () => {
  tree({
    'src/a.js': 'export const a = async (x) => (await x) + 1;\n',
    'src/nested/b.ts': 'export async function b(n: number): Promise<number> { return await n; }\n',
    'src/plain.js': 'export const plain = 1;\n',
    'src/node_modules/dep/index.js': 'export default async () => 1;\n',
  });

  it('lowers a directory into --out-dir, mirroring it, with source maps', () => {
    const { status, stderr } = run(['src', '--out-dir', 'out', '--source-maps']);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^yieldfrom: 3 files, [\d.]+ kB, [\d.]+ s, 0 errors$/m);
    for (const file of ['out/a.js', 'out/nested/b.ts']) {
      expect(remainingAsync(path.join(work, file))).toEqual([]);
      const map = JSON.parse(fs.readFileSync(path.join(work, `${file}.map`), 'utf8'));
      expect(map.sources[0]).toMatch(/src[\\/](a\.js|nested[\\/]b\.ts)$/);
      expect(fs.readFileSync(path.join(work, file), 'utf8')).toMatch(/\/\/# sourceMappingURL=(a\.js|b\.ts)\.map\n$/);
    }
    expect(fs.existsSync(path.join(work, 'out/node_modules'))).toBe(false);
    expect(fs.readdirSync(path.join(work, 'out')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('--check exits 1 and lists files with async syntax; 0 once lowered', () => {
    const before = run(['--check', 'src']);
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/src[\\/]a\.js:1:18: async function is not lowered/);
    expect(before.stdout).toMatch(/b\.ts:1:8: async function is not lowered/);
    const after = run(['--check', 'out']);
    expect(after.status).toBe(0);
    expect(after.stdout).toBe('');
  });

  it('matches globs', () => {
    const { status } = run(['src/**/*.ts', '-o', 'globbed', '--helpers', 'inline']);
    expect(status).toBe(0);
    expect(fs.readdirSync(path.join(work, 'globbed'), { recursive: true })).toEqual(['nested', path.join('nested', 'b.ts')]);
    expect(fs.readFileSync(path.join(work, 'globbed/nested/b.ts'), 'utf8')).toContain('function spawn(');
  });

  it('--write rewrites in place and --stdin pipes', () => {
    tree({ 'inplace/c.js': 'async function c() { await 0; }\n' });
    expect(run(['inplace', '--write', '-q']).status).toBe(0);
    expect(remainingAsync(path.join(work, 'inplace/c.js'))).toEqual([]);
    const piped = run(['--stdin', '--filename', 'x.ts'], 'const f = async (n: number) => await n;');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('function* _f(n: number)');
  });

  it('reports errors with file:line:column and a frame, exits 1, and writes no half file', () => {
    tree({ 'broken/ok.js': 'export async function ok() {}\n', 'broken/bad.js': 'export const y = 1;\nexport const z = await y;\n' });
    const { status, stderr } = run(['broken', '-o', 'broken-out']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/bad\.js:2:18: error YF1002: /);
    expect(stderr).toContain('> 2 | export const z = await y;');
    expect(stderr).toMatch(/1 errors$/m);
    expect(fs.existsSync(path.join(work, 'broken-out/bad.js'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'broken-out/ok.js'))).toBe(true);
  });

  it('rejects bad usage with exit status 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['src', '--write', '--out-dir', 'x']).status).toBe(2);
    expect(run(['no-such-dir']).status).toBe(2);
    expect(run(['--helpers']).status).toBe(2);
  });

  it('spreads large inputs over worker threads with the same results', () => {
    const many: Record<string, string> = {};
    const body = `export async function f(x) {\n${'  await x;\n'.repeat(800)}  return x;\n}\n`;
    for (let i = 0; i < 12; i++) many[`big/f${i}.js`] = body;
    tree(many);
    const threaded = run(['big', '-o', 'big-threads', '--jobs', '2']);
    const single = run(['big', '-o', 'big-single', '--jobs', '1']);
    expect(threaded.status).toBe(0);
    expect(single.status).toBe(0);
    for (let i = 0; i < 12; i++) {
      expect(fs.readFileSync(path.join(work, `big-threads/f${i}.js`), 'utf8')).toBe(fs.readFileSync(path.join(work, `big-single/f${i}.js`), 'utf8'));
    }
  });
});
