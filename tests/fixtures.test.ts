// Walks tests/fixtures/<concern>/<case>/. Each case may have:
//   input.js|ts  -> output.js|ts   snapshot of the lowering (written when missing, UPDATE_FIXTURES=1 rewrites)
//   exec.js                         run natively and lowered; the two logs must be identical
//   exec.ts                         the same for TypeScript: both texts compiled by TypeScript (ES2022) to run
//   options.json                    transform options (inherited down the tree), or { "errorCode": "YF1002" };
//                                   "typescript": compiler options for exec.ts (experimentalDecorators...)
//                                   "runAs": "commonjs" runs exec.js (both texts) inside the function a
//                                   CommonJS loader wraps a file in
//   expected.json                   for behaviour native Node 20 gets wrong (ecma262 changes newer than
//                                   V8 11.3): the log the specification requires, checked against the lowering;
//                                   with "v8DiffersFromSpecification" in options.json, current V8 gets it wrong too
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { findAsyncSyntax, transform, YieldfromError } from '@yieldfrom/transformer';
import { runBoth, lower, runScript, compileTypeScript } from './support/exec.js';

const root = path.join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

interface CaseOptions {
  errorCode?: string;
  typescript?: Record<string, unknown>;
  runAs?: 'commonjs';
  v8DiffersFromSpecification?: boolean;
  [option: string]: unknown;
}

function readJson(file: string): Record<string, unknown> {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

function walk(dir: string, inherited: CaseOptions) {
  const options = { ...inherited, ...readJson(path.join(dir, 'options.json')) } as CaseOptions;
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const input = [...files].find((f) => /^input\.[cm]?[jt]sx?$/.test(f));
  if (input || files.has('exec.js') || files.has('exec.ts')) {
    defineCase(dir, options, files, input);
    return;
  }
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    describe(entry.name, () => walk(path.join(dir, entry.name), options));
  }
}

/** `code` as Node's CommonJS loader runs a file: the body of a function called with the module's arguments. */
function wrapAsCommonJs(code: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${code}\n}).call({}, {}, () => {}, {}, "/app/exec.js", "/app");`;
}

function defineCase(dir: string, options: CaseOptions, files: Set<string>, input: string | undefined) {
  const { errorCode, typescript, runAs, v8DiffersFromSpecification: _, ...transformOptions } = options;
  if (input) {
    const extension = path.extname(input);
    const source = fs.readFileSync(path.join(dir, input), 'utf8');
    if (errorCode) {
      it('reports its diagnostic', () => {
        let error: unknown;
        try {
          transform(source, { filename: input, ...transformOptions });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(YieldfromError);
        const diagnostic = (error as YieldfromError).diagnostic;
        expect(diagnostic.code).toBe(errorCode);
        expect(diagnostic.loc).toBeDefined();
        expect(diagnostic.frame).toContain('^');
      });
    } else {
      it('lowers to the expected output', () => {
        const { code } = transform(source, { filename: input, ...transformOptions });
        // The runtime's module names (`@yieldfrom/runtime/await-marker`) are no syntax.
        const syntax = code.replace(/"@yieldfrom\/runtime\/[\w-]+"/g, '""');
        // Functions marked `@yieldfrom-ignore` stay async on purpose: the package's own scanner skips them.
        if (source.includes('@yieldfrom-ignore')) expect(findAsyncSyntax(code, { filename: input, ...transformOptions })).toEqual([]);
        else expect(syntax).not.toMatch(/\basync\s+(function|\(|\w+\s*=>|[\w$#[]+\s*\()|\bawait\b/);
        const outputFile = path.join(dir, `output${extension}`);
        if (update || !fs.existsSync(outputFile)) fs.writeFileSync(outputFile, code);
        expect(code).toBe(fs.readFileSync(outputFile, 'utf8'));
        // Lowering the output again changes nothing.
        expect(transform(code, { filename: input, ...transformOptions }).code).toBe(code);
        // Parsing only the statements with async syntax (as the build plugins do) changes nothing either.
        expect(transform(source, { filename: input, ...transformOptions, parseOnlyAsyncStatements: true }).code).toBe(code);
        // Lowered TypeScript is still TypeScript that TypeScript itself reads without a syntax error.
        if (/\.[cm]?tsx?$/.test(input)) {
          const { diagnostics = [] } = ts.transpileModule(code, { fileName: input, reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ESNext } });
          expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
        }
      });
    }
  }
  if (files.has('exec.js')) {
    const source = fs.readFileSync(path.join(dir, 'exec.js'), 'utf8');
    if (files.has('expected.json')) {
      it('runs lowered as the specification requires', async () => {
        const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as string[];
        const { log } = await runScript(lower(source, transformOptions), 'lowered.js');
        expect(log).toEqual(expected);
      });
    } else {
      it('runs the same natively and lowered', async () => {
        const { native, lowered } = await runBoth(source, transformOptions, runAs === 'commonjs' ? wrapAsCommonJs : undefined);
        expect(native.length).toBeGreaterThan(0);
        expect(lowered).toEqual(native);
        expect(lower(source, { ...transformOptions, parseOnlyAsyncStatements: true })).toBe(lower(source, transformOptions));
      });
    }
  }
  if (files.has('exec.ts')) {
    const source = fs.readFileSync(path.join(dir, 'exec.ts'), 'utf8');
    const tsOptions = { filename: 'exec.ts', ...transformOptions };
    it('runs the same natively and lowered, compiled by TypeScript', async () => {
      const { native, lowered } = await runBoth(source, tsOptions, (code) => compileTypeScript(code, typescript));
      expect(native.length).toBeGreaterThan(0);
      expect(lowered).toEqual(native);
      expect(lower(source, { ...tsOptions, parseOnlyAsyncStatements: true })).toBe(lower(source, tsOptions));
    });
  }
}

describe('fixtures', () => walk(root, {}));
