// The runtime is plain ES2015: every built module (and the inline copy) parses with ecmaVersion 2015.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

const dist = path.join(import.meta.dirname, '../../packages/runtime/dist');

describe('runtime is ES2015', () => {
  const modules = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  it('has built modules', () => expect(modules).toContain('spawn.js'));
  for (const file of modules) {
    it(`${file} parses as an ES2015 module`, () => {
      expect(() => parse(fs.readFileSync(path.join(dist, file), 'utf8'), { ecmaVersion: 2015, sourceType: 'module' })).not.toThrow();
    });
  }
  it('the CommonJS bundle parses as an ES2015 script', () => {
    const code = fs.readFileSync(path.join(dist, 'cjs/index.cjs'), 'utf8');
    expect(() => parse(code, { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
  });
});
