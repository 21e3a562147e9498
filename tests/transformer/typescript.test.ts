// TypeScript syntax that exec fixtures (one script each, compiled by TypeScript) cannot hold.
//
// A `.cts` file is CommonJS TypeScript: `import x = require()`, `import`, `export` and `export =` are
// all TypeScript syntax there (tsc compiles them to require and exports), so the lowering takes them
// and gets its helpers by `require`.
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { transform } from '@yieldfrom/transformer';
import { compileTypeScript, describe as describeValue, settle } from '../support/exec.js';

const source = `import path = require('node:path');
import { EventEmitter } from 'node:events';
import type { Stats } from 'node:fs';
namespace Paths {
  export const base = async (file: string): Promise<string> => path.basename(await file);
}
export async function announce(file: string, stats?: Stats) {
  const emitter = new EventEmitter();
  emitter.on('name', (name: string) => log('emitted', name));
  emitter.emit('name', await Paths.base(file));
  return stats ?? 'no stats';
}
announce('/tmp/a.txt').then((v) => log('done', v));
log('sync end');
`;

/** Compiles TypeScript to CommonJS as tsc would and runs it with Node's require; returns the log. */
async function runCommonJs(code: string): Promise<string[]> {
  const log: string[] = [];
  const { outputText } = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } });
  const module = { exports: {} };
  new Function('require', 'module', 'exports', 'log', outputText)(createRequire(import.meta.url), module, module.exports, (...values: unknown[]) =>
    log.push(values.map((value) => describeValue(value)).join(' '))
  );
  await settle();
  return log;
}

describe('CommonJS TypeScript (.cts)', () => {
  it('lowers import = require, import, export and namespace exports, with the helpers by require', async () => {
    for (const helpers of ['import', 'inline'] as const) {
      const { code } = transform(source, { filename: 'src/announce.cts', helpers });
      if (helpers === 'import') expect(code).toMatch(/require\("@yieldfrom\/runtime\/spawn"\)/);
      expect(code).not.toMatch(/\basync\b|\bawait\b/);
      const native = await runCommonJs(source);
      expect(native).toContain('done no stats');
      expect(await runCommonJs(code)).toEqual(native);
    }
  });
});

describe('decorators in either position', () => {
  it('takes export @d class and @d export class, lowering their methods to TypeScript that compiles', () => {
    for (const source of ['export @sealed class A { @bound async m() { await 1; } }', '@sealed export class A { @bound async m() { await 1; } }']) {
      const { code } = transform(source, { filename: 'a.ts' });
      expect(code).not.toMatch(/\basync\b|\bawait\b/);
      expect(code).toContain(source.startsWith('export') ? 'export @sealed class A' : '@sealed export class A');
      expect(() => compileTypeScript(code, { module: ts.ModuleKind.ESNext })).not.toThrow();
    }
  });
});

describe('accessor fields', () => {
  it('parse with or without decorators in the file, and lower to TypeScript that compiles', async () => {
    for (const source of ['class C { accessor x = 1; async m() { await null; return this.x; } }', 'class C { @d accessor x = 1; async m() { await null; return this.x; } }\nfunction d() {}']) {
      const { code } = transform(source, { filename: 'c.ts' });
      expect(code).not.toMatch(/\basync\b|\bawait\b/);
      expect(() => compileTypeScript(code, { module: ts.ModuleKind.ESNext })).not.toThrow();
    }
  });
});

describe('pragmas', () => {
  it('@jsxImportSource still chooses the JSX runtime: the helpers go after the comments in front', () => {
    const source = '/** @jsxImportSource preact */\nexport async function view(load: () => Promise<string>) {\n  return <p>{await load()}</p>;\n}\n';
    const jsx = (code: string) => compileTypeScript(code, { module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.ReactJSX });
    expect(jsx(source)).toContain('from "preact/jsx-runtime"');
    expect(jsx(transform(source, { filename: 'view.tsx' }).code)).toContain('from "preact/jsx-runtime"');
  });
});
