// Instructions a process executes, every thread, counted by valgrind's callgrind: repeatable to a few
// parts in ten thousand where this machine's timings vary by tens of percent. Null without valgrind.
//   countInstructions([process.execPath, 'file.cjs']) => 2065850801
import { spawnSync } from 'node:child_process';

let available;

/** Runs `command` (program and arguments) under callgrind and returns the instructions it executed. */
export function countInstructions(command, { cwd } = {}) {
  available ??= spawnSync('valgrind', ['--version']).status === 0;
  if (!available) return null;
  // --smc-check: V8 writes the code it runs (JIT), which valgrind must see as new code.
  const result = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', ...command], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const collected = /Collected : (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !collected) throw new Error(`${command.join(' ')} under callgrind failed:\n${result.stderr.slice(-2000)}`);
  return Number(collected[1]);
}
