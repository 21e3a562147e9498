// How TypeScript (transpileModule at target ES2016) and Babel (its async-to-generator and async
// generator plugins, and its explicit resource management one, without which `await using` would be
// left inside the generator) lower the same code. Both compilers are large: this module is loaded by the
// transform worker only when the Compare pane is first opened.
import ts from 'typescript';
import * as babel from '@babel/standalone';
import type { Comparison } from './protocol';

export function compareLowerings(code: string, filename: string): Comparison {
  return { typescript: lowerWithTypeScript(code, filename), babel: lowerWithBabel(code, filename) };
}

function lowerWithTypeScript(code: string, filename: string): string {
  try {
    const result = ts.transpileModule(code, {
      fileName: filename,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.Preserve },
    });
    const errors = (result.diagnostics ?? []).map((d) => `// TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    return [...errors, result.outputText].join('\n');
  } catch (error) {
    return `// TypeScript failed: ${(error as Error).message}`;
  }
}

function lowerWithBabel(code: string, filename: string): string {
  const isTypeScript = /\.[cm]?tsx?$/.test(filename);
  try {
    return (
      babel.transform(code, {
        filename,
        babelrc: false,
        configFile: false,
        presets: isTypeScript ? [['typescript', { allExtensions: true, isTSX: /x$/.test(filename) }]] : [],
        plugins: ['syntax-jsx', 'transform-explicit-resource-management', 'transform-async-generator-functions', 'transform-async-to-generator'],
      }).code ?? ''
    );
  } catch (error) {
    return `// Babel failed: ${(error as Error).message}`;
  }
}
