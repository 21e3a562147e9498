// Random async generator programs (tests/support/random-async-generator-program.ts) in Debian's
// Chromium, natively and lowered, with sync iterators that hand over rejections: its V8 has ecma262
// #2600 (the sync iterator is closed), which Node 20 has not. The logs must be identical, ticks included.
//
// Seeded, so a failure reproduces: the test prints the program.
import { describe, expect, it } from 'vitest';
import { lower } from '../support/exec.js';
import { hasChromium, runInPage, sharedChromiumPage } from '../support/chromium.js';
import { randomAsyncGeneratorProgram, sameErrors } from '../support/random-async-generator-program.js';

describe.skipIf(!hasChromium)('random async generator programs, in Chromium', () => {
  const page = sharedChromiumPage();

  it('give the same log natively and lowered, ticks included', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      // A rejection nobody handles is logged too: the program handles all of its own.
      const program = `addEventListener("unhandledrejection", (event) => log("unhandled", event.reason));\n${randomAsyncGeneratorProgram(seed, { oracle: 'chromium' })}`;
      const native = sameErrors(await runInPage(page(), program));
      expect(native.length, program).toBeGreaterThan(40);
      expect(sameErrors(await runInPage(page(), lower(program))), `seed ${seed}:\n${program}`).toEqual(native);
    }
  }, 120_000);
});
