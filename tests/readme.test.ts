// The README's example is the real output of transform(): this test keeps the two in sync.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { transform } from '@yieldfrom/transformer';

it('README example output is what transform() produces', () => {
  const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const input = blocks.find((b) => b.startsWith('// load.js\n'))!;
  const output = blocks[blocks.indexOf(input) + 1]!;
  expect(transform(input.replace('// load.js\n', ''), { filename: 'load.js' }).code).toBe(output);
});

it("the transformer package README's example output is what transform() produces", () => {
  const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'packages', 'transformer', 'README.md'), 'utf8');
  const example = /transform\('([^']*)', \{\n {2}filename: '([^']*)'[^\n]*\n {2}sourceMaps: true,\n\}\);\n\/\/ (.*)\n/.exec(readme)!;
  expect(example).not.toBeNull();
  expect(transform(example[1]!, { filename: example[2]!, sourceMaps: true }).code).toBe(example[3]);
});
