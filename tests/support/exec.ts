// Runs a program natively and lowered, each in a fresh realm, and returns what it logged. The log
// is the oracle: same values, same errors, same order across microtask ticks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { transform, type TransformOptions } from '@yieldfrom/transformer';
import { runScript } from './run-script.mjs';

export { describe, runScript, settle, type RunResult } from './run-script.mjs';

const child = fileURLToPath(new URL('./run-script-child.mjs', import.meta.url));

/**
 * runScript in a child process: the log, or null when the program has not gone quiet after
 * `timeoutMs` (an endless microtask loop never lets the parent's own turns come).
 */
export function runScriptInChild(code: string, filename: string, timeoutMs = 5000): Promise<string[] | null> {
  return new Promise((resolve, reject) => {
    // (What the program prints with `console` goes to the child's standard error, left out here.)
    const runner = spawn(process.execPath, [child], { env: { ...process.env, RUN_SCRIPT_FILENAME: filename }, stdio: ['pipe', 'pipe', 'ignore'] });
    let output = '';
    const timer = setTimeout(() => runner.kill('SIGKILL'), timeoutMs);
    runner.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    runner.on('error', reject);
    runner.on('close', (status) => {
      clearTimeout(timer);
      if (status === 0) resolve(JSON.parse(output) as string[]);
      else if (status === null) resolve(null);
      else reject(new Error(`the program's runner exited with status ${status}`));
    });
    runner.stdin.end(code);
  });
}

export function lower(code: string, options: TransformOptions = {}): string {
  return transform(code, { helpers: 'inline', sourceType: 'script', filename: 'exec.js', ...options }).code;
}

/**
 * Runs `code` natively and lowered; returns both logs and the lowered code. `compile` turns each text
 * into what runs (TypeScript's emit for exec.ts fixtures).
 */
export async function runBoth(code: string, options: TransformOptions = {}, compile: (code: string) => string = (text) => text) {
  const lowered = lower(code, options);
  const native = await runScript(compile(code), 'native.js');
  const lowerRun = await runScript(compile(lowered), 'lowered.js');
  return { native: native.log, lowered: lowerRun.log, code: lowered };
}

/**
 * What `tsc` emits for `code` at ES2022 (types erased, decorators and namespaces compiled), with
 * `compilerOptions` on top. A syntax error TypeScript reports (in lowered TypeScript, say) throws.
 */
export function compileTypeScript(code: string, compilerOptions: ts.CompilerOptions = {}): string {
  const { outputText, diagnostics = [] } = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, ...compilerOptions },
    reportDiagnostics: true,
  });
  if (diagnostics.length) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '', getNewLine: () => '\n' }) + '\n' + code);
  return outputText;
}
