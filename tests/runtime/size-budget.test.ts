// The runtime's size budget (STYLE.md, habit 6): every helper, as the transformer inlines it, stays
// within its minified + gzipped budget, and the table in packages/runtime/README.md matches the build.
// A size check, not a timing test. To refresh the table: node bench/runtime-size.mjs --write
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overBudget, readmePath, readmeTable, runtimeSizes, sizeTable } from '../../bench/runtime-size.mjs';

describe('runtime size budget', async () => {
  const sizes = await runtimeSizes();

  it('measures every helper', () => {
    expect(sizes.rows.length).toBeGreaterThan(0);
    for (const row of sizes.rows) expect(row.gzip).toBeGreaterThan(0);
  });

  it('keeps every helper and the whole runtime within budget', () => {
    expect(overBudget(sizes)).toEqual([]);
  });

  it('has an up-to-date size table in packages/runtime/README.md (node bench/runtime-size.mjs --write)', () => {
    expect(readmeTable(fs.readFileSync(readmePath, 'utf8'))).toBe(sizeTable(sizes));
  });
});
