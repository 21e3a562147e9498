// The Babel plugin inside a real Babel transform: the same lowering as transform(), alone and next
// to @babel/preset-typescript, with source maps that lead each `yield` back to its `await`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { transformSync, type TransformOptions } from '@babel/core';
import { findAsyncSyntax, transform } from '@yieldfrom/transformer';
import { appDir, awaitCount, temporaryDir, yieldsMappedToAwaits } from './support.js';
import { runScript } from '../support/exec.js';

const plugin = '@yieldfrom/transformer/babel';
const babel = (code: string, options: TransformOptions) => transformSync(code, { babelrc: false, configFile: false, ...options })!;

const typed = [
  'interface Job { name: string; ticks: number }',
  'async function run({ name, ticks }: Job): Promise<string> {',
  '  log(`start ${name}`);',
  '  for (let i = 0; i < ticks; i++) await (null as unknown);',
  '  return name;',
  '}',
  'class Runner<T extends Job> {',
  '  constructor(private readonly jobs: T[]) {}',
  '  async all(): Promise<string[]> {',
  '    const done: string[] = [];',
  '    for (const job of this.jobs) done.push(await run(job));',
  '    return done;',
  '  }',
  '}',
  'new Runner([{ name: "a", ticks: 2 }, { name: "b", ticks: 1 }]).all().then((names) => log(names.join(",")));',
  'Promise.resolve().then(() => log("tick"));',
  '',
].join('\n');

