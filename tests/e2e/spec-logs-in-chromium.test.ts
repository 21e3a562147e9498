// The fixtures whose expected log states the specification where Node 20 cannot (an `expected.json`:
// `await using`, ecma262 changes newer than V8 11.3) run here in Debian's Chromium, whose V8 has them
// natively: each runs natively and lowered, in a fresh document, and both logs must be the stated one.
// So the stated logs are checked against an engine, not only against our reading of the spec. Where
// current V8 too differs from the specification ("v8DiffersFromSpecification" in options.json, said
// in docs/semantics.md), its native log must still differ: the day V8 follows the specification,
// this test says so.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lower } from '../support/exec.js';
import { hasChromium, runInPage, sharedChromiumPage } from '../support/chromium.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');

/** Fixture folders with an exec.js and an expected.json, except those whose options ask for non-native behaviour. */
function specLogCases(): { dir: string; v8Differs: boolean }[] {
  const found: { dir: string; v8Differs: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(dir, entry.name));
    const file = path.join(dir, 'options.json');
    const options = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    const deliberate = 'promise' in options;
    if (fs.existsSync(path.join(dir, 'expected.json')) && fs.existsSync(path.join(dir, 'exec.js')) && !deliberate) {
      found.push({ dir, v8Differs: options.v8DiffersFromSpecification === true });
    }
  };
  walk(fixtures);
  return found;
}

describe.skipIf(!hasChromium)('spec-stated logs in Chromium', () => {
  const page = sharedChromiumPage();

  const cases = specLogCases();
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  for (const { dir, v8Differs } of cases) {
    it(path.relative(fixtures, dir), async () => {
      const source = fs.readFileSync(path.join(dir, 'exec.js'), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as string[];
      if (v8Differs) expect(await runInPage(page(), source)).not.toEqual(expected);
      else expect(await runInPage(page(), source)).toEqual(expected);
      expect(await runInPage(page(), lower(source))).toEqual(expected);
    });
  }
});
