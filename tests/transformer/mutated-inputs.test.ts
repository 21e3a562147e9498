// The fixtures' programs with random token edits (tests/support/mutate-source.ts), lowered with
// random options. Whatever the text, transform() either returns output or throws a YieldfromError
// whose diagnostics have a code, a location and a code frame; never another exception, never an
// internal error. Judged against V8 (this Node) as modules and as scripts:
// - a text V8 accepts is never reported as a syntax error (but for the early errors V8 leaves to run
//   time), and its output is accepted too;
// - a text V8 rejects (an early error, say) is not made acceptable by lowering it;
// - no async syntax is left in the output (but in functions kept with `@yieldfrom-ignore`).
// TypeScript texts, which V8 cannot judge, must give output that parses whenever the input does.
//
// Seeded: a failure names the seed and prints the text. Node 20 parses no `using` declarations, so
// the fixtures that have them are left out of the V8 comparison.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findAsyncSyntax, transform, YieldfromError, type TransformOptions } from '@yieldfrom/transformer';
import { mutateSource } from '../support/mutate-source.js';
import { random } from '../support/random.js';
import { isLeftToRunTimeByV8, v8Accepts, type SyntaxCase } from '../support/v8-syntax.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

function fixturePrograms(extension: '.js' | '.ts'): string[] {
  const texts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name === `input${extension}` || entry.name === `exec${extension}`) texts.push(fs.readFileSync(file, 'utf8'));
    }
  };
  visit(fixtures);
  return texts;
}

type Outcome = { output: string } | { error: unknown };

function lowerOutcome(code: string, options: TransformOptions): Outcome {
  try {
    return { output: transform(code, options).code };
  } catch (error) {
    return { error };
  }
}

/** What is wrong with a thrown error: anything but a YieldfromError with located, framed diagnostics. */
function errorDefect(error: unknown): string | undefined {
  if (!(error instanceof YieldfromError)) return `threw ${(error as Error)?.stack ?? String(error)}`;
  if (error.code === 'YF9001') return `internal error: ${error.message}`;
  const unlocated = error.diagnostics.find((diagnostic) => !diagnostic.loc || !diagnostic.frame);
  return unlocated && `a diagnostic without a location or frame: ${unlocated.code} ${unlocated.message}`;
}

function asyncSyntaxLeft(output: string, input: string, options: TransformOptions): string | undefined {
  if (input.includes('@yieldfrom-ignore')) return undefined;
  const left = findAsyncSyntax(output, options)[0];
  return left && `async syntax left in the output: ${left.what} at ${left.line}:${left.column}`;
}

const parses = (code: string, options: TransformOptions) => {
  try {
    findAsyncSyntax(code, options);
    return true;
  } catch {
    return false;
  }
};

interface Failure {
  seed: number;
  sourceType?: string;
  defect: string;
  input: string;
}

const report = (failures: Failure[]) => failures.slice(0, 3).map((f) => `seed ${f.seed} (${f.sourceType ?? 'ts'}): ${f.defect}\n${f.input}`).join('\n\n');

describe('mutated inputs', () => {
  it('JavaScript: lowered or rejected with a located diagnostic, as V8 judges it, with no async syntax left', () => {
    const programs = fixturePrograms('.js').filter((text) => !/\busing\b/.test(text));
    const runs: { seed: number; input: SyntaxCase; options: TransformOptions; outcome: Outcome }[] = [];
    for (let seed = 1; seed <= 1500; seed++) {
      const { pick, chance } = random(seed * 7919);
      const code = mutateSource(pick(programs), seed);
      for (const sourceType of ['module', 'script'] as const) {
        const options: TransformOptions = {
          filename: 'mutated.js',
          sourceType,
          helpers: 'inline',
          asyncFunctionPrototype: chance(0.3),
          parseOnlyAsyncStatements: chance(0.5),
        };
        runs.push({ seed, input: { code, sourceType }, options, outcome: lowerOutcome(code, options) });
      }
    }
    const lowered = runs.filter((run) => 'output' in run.outcome);
    const inputAccepted = v8Accepts(runs.map((run) => run.input));
    const outputAccepted = v8Accepts(lowered.map((run) => ({ code: (run.outcome as { output: string }).output, sourceType: run.input.sourceType })));
    const failures: Failure[] = [];
    runs.forEach((run, index) => {
      const { seed, input, options, outcome } = run;
      const fail = (defect: string) => failures.push({ seed, sourceType: input.sourceType, defect, input: input.code });
      if ('error' in outcome) {
        const defect = errorDefect(outcome.error);
        if (defect) fail(defect);
        else if (inputAccepted[index] && (outcome.error as YieldfromError).code === 'YF1001' && !isLeftToRunTimeByV8((outcome.error as Error).message)) {
          fail(`V8 accepts it, yieldfrom reports ${(outcome.error as Error).message}`);
        }
        return;
      }
      const accepted = outputAccepted[lowered.indexOf(run)];
      if (inputAccepted[index] && !accepted) fail(`V8 accepts it but not its output:\n${outcome.output}`);
      else if (!inputAccepted[index] && accepted && outcome.output !== input.code) fail(`V8 rejects it but accepts its output:\n${outcome.output}`);
      else if (accepted) {
        const defect = asyncSyntaxLeft(outcome.output, input.code, options);
        if (defect) fail(defect);
      }
    });
    expect(report(failures)).toBe('');
    // The edits must leave enough programs valid for the comparison to mean something.
    expect(inputAccepted.filter(Boolean).length).toBeGreaterThan(runs.length / 5);
  });

  it('TypeScript: lowered or rejected with a located diagnostic; output that parses whenever the input does', () => {
    const programs = fixturePrograms('.ts');
    const failures: Failure[] = [];
    let parsedInputs = 0;
    for (let seed = 1; seed <= 800; seed++) {
      const { pick, chance } = random(seed * 104729);
      const code = mutateSource(pick(programs), seed);
      const options: TransformOptions = {
        filename: 'mutated.ts',
        helpers: chance(0.5) ? 'inline' : 'import',
        asyncFunctionPrototype: chance(0.3),
        parseOnlyAsyncStatements: chance(0.5),
      };
      const outcome = lowerOutcome(code, options);
      const fail = (defect: string) => failures.push({ seed, defect, input: code });
      if ('error' in outcome) {
        const defect = errorDefect(outcome.error);
        if (defect) fail(defect);
        continue;
      }
      // With parseOnlyAsyncStatements, a statement that does not parse is left for the host to report.
      if (!parses(code, { filename: 'mutated.ts' })) continue;
      parsedInputs++;
      if (!parses(outcome.output, { filename: 'mutated.ts' })) fail(`its output does not parse:\n${outcome.output}`);
      else {
        const defect = asyncSyntaxLeft(outcome.output, code, { filename: 'mutated.ts' });
        if (defect) fail(defect);
      }
    }
    expect(report(failures)).toBe('');
    expect(parsedInputs).toBeGreaterThan(100);
  });
});
