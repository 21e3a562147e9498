// Output that imports its helpers runs as it is: an ES module importing @yieldfrom/runtime's modules,
// and a CommonJS script requiring them, both resolved from the workspace like a user's project would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transform } from '@yieldfrom/transformer';
import { helperModules } from '../../packages/transformer/dist/runtime-modules.js';

// Inside the repository, so Node resolves @yieldfrom/runtime from its node_modules.
const dir = fs.mkdtempSync(path.join(import.meta.dirname, '.tmp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const program = `
const log = [];
async function step(label, value) { log.push(label); return await value; }
const run = async () => [await step("a", 1), await step("b", Promise.resolve(2))];
run().then((values) => console.log(JSON.stringify({ values, log })));
`;

function runFile(file: string): string {
  return execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();
}

describe('helpers: import', () => {
  it('an ES module importing the runtime prints what the native module prints', () => {
    const native = path.join(dir, 'native.mjs');
    const lowered = path.join(dir, 'lowered.mjs');
    fs.writeFileSync(native, program);
    fs.writeFileSync(lowered, transform(program, { filename: 'lowered.mjs' }).code);
    expect(fs.readFileSync(lowered, 'utf8')).toContain('from "@yieldfrom/runtime/spawn"');
    expect(runFile(lowered)).toBe(runFile(native));
  });

  it('a CommonJS script requiring the runtime prints what the native script prints', () => {
    const native = path.join(dir, 'native.cjs');
    const lowered = path.join(dir, 'lowered.cjs');
    fs.writeFileSync(native, program);
    fs.writeFileSync(lowered, transform(program, { filename: 'lowered.cjs' }).code);
    expect(fs.readFileSync(lowered, 'utf8')).toContain('require("@yieldfrom/runtime/spawn")');
    expect(runFile(lowered)).toBe(runFile(native));
  });

  it('every helper is exported by the runtime module lowered code imports it from, as ES module and CommonJS', async () => {
    const require = createRequire(import.meta.url);
    for (const [helper, module] of Object.entries(helperModules)) {
      const imported = (await import(`@yieldfrom/runtime/${module}`)) as Record<string, unknown>;
      expect(typeof imported[helper], `${helper} from @yieldfrom/runtime/${module}`).toBe('function');
      expect(require(`@yieldfrom/runtime/${module}`)[helper]).toBeTypeOf('function');
    }
  });

  it('inline output runs with no runtime installed at all', () => {
    const isolated = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldfrom-inline-'));
    const lowered = path.join(isolated, 'lowered.mjs');
    fs.writeFileSync(lowered, transform(program, { filename: 'lowered.mjs', helpers: 'inline' }).code);
    fs.writeFileSync(path.join(isolated, 'native.mjs'), program);
    expect(runFile(lowered)).toBe(runFile(path.join(isolated, 'native.mjs')));
    fs.rmSync(isolated, { recursive: true, force: true });
  });
});
