// Bad input gets a clear error: a code, a message, file:line:column and a code frame; never output.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCodes, YieldfromError, formatDiagnostic, normalizeOptions, transform } from '@yieldfrom/transformer';

function failure(run: () => unknown): YieldfromError {
  try {
    run();
  } catch (error) {
    if (error instanceof YieldfromError) return error;
    throw error;
  }
  throw new Error('expected a YieldfromError');
}

describe('diagnostics', () => {
  it('reports a syntax error with its position and a frame', () => {
    const error = failure(() => transform('const a = 1;\nasync function f() {\n  return await ;\n}\n', { filename: 'src/bad.js' }));
    expect(error.code).toBe(DiagnosticCodes.SYNTAX_ERROR);
    expect(error.diagnostic.loc).toEqual({ line: 3, column: 15 });
    expect(error.message).toMatch(/^src\/bad\.js:3:16: error YF1001: /);
    expect(error.diagnostic.frame).toContain('> 3 |   return await ;');
  });

  it('says what is wrong with `for await` outside an async function', () => {
    for (const [code, filename] of [['function f() {\n  for await (const x of y);\n}', 'a.js'], ['for await (const x of y);', 'a.cjs']] as const) {
      const error = failure(() => transform(code, { filename }));
      expect(error.code).toBe(DiagnosticCodes.SYNTAX_ERROR);
      expect(error.diagnostic.message).toMatch(/^`for await` is only valid in async functions/);
      expect(error.diagnostic.frame).toMatch(/for await[^\n]*\n\s+\|\s+\^/);
    }
  });

  it('never prints a control character from the file: escaped in the message, a visible stand-in in the frame, the caret still under it', () => {
    // A NUL the parser stops at, on a line that also holds an escape sequence (which a terminal would obey).
    const error = failure(() => transform('async function f() { await 1 }\nconst s = "\u001b[2J"; const x = 1 \u0000 2;\n', { filename: 'bad\u001b.js' }));
    expect(error.code).toBe(DiagnosticCodes.SYNTAX_ERROR);
    expect(error.diagnostic.message).toBe("Unexpected character '\\u0000'.");
    const [, shown, caret] = error.diagnostic.frame!.split('\n') as [string, string, string];
    expect(shown).toBe('> 2 | const s = "\u241b[2J"; const x = 1 \u2400 2;');
    expect(caret.indexOf('^')).toBe(shown.indexOf('\u2400'));
    const printed = formatDiagnostic(error.diagnostic);
    expect(printed).toMatch(/^bad\\u001b\.js:2:/);
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('shows a window of a long line in the frame, with the caret under the error', () => {
    const prefix = `const s = "${'x'.repeat(5000)}"; `;
    const error = failure(() => transform(`${prefix}async function f() { return await ; }`, { filename: 'min.js' }));
    const [shown, caret] = error.diagnostic.frame!.split('\n') as [string, string];
    expect(shown.length).toBeLessThan(140);
    expect(shown).toMatch(/^> 1 \| …x+"; async function f\(\) \{ return await ; \}$/);
    expect(shown[caret.indexOf('^')]).toBe(';');
  });

  it('reports a file nested too deeply for the parser as such, not as a syntax error', () => {
    const deep = `const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\nasync function f() {}`;
    const error = failure(() => transform(deep, { filename: 'deep.js' }));
    expect(error.code).toBe(DiagnosticCodes.UNSUPPORTED);
    expect(error.message).toMatch(/^deep\.js: error YF1004: the parser ran out of stack/);
  });

  it('rejects top-level await in a module, naming the line', () => {
    const error = failure(() => transform('import x from "x";\nconst y = await x;\n', { filename: 'm.mjs' }));
    expect(error.code).toBe(DiagnosticCodes.TOP_LEVEL_AWAIT);
    expect(error.diagnostic.loc).toEqual({ line: 2, column: 10 });
  });

  it('treats await as an identifier in scripts', () => {
    expect(transform('var await = 1; log(await);', { sourceType: 'script' }).code).toBe('var await = 1; log(await);');
  });

  it('rejects await in a parameter default', () => {
    expect(failure(() => transform('async function f(a = await 1) {}')).code).toBe(DiagnosticCodes.AWAIT_IN_PARAMETERS);
    expect(failure(() => transform('const f = async (a = await 1) => a;')).code).toBe(DiagnosticCodes.AWAIT_IN_PARAMETERS);
  });

  it('rejects invalid option values before reading the code', () => {
    for (const options of [{ helpers: 'bundle' }, { sourceType: 'esm' }, { promise: 'bluebird' }, { sourceMaps: 'yes' }, { runtimeModule: '' }, { asyncFunctionPrototype: 'yes' }, { parseOnlyAsyncStatements: 1 }]) {
      const error = failure(() => transform('async function f() {}', options as never));
      expect(error.code).toBe(DiagnosticCodes.INVALID_OPTION);
      expect(formatDiagnostic(error.diagnostic)).toContain('<options>');
    }
  });

  it('warns where a file hands async functions to a package that tells them apart by their tag', () => {
    const codes = (code: string, options = {}) => transform(code, { filename: 'a.js', ...options }).diagnostics.map((d) => `${d.code} ${d.loc?.line}:${d.loc?.column}`);
    expect(codes('import async from "async";\nexport const f = async () => 1;')).toEqual(['YF3002 1:18']);
    expect(codes('const mapLimit = require("async/mapLimit");\nconst f = async () => 1;', { sourceType: 'script' })).toEqual(['YF3002 1:25']);
    expect(codes('import { map } from "async";\nexport const f = async () => 1;', { parseOnlyAsyncStatements: true })).toEqual(['YF3002 1:20']);
    expect(codes('import { map } from "neo-async";\nexport const f = async () => 1;')).toEqual([]);
    // Not with the option, not for other packages, not for a file whose only async functions are generators.
    expect(codes('import async from "async";\nexport const f = async () => 1;', { asyncFunctionPrototype: true })).toEqual([]);
    // `false` given says plain functions are meant.
    expect(codes('import async from "async";\nexport const f = async () => 1;', { asyncFunctionPrototype: false })).toEqual([]);
    expect(codes('import retry from "async-retry";\nexport const f = async () => 1;')).toEqual([]);
    expect(codes('import async from "async";\nexport async function* g() {}')).toEqual([]);
  });

  it('warns where a @yieldfrom-ignore comment stands before no function, so keeps nothing', () => {
    const codes = (code: string, options = {}) => transform(code, { filename: 'a.js', ...options }).diagnostics.map((d) => `${d.code} ${d.loc?.line}:${d.loc?.column}`);
    const misplaced = 'export const ok = 1;\n/* @yieldfrom-ignore */ const f = async () => await 1;';
    expect(codes(misplaced)).toEqual(['YF3003 2:0']);
    expect(codes(misplaced, { parseOnlyAsyncStatements: true })).toEqual(['YF3003 2:0']);
    expect(codes('const f = /* @yieldfrom-ignore */ async () => await 1;\n/* @yieldfrom-ignore */\nexport default async function () {}')).toEqual([]);
    // One inside a kept function marks what is kept anyway: nothing to say.
    expect(codes('/* @yieldfrom-ignore */ async function f() { return /* @yieldfrom-ignore */ async () => await 1; }')).toEqual([]);
    // A statement without async syntax is not read, and a comment there keeps nothing that needed keeping.
    expect(codes('/* @yieldfrom-ignore */ let x = 1;\nexport async function f() {}')).toEqual([]);
  });

  it('warns where an async function that page.evaluate sends as text to the page is lowered', () => {
    const codes = (code: string) => transform(code, { filename: 't.js' }).diagnostics.map((d) => `${d.code} ${d.loc?.line}:${d.loc?.column}`);
    const test = [
      'export async function check(page, locator) {',
      '  await page.evaluate(async () => await document.fonts.ready);',
      '  await locator?.$$eval("li", async function (items) { return items.length; });',
      '  await page.evaluate(/* @yieldfrom-ignore */ async () => await document.fonts.ready);',
      '  await page.evaluate(() => document.title);',
      '  await queue.run(async () => 1);',
      '}',
    ].join('\n');
    expect(codes(test)).toEqual(['YF3004 2:22', 'YF3004 3:30']);
    expect(transform(test, { filename: 't.js' }).diagnostics[0]!.message).toContain('`page.evaluate` runs this function elsewhere from its source text');
  });

  it('warns about unknown options and goes on', () => {
    const result = transform('async function f() {}', { target: 'es5' } as never);
    expect(result.diagnostics.map((d) => d.code)).toEqual([DiagnosticCodes.UNKNOWN_OPTION]);
    expect(result.code).toContain('function*');
  });

  it('returns nothing half-lowered: an error anywhere fails the whole file', () => {
    const error = failure(() => transform('async function ok() { await 1; }\nexport const x = await 2;\n', { filename: 'a.mjs' }));
    expect(error.diagnostics).toHaveLength(1);
  });

  it('fills in defaults from the file name', () => {
    expect(normalizeOptions({ filename: 'a.cts' }).options).toMatchObject({ sourceType: 'script', syntax: 'typescript' });
    expect(normalizeOptions({ filename: 'a.tsx' }).options).toMatchObject({ sourceType: 'module', syntax: 'tsx' });
    expect(normalizeOptions({}).options).toMatchObject({ filename: 'input.js', helpers: 'import', promise: 'intrinsic', sourceMaps: false });
  });

  it('leaves files without async untouched and unparsed (even invalid ones)', () => {
    const text = 'this is not JavaScript';
    expect(transform(text).code).toBe(text);
  });
});

describe('output', () => {
  it('is deterministic and idempotent', () => {
    const source = 'export async function a(x) { return await x; }\nexport const b = async () => a(1);\n';
    const first = transform(source).code;
    expect(transform(source).code).toBe(first);
    expect(transform(first).code).toBe(first);
  });

  it('keeps untouched lines byte for byte', () => {
    const source = '/* banner */\nconst  spaced  =  1 ;   // keep me\nasync function f() {\n  await 1;\n}\nfunction g( ) { return   2 }\n';
    const lines = transform(source).code.split('\n');
    // The helpers' import goes before the first token, on its line, after the comments in front.
    expect(lines[0]).toBe('/* banner */');
    expect(lines[1]).toBe('import { spawn as _spawn } from "@yieldfrom/runtime/spawn"; const  spaced  =  1 ;   // keep me');
    expect(lines[5]).toBe('function g( ) { return   2 }');
  });

  it('uses require in scripts and inline copies when asked', () => {
    expect(transform('async function f() {}', { sourceType: 'script' }).code).toMatch(/^var \{ spawn: _spawn \} = require\("@yieldfrom\/runtime\/spawn"\);/);
    // The default runtime is imported module by module, one statement each, in order of first use;
    // a custom runtime module (which may have no subpaths) whole.
    const generator = 'async function f() {} async function* g() { for await (const x of y); }';
    expect(transform(generator).code).toMatch(
      /^import \{ spawn as _spawn \} from "@yieldfrom\/runtime\/spawn"; import \{ awaitMarker as _awaitMarker \} from "@yieldfrom\/runtime\/await-marker"; import \{ forAwait as _forAwait \} from "@yieldfrom\/runtime\/for-await"; import \{ asyncGenerator as _asyncGenerator \} from "@yieldfrom\/runtime\/async-generator"; /
    );
    expect(transform(generator, { runtimeModule: 'my-runtime' }).code).toMatch(/^import \{ spawn as _spawn, awaitMarker as _awaitMarker, forAwait as _forAwait, asyncGenerator as _asyncGenerator \} from "my-runtime"; /);
    const script = transform(generator, { runtimeModule: 'my-runtime', sourceType: 'script' }).code;
    expect(script).toMatch(/^var \{ spawn: _spawn, awaitMarker: _awaitMarker, forAwait: _forAwait, asyncGenerator: _asyncGenerator, asyncGeneratorFunction: _asyncGeneratorFunction \} = require\("my-runtime"\); /);
    expect(script.match(/require\(/g)).toHaveLength(1);
    const inline = transform('async function f() {}', { helpers: 'inline' }).code;
    expect(inline).not.toMatch(/import|require/);
    expect(inline).toContain('function spawn(');
  });

  it('keeps a byte order mark, a hashbang and the comments in front first, and the output runs', () => {
    const source = '\uFEFF#!/usr/bin/env node\n/*! license */\n// @ts-nocheck\nconst a = async () => (await 1) + 1;\na().then((v) => console.log(v));\n';
    const { code } = transform(source, { filename: 'cli.mjs', helpers: 'inline' });
    expect(code.startsWith('\uFEFF#!/usr/bin/env node\n/*! license */\n// @ts-nocheck\nvar { spawn: _spawn } = ')).toBe(true);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldfrom-bom-'));
    fs.writeFileSync(path.join(directory, 'cli.mjs'), code);
    expect(execFileSync(process.execPath, [path.join(directory, 'cli.mjs')], { encoding: 'utf8' })).toBe('2\n');
    fs.rmSync(directory, { recursive: true });
  });

  it('keeps directives first and picks names that do not collide', () => {
    const code = transform('"use client";\nconst _spawn = 1, _f = 2;\nasync function f() {}\n').code;
    expect(code.startsWith('"use client"; import { spawn as _spawn2 } from "@yieldfrom/runtime/spawn";')).toBe(true);
    expect(code).toContain('function* _f2(');
  });
});
