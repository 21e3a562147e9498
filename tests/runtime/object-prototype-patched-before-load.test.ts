// The runtime builds descriptors and internal objects when it loads, too: fields put on
// Object.prototype before that (by a polyfill or an earlier script) must not reach them. The exec
// fixtures cannot show it, since an inline runtime loads before the program's first statement; here
// the patch runs first, then the lowered program with its inline runtime.
import { describe, expect, it } from 'vitest';
import { lower, runScript } from '../support/exec.js';

const patches = {
  'descriptor fields': `Object.assign(Object.prototype, { get() {}, set() {}, value: 1, writable: true, enumerable: true, configurable: true });`,
  'getter-only accessors named like internal fields': `for (const name of ["head", "tail", "next", "state", "active", "current", "send", "marked", "generator"]) {
    Object.defineProperty(Object.prototype, name, { __proto__: null, get() { log("read " + name); }, configurable: true });
  }`,
};

const program = `
async function* g(x) { yield await x; yield* [2]; }
class C { async *m() { yield 3; } }
(async () => {
  for await (const v of g(1)) log("g", v);
  for await (const v of new C().m()) { log("m", v); break; }
  log("keys", Object.keys(Object.getPrototypeOf(g).prototype).length, Object.keys(g).length);
})();
`;

describe('a runtime loaded after Object.prototype was patched', () => {
  for (const [name, patch] of Object.entries(patches)) {
    it(`runs as natively with ${name}`, async () => {
      const native = await runScript(`${patch}\n${program}`, 'native.js');
      const lowered = await runScript(`${patch}\n${lower(program)}`, 'lowered.js');
      expect(native.log.length).toBeGreaterThan(2);
      expect(lowered.log).toEqual(native.log);
    });
  }
});