describe('Babel plugin', () => {
  it('produces the same program as transform()', () => {
    for (const file of fs.readdirSync(path.join(appDir, 'src')).map((name) => path.join(appDir, 'src', name))) {
      const source = fs.readFileSync(file, 'utf8');
      const viaBabel = babel(source, { filename: file, plugins: [plugin] }).code!;
      const direct = transform(source, { filename: file }).code;
      // Babel reprints the program: compare after printing both through Babel with no plugins.
      const reprint = (code: string) => babel(code, { filename: 'x.js' }).code;
      expect(reprint(viaBabel)).toBe(reprint(direct));
      expect(findAsyncSyntax(viaBabel, { filename: file })).toEqual([]);
    }
  });

  it('runs alongside preset-typescript, in any order, and behaves like the native build', async () => {
    const native = babel(typed, { filename: 'jobs.ts', sourceType: 'script', presets: ['@babel/preset-typescript'] }).code!;
    const nativeRun = await runScript(native, 'native.js');
    expect(nativeRun.log).toEqual(['start a', 'tick', 'start b', 'a,b']);
    // The preset (whose plugins run after all plugins), and the TypeScript plugin before and after ours.
    const typescript = '@babel/plugin-transform-typescript';
    const setups: TransformOptions[] = [
      { presets: ['@babel/preset-typescript'], plugins: [[plugin, { helpers: 'inline' }]] },
      { plugins: [typescript, [plugin, { helpers: 'inline' }]] },
      { plugins: [[plugin, { helpers: 'inline' }], typescript] },
    ];
    for (const setup of setups) {
      const lowered = babel(typed, { filename: 'jobs.ts', sourceType: 'script', ...setup }).code!;
      expect(lowered).not.toMatch(/\binterface\b|: string|\basync\b|\bawait\b/);
      expect(lowered).toContain('function* _run({');
      expect((await runScript(lowered, 'lowered.js')).log).toEqual(nativeRun.log);
    }
  });

  it('source maps lead each yield back to its await, through an input map too', () => {
    const dir = temporaryDir('babel-maps');
    const sources = fs.readdirSync(path.join(appDir, 'src'));
    for (const name of sources) {
      const result = babel(fs.readFileSync(path.join(appDir, 'src', name), 'utf8'), { filename: path.join(appDir, 'src', name), sourceMaps: true, plugins: [plugin] });
      fs.writeFileSync(path.join(dir, name), result.code!);
      fs.writeFileSync(path.join(dir, `${name}.map`), JSON.stringify(result.map));
    }
    let yields = 0;
    for (const name of sources) {
      const counted = yieldsMappedToAwaits(path.join(dir, name), { sources: [name] });
      expect(counted.onAwait).toBe(counted.yields);
      yields += counted.yields;
    }
    expect(yields).toBe(awaitCount());

    // Several awaits on one line, behind text the lowering inserts: columns move, the map follows.
    const denseSource = 'export const f = async (x) => (await x) + (await 2);\nclass A { async m() { return [await 1, await this.x]; } }\n';
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'dense.js'), denseSource);
    const dense = babel(denseSource, { filename: path.join(dir, 'src', 'dense.js'), sourceMaps: true, plugins: [plugin] });
    fs.writeFileSync(path.join(dir, 'dense.js'), dense.code!);
    fs.writeFileSync(path.join(dir, 'dense.js.map'), JSON.stringify(dense.map));
    expect(yieldsMappedToAwaits(path.join(dir, 'dense.js'), { sourceDir: path.join(dir, 'src'), sources: ['dense.js'] })).toEqual({ yields: 4, onAwait: 4 });

    // TypeScript -> JavaScript by one Babel run, lowered by a second that chains the first's map.
    fs.writeFileSync(path.join(dir, 'jobs.ts'), typed);
    const stripped = babel(typed, { filename: path.join(dir, 'jobs.ts'), sourceMaps: true, presets: ['@babel/preset-typescript'] });
    const lowered = babel(stripped.code!, { filename: path.join(dir, 'jobs.js'), sourceMaps: true, inputSourceMap: stripped.map!, plugins: [plugin] });
    fs.writeFileSync(path.join(dir, 'jobs.js'), lowered.code!);
    fs.writeFileSync(path.join(dir, 'jobs.js.map'), JSON.stringify(lowered.map));
    expect(yieldsMappedToAwaits(path.join(dir, 'jobs.js'), { sourceDir: dir, sources: ['jobs.ts'] })).toEqual({ yields: 2, onAwait: 2 });
  });

  it('leaves files without async to Babel alone', () => {
    const code = 'export const answer = 42; // asynchronous? no\n';
    expect(babel(code, { filename: 'plain.js', plugins: [plugin] }).code).toBe(babel(code, { filename: 'plain.js' }).code);
  });

  it('passes diagnostics through as Babel errors with file:line:column and the code frame', () => {
    expect(() => babel('export const x = 1;\nexport const y = await x;', { filename: path.join(appDir, 'tla.mjs'), plugins: [plugin] })).toThrow(/tla\.mjs:2:18: error YF1002[\s\S]*> 2 \| export const y = await x;/);
  });

  it("reports Babel's own syntax errors where they are in the file, not in the lowered text", () => {
    // TypeScript that Babel is not told to parse: the lowering keeps it, behind the import it inserts on line 1.
    const code = 'export interface Job { name: string }\nexport async function f(job) { return await job }\n';
    expect(() => babel(code, { filename: 'jobs.ts', plugins: [plugin] })).toThrow(/\(1:8\)/);
  });

  it("lowers decorated methods to text Babel's legacy decorators read as the decorators they were", () => {
    // `@d [key]` would read as `@(d[key])` (and `@(d) [key]` as `(d)[key]`): decorated methods keep their keys.
    const code = 'class A {\n  @d async m() { await null; }\n  @d.e() async *g() { await null; yield 1; }\n}\n';
    const { code: lowered } = babel(code, { filename: 'a.js', parserOpts: { plugins: ['decorators-legacy'] }, plugins: [plugin] });
    expect(lowered).toMatch(/@d\s+m\(\)/);
    expect(lowered).toMatch(/@d\.e\(\)\s+g\(\)/);
  });

  it('fails on an invalid option value and warns once of an unknown name, as Babel loads it', () => {
    expect(() => babel('async function f() {}', { filename: 'a.js', plugins: [[plugin, { helpers: 'inlined' }]] })).toThrow(/YF2001[\s\S]*helpers/);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      babel('async function f() {}\nasync function g() {}', { filename: 'a.js', plugins: [[plugin, { helperz: 'inline' }]] });
      expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/warning YF2002: unknown option "helperz"/)]);
    } finally {
      warnings.mockRestore();
    }
  });

  it("prints the lowering's warnings with file:line:column", () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      babel('function f() { return async () => eval("arguments") }', { filename: 'ev.js', plugins: [plugin] });
      expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/ev\.js:1:35: warning YF3001/)]);
    } finally {
      warnings.mockRestore();
    }
  });
});
