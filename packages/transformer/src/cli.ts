#!/usr/bin/env node
// The `yieldfrom` command: lower files, directories or globs, or check that none is left to lower.
// A thin face over transform(): parse the command line, spread the files over worker threads when
// there are many, write each output atomically (a temporary file renamed into place), and report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { expandInputs, type InputFile } from './cli-files.js';
import type { WorkItem, WorkResult } from './cli-work.js';
import { YieldfromError, formatDiagnostic } from './diagnostics.js';
import { normalizeOptions, type TransformOptions } from './options.js';

// The parser and the lowering load only once there is work for this thread: `--help`, usage errors
// and runs spread over worker threads never pay for them here.
const loadWork = () => import('./cli-work.js');

const usage = `Usage: yieldfrom [options] <files, directories or globs...>

Lowers async/await to ES2015 generators driven by @yieldfrom/runtime.

Options:
  -o, --out-dir <dir>      write the lowered files under <dir>: a directory's or a glob's files at their
                           path below it, a file named on its own as <dir>/<its name>
  -w, --write              rewrite the files in place
      --source-maps        write a .map file beside each output (--source-maps=inline to embed it,
                           the only kind standard output can take)
      --helpers <mode>     import (default): import @yieldfrom/runtime; inline: self-contained output
      --promise <mode>     intrinsic (default, spec-exact) or global (zone.js)
      --async-function-prototype
                           async functions inherit a stand-in AsyncFunction.prototype, so libraries
                           that detect them by Symbol.toStringTag (the async package) see them as async
      --source-type <type> module, script or unambiguous (default: .mjs/.mts are modules, .cjs/.cts
                           scripts, other files modules in a "type": "module" package, else unambiguous)
      --check              list each async construct left (file:line:column: await is not lowered);
                           exit 1 if there are any
      --stdin              read code from standard input and write the lowered code to standard output
      --filename <name>    the name of the --stdin input (picks JavaScript, TypeScript or JSX, and
                           module or script as for that file)
      --jobs <n>           worker threads (default: one per core when the input passes 1 MB, since each
                           thread first loads the parser; 1 lowers on the main thread)
  -q, --quiet              no progress bar and no summary
  -h, --help               this text
  -v, --version            the version

Exit status: 0 on success, 1 when a file failed to lower or --check found async syntax, 2 on bad usage
(including an input that yields no file, and two inputs that --out-dir would write to one file).`;

interface CliOptions {
  inputs: string[];
  outDir?: string;
  write: boolean;
  sourceMaps: boolean | 'inline';
  check: boolean;
  stdin: boolean;
  filename?: string;
  /** Worker threads; undefined: decided by input size. */
  jobs?: number;
  quiet: boolean;
  transform: TransformOptions;
}

class UsageError extends Error {}

