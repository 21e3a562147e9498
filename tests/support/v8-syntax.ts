// Whether V8 (this Node) accepts texts as modules or scripts, early errors included. A module is
// compiled with vm.SourceTextModule, which needs --experimental-vm-modules: one child process
// checks every text of a batch.
import { spawnSync } from 'node:child_process';

export interface SyntaxCase {
  code: string;
  sourceType: 'module' | 'script';
}

const checker = `
const vm = require('node:vm');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
  const accepted = JSON.parse(input).map(({ code, sourceType }) => {
    try {
      if (sourceType === 'module') new vm.SourceTextModule(code);
      else new vm.Script(code);
      return true;
    } catch (error) {
      if (error instanceof SyntaxError) return false;
      throw error;
    }
  });
  process.stdout.write(JSON.stringify(accepted));
});`;

/** For each case, true when V8 compiles it. */
export function v8Accepts(cases: SyntaxCase[]): boolean[] {
  const child = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '-e', checker], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the syntax checker failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as boolean[];
}

/**
 * Whether a syntax error Babel's parser reports is one V8 leaves to run time: V8 compiles an
 * assignment to a call (`f() = 1`, `f()++`, `for (f() of xs)`) and throws a ReferenceError if it
 * runs (web compatibility), where the specification makes it an early error.
 */
export function isLeftToRunTimeByV8(syntaxErrorMessage: string): boolean {
  return /Invalid left-hand side/.test(syntaxErrorMessage);
}
