// `node run-script-child.mjs < program.js`: runs the program as runScript does and prints its log as
// JSON, then the reasons of the rejections nobody handled. The parent kills it if it never goes quiet.
import { describe, runScript } from './run-script.mjs';

// Standard output carries the log alone.
console.log = console.info = console.debug = console.error;
const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(`unhandled ${describe(reason)}`));

let code = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) code += chunk;
const { log } = await runScript(code, process.env.RUN_SCRIPT_FILENAME ?? 'program.js');
process.stdout.write(JSON.stringify([...log, ...unhandled]));
// Timers the program left behind are not waited for, as runScript does not wait for them either.
process.exit(0);