function parseArguments(argv: string[]): CliOptions | 'help' | 'version' {
  const options: CliOptions = { inputs: [], write: false, sourceMaps: false, check: false, stdin: false, quiet: false, transform: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inlineValue ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    // A switch is on by being there: `--write=false` would be read as on, so it is refused.
    const on = () => {
      if (inlineValue !== undefined) throw new UsageError(`${name} takes no value`);
      return true;
    };
    switch (name) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '-o': case '--out-dir': options.outDir = value(); break;
      case '-w': case '--write': options.write = on(); break;
      case '--source-maps':
        if (inlineValue !== undefined && inlineValue !== 'inline' && inlineValue !== 'true') throw new UsageError('--source-maps takes no value or "inline"');
        options.sourceMaps = inlineValue === 'inline' ? 'inline' : true;
        break;
      case '--helpers': options.transform.helpers = value() as TransformOptions['helpers']; break;
      case '--promise': options.transform.promise = value() as TransformOptions['promise']; break;
      case '--async-function-prototype': options.transform.asyncFunctionPrototype = on(); break;
      case '--source-type': options.transform.sourceType = value() as TransformOptions['sourceType']; break;
      case '--check': options.check = on(); break;
      case '--stdin': options.stdin = on(); break;
      case '--filename': options.filename = value(); break;
      case '--jobs': {
        const jobs = Number(value());
        if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of at least 1');
        options.jobs = jobs;
        break;
      }
      case '-q': case '--quiet': options.quiet = on(); break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        options.inputs.push(arg);
    }
  }
  if (options.stdin && options.inputs.length) throw new UsageError('--stdin takes no file arguments');
  if (!options.stdin && !options.inputs.length) throw new UsageError('name the files, directories or globs to lower (or use --stdin)');
  if (options.stdin && (options.outDir || options.write)) throw new UsageError('--stdin writes to standard output; drop --out-dir/--write, or name the file instead of piping it');
  if (!options.stdin && options.filename !== undefined) throw new UsageError('--filename names the --stdin input; files are named by their paths');
  if (options.outDir && options.write) throw new UsageError('use either --out-dir or --write, not both');
  if (options.check && (options.outDir || options.write || options.sourceMaps)) throw new UsageError('--check writes nothing; drop --out-dir/--write/--source-maps');
  // Dropping the map silently would leave a build that looks mapped and is not.
  if (options.sourceMaps === true && !options.outDir && !options.write && !options.check) {
    throw new UsageError('--source-maps writes a .map file beside each output, and standard output has none: use --source-maps=inline, or --out-dir/--write');
  }
  const invalid = normalizeOptions(options.transform).diagnostics.find((d) => d.severity === 'error');
  if (invalid) throw new UsageError(invalid.message.replace(/^option "(\w+)"/, (_, name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  return options;
}

/** Writes through a temporary file and a rename, so no reader ever sees half a file. */
function writeAtomically(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Runs the items on worker threads (or inline), calling `done` as each finishes; returns the thread
 * count. Without `jobs`, every core is used once the input passes 1 MB: each thread first loads the
 * parser (a few hundred milliseconds), so smaller inputs are done sooner on the main thread.
 */
async function runAll(items: WorkItem[], jobs: number | undefined, done: (result: WorkResult) => void): Promise<number> {
  const size = (file: string) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0; // reported when the file is read
    }
  };
  const isLarge = () => items.reduce((sum, item) => sum + size(item.file), 0) > 1024 * 1024;
  const threads = Math.min(items.length, jobs ?? (isLarge() ? (os.availableParallelism?.() ?? os.cpus().length) : 1));
  if (threads <= 1) {
    const { work } = await loadWork();
    for (const item of items) done(work(item));
    return 1;
  }
  const workerFile = fileURLToPath(new URL('./cli-worker.js', import.meta.url));
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerFile);
        // With nothing left, the thread is asked to end rather than terminated, so it exits as a
        // process would (and writes the lowering's code cache, lowering-core.node.ts, if it is due).
        const feed = () => worker.postMessage(next < items.length ? items[next++] : null);
        worker.on('exit', () => resolve());
        worker.on('message', (result: WorkResult) => {
          done(result);
          feed();
        });
        worker.on('error', reject);
        feed();
      })
    )
  );
  return threads;
}

