// parseOnlyAsyncStatements (the build plugins' default): top-level statements without async syntax
// are blanked before parsing. The scan must split only where statements certainly end, give up when
// it cannot be sure, and the lowering must come out the same as from a whole parse.
import { describe, expect, it } from 'vitest';
import { DiagnosticCodes, YieldfromError, transform } from '@yieldfrom/transformer';
import { blankStatementsWithoutAsync, topLevelStatementEnds } from '../../packages/transformer/dist/parse-only-async-statements.js';

/** The statements the scan finds, as text. */
function statements(code: string): string[] | null {
  const ends = topLevelStatementEnds(code);
  if (!ends) return null;
  return [0, ...ends].map((start, i) => code.slice(start, ends[i] ?? code.length)).filter((s) => s.trim());
}

describe('topLevelStatementEnds', () => {
  it('splits at top-level semicolons and after blocks followed by a new statement, where the line ends', () => {
    expect(statements('const a = 1; let b = { c: 2 };\nfunction f() { return 1; } // one\nclass C { m() {} }\r\nf();')).toEqual([
      'const a = 1; let b = { c: 2 };\n',
      'function f() { return 1; } // one\n',
      'class C { m() {} }\r\n',
      'f();',
    ]);
  });

  it('does not split where the statement goes on after a brace', () => {
    for (const code of [
      'if (a) { b(); } else { c(); }',
      'try { a(); } catch { b(); } finally { c(); }',
      'do { a(); } while (b);',
      'export { a } from "./a";',
      'x = {} instanceof Y;',
      'const o = { a: 1 } as const;',
      'f = function () {}\n(g);',
      'x = {}\n.toString();',
      'tag = {}\n`template`;',
    ]) {
      expect(statements(code), code).toEqual([code]);
    }
  });

  it('reads strings, comments, templates and regular expressions without splitting inside them', () => {
    const code = [
      'const s = "a;\\',
      ' } b";',
      "const t = 'c;\\",
      " { d';",
      '/* e;',
      ' } */',
      'const u = `g;',
      ' ${ { h: "}" }.h } i;',
      ' ${`j;',
      ' ${1}`}`;',
      'const r = /k; }[/]/g.test(x);',
      'const q = a / b / c;',
    ].join('\n');
    expect(statements(code)).toEqual([
      'const s = "a;\\\n } b";\n',
      "const t = 'c;\\\n { d';\n",
      '/* e;\n } */\nconst u = `g;\n ${ { h: "}" }.h } i;\n ${`j;\n ${1}`}`;\n',
      'const r = /k; }[/]/g.test(x);\n',
      'const q = a / b / c;',
    ]);
  });

  it('gives up when it cannot be sure: a quote left open on its line (JSX text), unbalanced brackets', () => {
    expect(topLevelStatementEnds("const p = <p>Don't; go</p>;")).toBeNull();
    // JSX text at depth 0 may hold `;` and a closing tag's `/` (once split inside such text, a
    // generator was put into it).
    expect(topLevelStatementEnds('const el = <div>\n  Note;\n  {f}\n  ok;\n</div>; // a/b')).toBeNull();
    expect(topLevelStatementEnds('render(<>\n  x;\n</>);')).toBeNull();
    // `<` after a name or a closing bracket compares.
    expect(topLevelStatementEnds('for (let i = 0; i < n; i++) f(i);\nconst b = a<c;\nx = (y) < z;')).not.toBeNull();
    expect(topLevelStatementEnds('f(;')).toBeNull();
    expect(topLevelStatementEnds('a);')).toBeNull();
    expect(topLevelStatementEnds('const s = "unterminated;\nx;')).toBeNull();
  });
});

