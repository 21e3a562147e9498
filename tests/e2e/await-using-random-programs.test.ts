// Random programs with `await using`, run in Debian's Chromium (whose V8 has it; Node 20 has not)
// natively and lowered: the logs must be identical, microtask ticks included. Blocks, `for (await
// using x of xs)` and `for (await using x = a; ;)` heads nest in async functions and async generators;
// resources dispose asynchronously, synchronously, slowly, through a thenable, by throwing or
// rejecting, or are `null`, `undefined` or not disposable; bodies await, yield, break, continue,
// call async arrows that read the resource bindings in scope,
// return and throw, under labels and inside try/catch/finally; generators are consumed by `for await`
// loops that may break, and by `next`/`return`/`throw` calls queued together.
//
// Seeded, so a failure reproduces: the test prints the program.
import { describe, expect, it } from 'vitest';
import { lower } from '../support/exec.js';
import { hasChromium, runInPage, sharedChromiumPage } from '../support/chromium.js';
import { random } from '../support/random.js';

const prelude = `let tick = 0;
const counter = () => { if (tick < 200) Promise.resolve().then(() => { tick++; counter(); }); };
counter();
const at = () => " @" + tick;
const resource = (name, kind) => {
  switch (kind) {
    case "null": return null;
    case "undefined": return undefined;
    case "not disposable": return 42;
    case "sync": return { [Symbol.dispose]() { log("dispose " + name + at()); } };
    case "sync, throws": return { [Symbol.dispose]() { log("dispose " + name + at()); throw new Error(name); } };
    case "throws": return { async [Symbol.asyncDispose]() { log("dispose " + name + at()); throw new Error(name); } };
    case "rejects": return { [Symbol.asyncDispose]() { log("dispose " + name + at()); return Promise.reject(new Error(name)); } };
    case "slow": return { async [Symbol.asyncDispose]() { log("dispose " + name + at()); await null; await null; log("disposed " + name + at()); } };
    case "thenable": return { [Symbol.asyncDispose]() { log("dispose " + name + at()); return { then(resolve) { log("then " + name + at()); resolve(); } }; } };
    default: return { async [Symbol.asyncDispose]() { log("dispose " + name + at()); } };
  }
};
const show = (e) => e && e.name === "SuppressedError" ? "Suppressed(" + show(e.error) + ", " + show(e.suppressed) + ")"
  : e instanceof TypeError ? "TypeError" : e instanceof Error ? e.message : String(e);
const settle = (label, promise) => promise.then((v) => log(label + " fulfilled " + show(v) + at()), (e) => log(label + " rejected " + show(e) + at()));
`;

const kinds = ['async', 'async', 'sync', 'sync, throws', 'throws', 'rejects', 'slow', 'thenable', 'null', 'undefined', 'not disposable'];
const syncKinds = new Set(['sync', 'sync, throws', 'null', 'undefined']);

export function randomAwaitUsingProgram(seed: number): string {
  const { chance, pick, below } = random(seed);
  let id = 0;
  const fresh = (prefix: string) => `${prefix}${id++}`;
  // The resource bindings in scope where the next statement goes (an async arrow may read one).
  const inScope: string[] = [];
  const declaration = () => {
    const kind = pick(kinds);
    const name = fresh('r');
    const keyword = syncKinds.has(kind) && chance(0.5) ? 'using' : 'await using';
    inScope.push(name);
    return `${keyword} ${name} = resource("${name}", "${kind}");`;
  };
  /** `make()` with `names` in scope, as in a loop body. */
  const withNames = (names: string[], make: () => string) => {
    const outer = inScope.length;
    inScope.push(...names);
    const text = make();
    inScope.length = outer;
    return text;
  };
  const simple = (isGenerator: boolean, inLoop: boolean) => {
    const options = [`log("${fresh('s')}" + at());`, 'await null;', `log("v" + (await Promise.resolve(${id++})) + at());`];
    if (isGenerator) options.push(`yield ${id++};`);
    // An async arrow reading a resource binding (made once per activation, the binding passed per call).
    if (inScope.length) options.push(`log("sees " + (await (async (x) => typeof ${pick(inScope)} + x)("!")) + at());`);
    if (inLoop) options.push('if (tick % 2) continue;', 'if (tick % 3 === 0) break;');
    if (chance(0.15)) options.push(`if (tick > 3) throw new Error("${fresh('t')}");`, `if (tick % 4 === 1) return "${fresh('ret')}";`);
    return pick(options);
  };
  const statement = (depth: number, isGenerator: boolean, inLoop: boolean): string => {
    if (depth > 2 || chance(0.25)) return simple(isGenerator, inLoop);
    switch (below(7)) {
      case 0:
      case 1:
        return declaration();
      case 2:
        return `{ ${block(depth + 1, isGenerator, inLoop)} }`;
      case 3: {
        const name = fresh('q');
        return `for (await using ${name} of [resource("${name}a", "${pick(kinds)}"), resource("${name}b", "${pick(kinds)}")]) { ${withNames([name], () => block(depth + 1, isGenerator, true))} }`;
      }
      case 4: {
        const count = fresh('c');
        const [a, b] = [fresh('h'), fresh('h')];
        return `let ${count} = 0; for (await using ${a} = resource("${a}", "${pick(kinds)}"), ${b} = resource("${b}", "${pick(kinds)}"); ${count}++ < 2;) { ${withNames([a, b], () => block(depth + 1, isGenerator, true))} }`;
      }
      case 5:
        return `try { ${block(depth + 1, isGenerator, inLoop)} } catch (e) { log("caught " + show(e) + at()); } finally { log("finally" + at()); }`;
      default: {
        const label = fresh('L');
        return `${label}: { ${block(depth + 1, isGenerator, inLoop)} if (tick % 2) break ${label}; }`;
      }
    }
  };
  const block = (depth: number, isGenerator: boolean, inLoop: boolean) =>
    withNames([], () => Array.from({ length: 1 + below(4) }, () => statement(depth, isGenerator, inLoop)).join(' '));
  if (chance(0.5)) return `${prelude}async function f() { ${block(0, false, false)} return "end"; }\nsettle("f", f());`;
  const consumer = pick([
    `(async () => { try { for await (const v of g()) { log("got " + v + at()); if (v % 5 === 0) break; } } catch (e) { log("loop " + show(e) + at()); } })();`,
    `const it = g(); settle("next", it.next()); settle("next", it.next()); settle("return", it.return("R")); settle("next", it.next());`,
    `const it = g(); settle("next", it.next()); settle("throw", it.throw(new Error("T"))); settle("next", it.next());`,
  ]);
  return `${prelude}async function* g() { ${block(0, true, false)} }\n${consumer}`;
}

describe.skipIf(!hasChromium)('random programs with await using, in Chromium', () => {
  const page = sharedChromiumPage();

  it('gives the same log natively and lowered, ticks included', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const program = randomAwaitUsingProgram(seed);
      const native = await runInPage(page(), program);
      expect(native.length, program).toBeGreaterThan(0);
      expect(await runInPage(page(), lower(program)), `seed ${seed}:\n${program}`).toEqual(native);
    }
  }, 120_000);
});
