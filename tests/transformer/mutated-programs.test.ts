// The fixtures' exec programs with random token edits, or with spaces, line breaks and comments put
// between tokens (tests/support/mutate-source.ts): every one V8 still compiles must log the same
// natively and lowered, on the same ticks. The edits reach where no fixture was written to go (an
// iterator that lost its `next`, `arguments` in an async arrow that lost its function). Each run is a
// child process, so a program that never goes quiet (an endless microtask loop) cannot hang the
// suite; a run that times out on one side only is a failure.
//
// Compared up to three documented differences (docs/semantics.md): a TypeError's message (V8's name
// the source text, "it is not async iterable", the runtime's are terse), `yield` used as a name in
// sloppy code, which is `_yield` lowered, and a function's text (B6). Programs that read function
// text or stacks are left out, as are those with an expected.json (Node 20 is not their oracle) or an
// options.json.
//
// Seeded: a failure names the seed and prints the program. To search further:
//   MUTATED_PROGRAMS=5000 MUTATED_PROGRAMS_FROM=100000 npx vitest run tests/transformer/mutated-programs.test.ts
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YieldfromError } from '@yieldfrom/transformer';
import { lower, runScriptInChild } from '../support/exec.js';
import { mutateSource, reformatSource } from '../support/mutate-source.js';
import { random } from '../support/random.js';
import { isLeftToRunTimeByV8 } from '../support/v8-syntax.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const count = Number(process.env.MUTATED_PROGRAMS ?? 160);
const from = Number(process.env.MUTATED_PROGRAMS_FROM ?? 1);

function execPrograms(): string[] {
  const texts: string[] = [];
  const visit = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const names = new Set(entries.map((entry) => entry.name));
    if (names.has('exec.js') && !names.has('expected.json') && !names.has('options.json')) {
      const text = fs.readFileSync(path.join(dir, 'exec.js'), 'utf8');
      if (!/\busing\b|toString|\.stack|@yieldfrom-ignore/.test(text)) texts.push(text);
    }
    for (const entry of entries) if (entry.isDirectory()) visit(path.join(dir, entry.name));
  };
  visit(fixtures);
  return texts;
}

const compiles = (code: string) => {
  try {
    new vm.Script(code);
    return true;
  } catch {
    return false;
  }
};

// The TypeErrors the runtime throws, with V8's messages for the same errors (which name the source
// text), however the program logs them: as an error ("TypeError: ...") or by its message alone.
const typeErrorMessages = [
  /TypeError: .*/,
  /.*\bis not (a function or its return value is not )?async iterable/,
  /Iterator result .* is not an object|\S+ is not an object|\bnot an object/,
  /Function\.prototype\.apply was called on .*? and not a function|\S+ is not a function|\bnot a function/,
  /\bno throw method|The iterator does not provide a 'throw' method/,
];
const comparable = (log: string[]) =>
  log.map((line) => typeErrorMessages.reduce((text, message) => text.replace(message, 'TypeError'), line).replace(/\b_yield\b/g, 'yield'));

interface Case {
  seed: number;
  code: string;
  lowered: string;
}

/** The seeds' programs that V8 compiles, each with its lowering. */
function lowerCases(edit: (program: string, seed: number) => string, seedSalt: number, seeds: number): Case[] {
  const programs = execPrograms();
  const cases: Case[] = [];
  for (let seed = from; seed < from + seeds; seed++) {
    const { pick, chance } = random(seed * seedSalt);
    const code = edit(pick(programs), seed);
    if (!compiles(code)) continue;
    let lowered: string;
    try {
      lowered = lower(code, { asyncFunctionPrototype: chance(0.3) });
    } catch (error) {
      // What the lowering refuses (YF1004) it says so: that is covered elsewhere. A syntax error V8
      // does not report is a failure, but for the early errors V8 leaves to run time.
      if (error instanceof YieldfromError && error.code !== 'YF9001' && (error.code !== 'YF1001' || isLeftToRunTimeByV8(error.message))) continue;
      throw new Error(`seed ${seed}: ${(error as Error).message}\n${code}`);
    }
    cases.push({ seed, code, lowered });
  }
  return cases;
}

/** Runs each case natively and lowered, two children at a time (one per core here): what differs. */
async function differences(cases: Case[]): Promise<{ failures: string[]; compared: number }> {
  const failures: string[] = [];
  let compared = 0;
  const queue = [...cases];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { seed, code, lowered } = next;
      const native = await runScriptInChild(code, 'native.js');
      const lowerRun = await runScriptInChild(lowered, 'lowered.js');
      if (!native !== !lowerRun) failures.push(`seed ${seed}: only the ${native ? 'lowered' : 'native'} run never went quiet\n${code}`);
      else if (native && lowerRun) {
        compared++;
        const [a, b] = [comparable(native), comparable(lowerRun)];
        const at = a.findIndex((line, i) => line !== b[i]);
        // An edit that turns a function into text (`fn + ""`) shows the lowering itself (semantics B6).
        const showsFunctionText = at !== -1 && /\b_(spawn|asyncGenerator|freshGenerator)\(|function\* _/.test(b[at]!);
        if ((at !== -1 || a.length !== b.length) && !showsFunctionText) {
          failures.push(`seed ${seed}: line ${at === -1 ? a.length : at}: native ${JSON.stringify(a[at])}, lowered ${JSON.stringify(b[at])}\n${code}`);
        }
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return { failures, compared };
}

const report = (failures: string[], cases: Case[]) => (failures.length ? `${failures.length} of ${cases.length} programs fail; the first:\n${failures.slice(0, 3).join('\n\n')}` : '');

describe('mutated programs', () => {
  it('run the same natively and lowered', { timeout: 600_000 }, async () => {
    const cases = lowerCases(mutateSource, 6007, count);
    const { failures, compared } = await differences(cases);
    expect(report(failures, cases)).toBe('');
    expect(compared).toBeGreaterThan(count / 6);
  });

  it('run the same natively and lowered with spaces, line breaks and comments put between tokens', { timeout: 600_000 }, async () => {
    // (Most of these compile, so fewer seeds give as many runs.)
    const seeds = Math.ceil(count / 2);
    const cases = lowerCases(reformatSource, 7001, seeds);
    const { failures, compared } = await differences(cases);
    expect(report(failures, cases)).toBe('');
    expect(compared).toBeGreaterThan(seeds / 3);
  });
});
