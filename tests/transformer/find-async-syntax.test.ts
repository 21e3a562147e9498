// findAsyncSyntax, which `yieldfrom --check` runs: every construct that would still run as async code,
// and nothing the type-stripping step erases.
import { describe, expect, it } from 'vitest';
import { findAsyncSyntax, transform } from '@yieldfrom/transformer';

const sites = (code: string, filename: string) => findAsyncSyntax(code, { filename }).map((s) => `${s.what} ${s.line}:${s.column}`);

describe('findAsyncSyntax', () => {
  it('lists each async function, generator, await, for await and await using', () => {
    const code = 'async function f() { await 1 }\nasync function* g(xs) { for await (const x of xs) yield x }\nasync function h() { await using r = null }';
    expect(sites(code, 'a.js')).toEqual(['async function 1:0', 'await 1:21', 'async generator 2:0', 'for await 2:24', 'async function 3:0', 'await using 3:21']);
  });

  it('leaves out TypeScript overloads and declare signatures, which have no body', () => {
    const code = [
      'export async function f(a: string): Promise<string>;',
      'export async function f(a: number): Promise<number>;',
      'export async function f(a: any) { return a }',
      'declare class D { m(): Promise<void> }',
      'class B { async m(): Promise<void>; async m(x?: number) { await x } }',
    ].join('\n');
    expect(sites(code, 'a.ts')).toEqual(['async function 3:7', 'async function 5:36', 'await 5:58']);
    // Lowered, nothing is left that runs.
    expect(sites(transform(code, { filename: 'a.ts' }).code, 'a.ts')).toEqual([]);
  });

  it('leaves out functions kept native with a @yieldfrom-ignore comment, and all inside them', () => {
    const code = [
      '/* @yieldfrom-ignore */ export async function kept() { await 1; return async () => { for await (const x of []); } }',
      'async function lowered(page) { return page.evaluate(/* @yieldfrom-ignore */ async () => await 2); }',
      '// @yieldfrom-ignore',
      'function inject() { return async () => await 3; }',
      '/* @yieldfrom-ignore */ const notAFunction = async () => await 4;',
    ].join('\n');
    expect(sites(code, 'a.js')).toEqual(['async function 2:0', 'async function 5:45', 'await 5:57']);
  });
});
