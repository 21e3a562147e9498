// "const n: number = await f(<b>x</b>)" => "const n = await f(__yieldfromJsx("b", null, "x"))"
//
// Browsers run neither TypeScript nor JSX, so a run compiles both away with TypeScript's
// transpileModule, targeting ESNext: async functions, generators and every other modern form are left
// exactly as they are. JSX becomes calls to a factory the run worker provides (elements as plain
// objects, so a program can print them). Loaded only when a TypeScript or JSX program runs (the
// compiler is large).
import ts from 'typescript';
import type { SourceMap } from '@yieldfrom/transformer';
import { jsxFactory, jsxFragment } from './protocol';

export function compileAway(code: string, filename: string, { sourceMap }: { sourceMap: boolean }): { code: string; map?: SourceMap } {
  const result = ts.transpileModule(code, {
    fileName: filename,
    reportDiagnostics: false,
    compilerOptions: {
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.Preserve,
      jsx: ts.JsxEmit.React,
      jsxFactory,
      jsxFragmentFactory: jsxFragment,
      sourceMap,
      inlineSourceMap: false,
      removeComments: false,
      verbatimModuleSyntax: false,
    },
  });
  const text = result.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, '');
  return { code: text, ...(result.sourceMapText ? { map: JSON.parse(result.sourceMapText) as SourceMap } : {}) };
}
