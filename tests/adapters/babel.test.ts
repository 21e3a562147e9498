// The Babel plugin inside a real Babel transform: the same lowering as transform(), alone and next
// to @babel/preset-typescript.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transformSync } from '@babel/core';
import { transform } from '@yieldfrom/transformer';
import { appEntry } from './support.js';
import { runScript } from '../support/exec.js';

const plugin = '@yieldfrom/transformer/babel';

describe('Babel plugin', () => {
  it('produces the same program as transform()', () => {
    const source = fs.readFileSync(appEntry, 'utf8');
    const viaBabel = transformSync(source, { filename: appEntry, babelrc: false, configFile: false, plugins: [plugin] })!.code!;
    const direct = transform(source, { filename: appEntry }).code;
    // Babel reprints the program: compare after printing both through Babel with no plugins.
    const reprint = (code: string) => transformSync(code, { babelrc: false, configFile: false, filename: 'x.js' })!.code;
    expect(reprint(viaBabel)).toBe(reprint(direct));
    expect(viaBabel).not.toMatch(/\basync\b|\bawait\b/);
  });

  it('runs alongside preset-typescript, before type stripping', () => {
    const source = 'interface P { n: number }\nexport async function twice(p: P): Promise<number> { return (await p.n) * 2; }\n';
    const out = transformSync(source, { filename: 'twice.ts', babelrc: false, configFile: false, plugins: [plugin], presets: ['@babel/preset-typescript'] })!.code!;
    expect(out).not.toMatch(/interface|: number|\basync\b|\bawait\b/);
    expect(out).toContain('function* _twice(p)');
  });

  it('lowered through Babel, a program logs what it logs natively', async () => {
    const program = 'async function f(x) { log("in", x); const y = await x; log("out", y); return y + 1; }\nf(Promise.resolve(1)).then((v) => log("done", v));\nPromise.resolve().then(() => log("tick"));';
    const viaBabel = transformSync(program, { filename: 'p.js', babelrc: false, configFile: false, sourceType: 'script', plugins: [[plugin, { helpers: 'inline' }]] })!.code!;
    const native = await runScript(program, 'native.js');
    const lowered = await runScript(viaBabel, 'lowered.js');
    expect(native.log.length).toBe(4);
    expect(lowered.log).toEqual(native.log);
  });

  it('passes diagnostics through as Babel errors with the code frame', () => {
    expect(() => transformSync('export const x = await 1;', { filename: 'tla.mjs', babelrc: false, configFile: false, plugins: [plugin] })).toThrow(/YF1002[\s\S]*\^/);
  });
});
