// Random async generator programs (tests/support/random-async-generator-program.ts), run natively and
// lowered in Node: the logs must be identical, microtask ticks included. Node 20's V8 predates
// ecma262 #2600, so its sync iterators never hand over a rejection here (the Chromium test has them).
// Also minified (3,000 seeds gave native's logs when that test was written): minifiers leave out the
// spaces and parentheses the lowering might rely on.
//
// Seeded, so a failure reproduces: the test prints the program.
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lower, runScript } from '../support/exec.js';
import { randomAsyncGeneratorProgram, sameErrors } from '../support/random-async-generator-program.js';

async function logs(code: string, options = {}) {
  new vm.Script(code); // every program parses: a generator bug shows here, not as a skipped seed
  const native = sameErrors((await runScript(code, 'native.js')).log);
  const lowered = sameErrors((await runScript(lower(code, options), 'lowered.js')).log);
  return { native, lowered };
}

describe('random async generator programs', () => {
  it('run the same natively and lowered', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const code = randomAsyncGeneratorProgram(seed);
      const { native, lowered } = await logs(code);
      expect(native.length, code).toBeGreaterThan(40);
      expect(lowered, `seed ${seed}:\n${code}`).toEqual(native);
    }
  });

  it('run the same minified (esbuild: white space and syntax)', async () => {
    for (let seed = 401; seed <= 460; seed++) {
      const { code } = esbuild.transformSync(randomAsyncGeneratorProgram(seed), { minifyWhitespace: true, minifySyntax: true, target: 'esnext' });
      const { native, lowered } = await logs(code);
      expect(lowered, `seed ${seed}:\n${code}`).toEqual(native);
    }
  });

  it('run the same with asyncFunctionPrototype', async () => {
    for (let seed = 301; seed <= 360; seed++) {
      const code = randomAsyncGeneratorProgram(seed);
      const { native, lowered } = await logs(code, { asyncFunctionPrototype: true });
      expect(lowered, `seed ${seed}:\n${code}`).toEqual(native);
    }
  });
});
