// Runs a program natively and lowered, each in a fresh realm, and returns what it logged. The log
// is the oracle: same values, same errors, same order across microtask ticks.
import vm from 'node:vm';
import ts from 'typescript';
import { transform, type TransformOptions } from '@yieldfrom/transformer';

export interface RunResult {
  log: string[];
}

/** Formats a logged value the same way for both realms (objects from either realm look alike). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return `function ${value.name}`;
  if (value instanceof Object || (typeof value === 'object' && value !== null)) {
    const tag = Object.prototype.toString.call(value);
    if (tag === '[object Error]' || (value as Error).stack !== undefined && 'message' in (value as object)) {
      return `${(value as Error).name}: ${(value as Error).message}`;
    }
    if (tag === '[object Promise]') return 'Promise';
    try {
      return JSON.stringify(value) ?? tag;
    } catch {
      return tag;
    }
  }
  return typeof value === 'bigint' ? `${value}n` : String(value);
}

/** Waits until the microtask queue has drained and a few macrotask turns passed. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Evaluates `code` as a script in a new context with `log(...values)`; waits for it to go quiet.
 * A synchronous throw is logged as `uncaught <Error>`.
 */
export async function runScript(code: string, filename: string): Promise<RunResult> {
  const log: string[] = [];
  const context = vm.createContext({
    log: (...values: unknown[]) => log.push(values.map(describe).join(' ')),
    setTimeout,
    console,
  });
  try {
    vm.runInContext(code, context, { filename });
  } catch (error) {
    log.push(`uncaught ${describe(error)}`);
  }
  await settle();
  return { log };
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