describe('blankStatementsWithoutAsync', () => {
  it('blanks statements without async syntax, keeping every offset and line; never the first line', () => {
    const code = 'import { g } from "g";\nexport function add(a, b) { return a + b; }\r\nexport async function f() { await g(); }\n';
    const { text, unparsed, blankedModuleSyntax } = blankStatementsWithoutAsync(code);
    expect(text.length).toBe(code.length);
    // A blank is an empty statement and a comment, as long as the statement, its line breaks at its end.
    expect(text).toBe(`import { g } from "g";\n;/*${' '.repeat(39)}*/\nexport async function f() { await g(); }\n`);
    expect(unparsed).toEqual([[23, 68]]);
    expect(blankedModuleSyntax).toBe(true);
  });

  it('keeps the directive prologue with the statement that ends it, so no later string becomes a directive', () => {
    const code = '"use asm";\nvar x = 1;\n"use strict";\nvar y = 2;\nasync function f(a) { a = 2; return arguments[0]; }\n';
    const { text, unparsed } = blankStatementsWithoutAsync(code);
    expect(text.startsWith('"use asm";\nvar x = 1;\n')).toBe(true);
    expect(unparsed).toEqual([[22, 47]]);
    // Sloppy, as natively: `arguments` follows the parameter.
    const options = { filename: 'm.js', sourceType: 'script' } as const;
    expect(transform(code, { ...options, parseOnlyAsyncStatements: true }).code).toBe(transform(code, options).code);
  });

  it('leaves out everything after the statement with the last async syntax, unread', () => {
    // A quote left open on its line (JSX text) would make the scan give up; after the last async
    // statement it is never read.
    const code = 'import React from "react";\nexport async function load() { await 1; }\nexport const P = () => <p>Don\'t; go</p>;\n';
    expect(topLevelStatementEnds(code)).toBeNull();
    const { text, unparsed } = blankStatementsWithoutAsync(code);
    expect(unparsed).toEqual([[code.indexOf('export const P'), code.length]]);
    // Cut off: nothing after it needs its position.
    expect(text).toBe(code.slice(0, code.indexOf('export const P')));
  });

  it('keeps directives, and statements spelling a \\u escape', () => {
    const code = '"use strict";\nvar \\u005fx = 1;\nvar y = 2;\nasync function f() {}\n';
    const { text } = blankStatementsWithoutAsync(code);
    expect(text.startsWith('"use strict";\nvar \\u005fx = 1;\n')).toBe(true);
    expect(text).toContain('async function f() {}');
    expect(text).not.toContain('var y');
  });
});

describe('transform with parseOnlyAsyncStatements', () => {
  const options = { filename: 'm.js', parseOnlyAsyncStatements: true } as const;

  it('lowers the same as a whole parse, names from blanked statements avoided', () => {
    const code = 'const _f = 1;\nfunction _spawn() {}\nexport async function f() { return [_f, _spawn, await 1]; }\n';
    const fast = transform(code, options).code;
    expect(fast).toBe(transform(code, { filename: 'm.js' }).code);
    expect(fast).toContain('_f2');
    expect(fast).toContain('_spawn2');
  });

  it('still reports errors in the statements it parses, at their place', () => {
    let error: unknown;
    try {
      transform('const a = 1;\nfunction b() {}\nasync function f() {\n  return await ;\n}\n', options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YieldfromError);
    expect((error as YieldfromError).code).toBe(DiagnosticCodes.SYNTAX_ERROR);
    expect((error as YieldfromError).diagnostic.loc).toEqual({ line: 4, column: 15 });
  });

  it('leaves syntax errors in blanked statements to the host, and parses whole files without it', () => {
    const code = 'const a = 1;\nconst b = ;\nasync function f() { await a; }\n';
    expect(transform(code, options).code).toContain('\nconst b = ;\n');
    expect(() => transform(code, { filename: 'm.js' })).toThrow(YieldfromError);
    // The first line is always parsed: the helpers' import would move what the host reports there.
    expect(() => transform('const a = ;\nasync function f() { await a; }\n', options)).toThrow(YieldfromError);
  });

  it('keeps the statements around a blank apart, as the blanked one did (ASI)', () => {
    // Blanked to a comment alone, `log('B');` let the arrow's body run on into `(async () => ...)()`.
    for (const source of ["var a = async () => await {}\nlog('B');\n(async () => log('C'))();\n", "var f = async function () {}\nlog('x');\n(async () => {})();\n"]) {
      expect(transform(source, { filename: 'asi.cjs', parseOnlyAsyncStatements: true }).code).toBe(transform(source, { filename: 'asi.cjs' }).code);
    }
  });

  it('lowers an async arrow inside JSX text as a whole parse does', () => {
    const source = 'import x from "./x.js";\nconst el = <div>\n  Note;\n  {async () => 1}\n  ok;\n</div>; // see a/b\n';
    const whole = transform(source, { filename: 'el.jsx' }).code;
    expect(transform(source, { filename: 'el.jsx', parseOnlyAsyncStatements: true }).code).toBe(whole);
    expect(whole).toContain('{() => _spawn(_anonymous, void 0, [])}');
  });

  it('falls back to a whole parse when the blanked text does not parse', () => {
    // The export spells `async`, so it is parsed, but names a function in a blanked statement: the
    // parser rejects the blanked text, and only the fallback makes this succeed.
    const code = 'const one = 1;\nfunction helper() {}\nasync function f() { await one; }\nexport { helper, f as async };\n';
    expect(blankStatementsWithoutAsync(code).unparsed).toEqual([[15, 36]]);
    expect(transform(code, options).code).toBe(transform(code, { filename: 'm.js' }).code);
  });

  it('decides `unambiguous` from blanked import and export too', () => {
    const code = 'export const a = 1;\nasync function f() { await a; }\n';
    const fast = transform(code, { ...options, sourceType: 'unambiguous' }).code;
    expect(fast).toBe(transform(code, { filename: 'm.js', sourceType: 'unambiguous' }).code);
    expect(fast).toMatch(/^import /);
  });
});
