// Runs a program in a fresh realm and returns what it logged: the oracle of every exec test (same
// values, same errors, same order across microtask ticks). Plain JavaScript, so a child process can
// run it too (run-script-child.mjs): a program that never goes quiet cannot hang the test run there.
import vm from 'node:vm';

/** Formats a logged value the same way for both realms (objects from either realm look alike). */
export function describe(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return `function ${value.name}`;
  if (value instanceof Object || (typeof value === 'object' && value !== null)) {
    const tag = Object.prototype.toString.call(value);
    if (tag === '[object Error]' || (value.stack !== undefined && 'message' in value)) {
      return `${value.name}: ${value.message}`;
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
export async function settle(turns = 5) {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Evaluates `code` as a script in a new context with `log(...values)`; waits for it to go quiet.
 * A synchronous throw is logged as `uncaught <Error>`.
 */
export async function runScript(code, filename) {
  const log = [];
  const context = vm.createContext({
    log: (...values) => log.push(values.map(describe).join(' ')),
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
