// The fixtures' exec programs minified by esbuild (white space and syntax; then local names too), run
// natively and lowered: the logs must match. Minified code is what the plugins meet when they lower
// dependencies, and it leaves out every space and parenthesis the lowering might have relied on. It
// found three: in an async generator `await(x)` became `yield_awaitMarker(x)` (a call to a name that
// does not exist) and `return"x"` became `returnyield ...`, and `super[a,b]` became a call with two
// arguments.
//
// Left out: programs marked `@yieldfrom-ignore` (minifying drops the comment), those with an
// expected.json (Node 20 is not their oracle), those that must be rejected or run as CommonJS, and
// those esbuild will not minify (it refuses an assignment to a constant, which a fixture makes to log
// the TypeError, and a `continue` to the outer of several labels on one loop).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runBoth } from '../support/exec.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

interface Program {
  name: string;
  code: string;
  options: Record<string, unknown>;
}

function minify(code: string, renaming: boolean): string | undefined {
  try {
    return esbuild.transformSync(code, { minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: renaming, target: 'esnext', logLevel: 'silent' }).code;
  } catch {
    return undefined;
  }
}

function execPrograms(renaming: boolean): Program[] {
  const programs: Program[] = [];
  const visit = (dir: string, inherited: Record<string, unknown>) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const names = new Set(entries.map((entry) => entry.name));
    const options = names.has('options.json') ? { ...inherited, ...JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) } : inherited;
    if (names.has('exec.js') && !names.has('expected.json') && !('errorCode' in options) && !('runAs' in options)) {
      const code = fs.readFileSync(path.join(dir, 'exec.js'), 'utf8');
      const minified = minify(code, renaming);
      if (!code.includes('@yieldfrom-ignore') && minified) programs.push({ name: path.relative(fixtures, dir), code: minified, options });
    }
    for (const entry of entries) if (entry.isDirectory()) visit(path.join(dir, entry.name), options);
  };
  visit(fixtures, {});
  return programs;
}

for (const renaming of [false, true]) {
  describe(`minified programs${renaming ? ', local names renamed' : ''}`, () => {
    for (const { name, code, options } of execPrograms(renaming)) {
      it(`${name} runs the same natively and lowered`, async () => {
        const { native, lowered } = await runBoth(code, options);
        expect(native.length).toBeGreaterThan(0);
        expect(lowered, code).toEqual(native);
      });
    }
  });
}