function progress(enabled: boolean) {
  const width = 30;
  return {
    update(completed: number, total: number) {
      if (!enabled) return;
      const filled = Math.round((completed / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${completed}/${total} files`);
    },
    clear() {
      if (enabled) process.stderr.write('\r\x1b[K');
    },
  };
}

function outputPath(input: InputFile, options: CliOptions): string | null {
  if (options.write) return input.path;
  if (options.outDir) return path.resolve(options.outDir, input.relative);
  return null;
}

/**
 * Inputs that `--out-dir` would write over each other, one line each: two inputs given one output
 * (`a.js sub/a.js`, or two folders with the same names below them), or an output that lands on another
 * input. Whichever was written last would win, so nothing is written.
 */
function findClashingOutputs(inputs: InputFile[], options: CliOptions): string[] {
  if (!options.outDir) return [];
  const shown = (file: string) => path.relative(process.cwd(), file) || '.';
  const inputPaths = new Set(inputs.map((input) => input.path));
  const writers = new Map<string, string>();
  const clashes: string[] = [];
  for (const input of inputs) {
    const output = outputPath(input, options)!;
    const earlier = writers.get(output);
    if (earlier !== undefined) clashes.push(`${shown(earlier)} and ${shown(input.path)} would both be written to ${shown(output)}`);
    else if (output !== input.path && inputPaths.has(output)) clashes.push(`${shown(input.path)} would be written over the input ${shown(output)}`);
    else writers.set(output, input.path);
  }
  return clashes;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions | 'help' | 'version';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`yieldfrom: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (options === 'version') {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const transformOptions: TransformOptions = { ...options.transform, sourceMaps: options.sourceMaps };

  if (options.stdin) {
    const source = await readStdin();
    const filename = options.filename ?? 'stdin.js';
    // Lowered as the file --filename names would be: module or script by the package.json above it,
    // its map comment read beside it. Diagnostics keep the name as given.
    const item = { file: path.resolve(filename), options: transformOptions, output: null };
    const { describeRemaining, findAsyncSyntax, lowerText, optionsFor } = await loadWork();
    try {
      if (options.check) {
        const remaining = describeRemaining(filename, findAsyncSyntax(source, optionsFor(item.file, source, transformOptions, { filename })));
        for (const line of remaining) process.stdout.write(`${line}\n`);
        return remaining.length ? 1 : 0;
      }
      const lowered = lowerText(source, item, { filename });
      for (const warning of lowered.warnings) process.stderr.write(`${warning}\n`);
      process.stdout.write(lowered.code);
      return 0;
    } catch (error) {
      if (!(error instanceof YieldfromError)) throw error;
      process.stderr.write(`${error.diagnostics.map(formatDiagnostic).join('\n\n')}\n`);
      return 1;
    }
  }

  let inputs: InputFile[];
  try {
    inputs = expandInputs(options.inputs, process.cwd(), { outDir: options.outDir && path.resolve(options.outDir) });
  } catch (error) {
    process.stderr.write(`yieldfrom: ${(error as Error).message}\n`);
    return 2;
  }
  const clashes = findClashingOutputs(inputs, options);
  if (clashes.length) {
    for (const clash of clashes) process.stderr.write(`yieldfrom: ${clash}\n`);
    process.stderr.write('yieldfrom: --out-dir writes the files of a directory or glob at their path below it, and a file named on its own under its name alone\n');
    return 2;
  }
  const toStdout = !options.check && !options.outDir && !options.write;
  if (toStdout && inputs.length !== 1) {
    process.stderr.write(`yieldfrom: ${inputs.length} files match; use --out-dir or --write (standard output takes one file)\n`);
    return 2;
  }

  // Outputs are written synchronously, between messages: stopping here never leaves a temporary file.
  process.once('SIGINT', () => process.exit(130));
  const started = performance.now();
  const bar = progress(!options.quiet && !!process.stderr.isTTY && !toStdout);
  const byPath = new Map(inputs.map((input) => [input.path, input]));
  let completed = 0;
  let bytes = 0;
  let errors = 0;
  let remaining = 0;
  const mode = options.check ? 'check' : 'lower';
  const items = inputs.map((input): WorkItem => ({ file: input.path, mode, options: transformOptions, output: outputPath(input, options) }));
  const threads = await runAll(items, options.jobs, (result) => {
    completed++;
    bytes += result.bytes;
    bar.clear();
    if (result.ok) for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
    if (!result.ok) {
      errors++;
      process.stderr.write(`${result.error}\n`);
    } else if (options.check) {
      remaining += result.remaining.length ? 1 : 0;
      for (const line of result.remaining) process.stdout.write(`${line}\n`);
    } else if (toStdout) {
      process.stdout.write(result.code);
    } else {
      const output = outputPath(byPath.get(result.file)!, options)!;
      if (result.changed || output !== result.file) {
        try {
          const mapComment = `${result.code.endsWith('\n') ? '' : '\n'}//# sourceMappingURL=${path.basename(output)}.map\n`;
          writeAtomically(output, result.map ? result.code + mapComment : result.code);
          if (result.map) writeAtomically(`${output}.map`, result.map);
        } catch (error) {
          errors++;
          process.stderr.write(`${output}: ${(error as Error).message}\n`);
        }
      }
    }
    bar.update(completed, inputs.length);
  });
  bar.clear();
  if (!options.quiet && !toStdout) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const summary = `yieldfrom: ${counted(completed, 'file')}, ${(bytes / 1024).toFixed(1)} kB, ${seconds} s, ${counted(errors, 'error')}${options.check ? `, ${remaining} with async syntax` : ''}${threads > 1 ? ` (${threads} threads)` : ''}`;
    process.stderr.write(`${summary}\n`);
  }
  return errors || remaining ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`yieldfrom: internal error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
);
