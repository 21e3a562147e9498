// Random async generator programs, for tests that run them natively and lowered and compare the logs
// (tests/transformer/random-async-generators.test.ts in Node, tests/e2e/ in Chromium). Aimed at the
// runtime's async generator state machine (ecma262 27.6) and `yield*`: bodies that yield, await and
// delegate values, promises, rejections, thenables and objects with a `then` getter; try/catch/finally
// with yields and awaits in every part; `for await` inside the body; returns and throws at any depth.
// `yield*` goes to async generators, sync generators and hand-written iterators, async or sync, with or
// without `return` and `throw`, whose results are plain, promised, late, or objects with getters. Each
// generator is a declaration, an object literal's method or a class's static method, and is driven by
// `next`/`return`/`throw` requests queued together, by requests awaited one by one (some left pending),
// or by a `for await` loop that may break, continue, return or throw. A ticker logs every microtask
// tick, so the logs show when each step happens, not only in what order.
//
// The program throws only errors of its own messages, and never a TypeError: a TypeError comes from
// the engine or the runtime, whose messages differ, so `sameErrors` compares those by name only.
import { random } from './random.js';

export interface RandomAsyncGeneratorOptions {
  /**
   * The engine the program runs in natively, whose log is the oracle. Each has corners where it is
   * not the specification, which the program stays out of (docs/semantics.md, section D-F):
   * - `node` (Node 20, V8 11.3) predates ecma262 #2600, so sync iterators under `yield*` and
   *   `for await` never hand over a rejected promise, and always have a `throw` method;
   * - `chromium` (Debian's, V8 15) closes a sync iterator under `yield*` whose `throw` method
   *   throws, and takes `return(v)` at a `yield*` whose v rejects as a `next` with the reason, so
   *   those `throw` methods return, and `return` requests get values that do not reject.
   * @default 'node'
   */
  oracle?: 'node' | 'chromium';
}

export function randomAsyncGeneratorProgram(seed: number, { oracle = 'node' }: RandomAsyncGeneratorOptions = {}): string {
  const syncValuesReject = oracle === 'chromium';
  const { chance, pick, below } = random(seed);
  let counter = 0;
  const fresh = (p: string) => `${p}${counter++}`;

  const fulfilling = (k = below(10)) => pick([`${k}`, `Promise.resolve(${k})`, `{ then(r) { log("thenable", ${k}); r(${k}); } }`]);
  const value = (settles = true): string => {
    const k = below(10);
    if (!settles && !syncValuesReject) return fulfilling(k);
    return pick([
      `${k}`,
      `${k}`,
      `Promise.resolve(${k})`,
      `rejected(${k})`,
      `{ then(r) { log("thenable", ${k}); r(${k}); } }`,
      `{ then(r, j) { log("rejecting thenable", ${k}); j("j${k}"); } }`,
      `Promise.resolve().then(() => ${k})`,
      `{ get then() { log("get then", ${k}); return undefined; }, k: ${k} }`,
    ]);
  };

  const resultObject = (done: string, settles = true): string =>
    pick([
      `({ value: ${value(settles)}, done: ${done} })`,
      `({ get value() { log("get value"); return ${below(10)}; }, get done() { log("get done"); return ${done}; } })`,
    ]);

  const innerIterator = (depth: number): string => {
    const roll = below(5);
    if (roll === 0 && depth < 2) {
      const name = fresh('ig');
      return `(async function* ${name}() { ${body(depth + 1, name, 3)} })()`;
    }
    if (roll === 1) {
      return `(function* () { log("sync inner start"); try { log("sync sent", yield ${value(false)}); yield ${value(false)}; } finally { log("sync inner finally"); } return ${below(10)}; })()`;
    }
    // A hand-written iterator, async or sync, with random methods.
    const isAsync = roll !== 2;
    const state = fresh('n');
    const wrap = (result: string) =>
      isAsync ? pick([result, `Promise.resolve(${result})`, `Promise.resolve().then(() => ${result})`]) : result;
    const next = `next(v) { log("inner next", v, ${state}); return ${wrap(`${state}++ < ${1 + below(3)} ? ${resultObject('false', isAsync)} : ${resultObject('true', isAsync)}`)}; }`;
    const ret = chance(0.6)
      ? `, return(v) { log("inner return", v); return ${pick([wrap(resultObject(pick(['true', 'false']), isAsync)), wrap('5'), wrap(`({ value: v, done: true })`)])}; }`
      : '';
    const thr = chance(isAsync || syncValuesReject ? 0.6 : 1)
      ? `, throw(e) { log("inner throw", e); ${chance(0.3) && (isAsync || oracle === 'node') ? 'throw e;' : `return ${wrap(resultObject(pick(['true', 'false']), isAsync))};`} }`
      : '';
    const key = isAsync ? 'Symbol.asyncIterator' : 'Symbol.iterator';
    return `(() => { let ${state} = 0; return { [${key}]() { return this; }, ${next}${ret}${thr} }; })()`;
  };

  const statement = (depth: number, label: string): string => {
    const roll = below(100);
    if (roll < 25) return `log("${label} sent", yield ${value()});`;
    if (roll < 35) return `log("${label} awaited", await ${value()});`;
    if (roll < 50) return `log("${label} delegated", yield* ${innerIterator(depth)});`;
    if (roll < 65 && depth < 3) {
      const fin = chance(0.5) ? ` finally { log("${label} finally"); ${body(depth + 1, label, 1)} }` : '';
      const cat = fin && chance(0.4) ? '' : ` catch (e) { log("${label} caught", e); ${body(depth + 1, label, 1)} }`;
      return `try { ${body(depth + 1, label, 2)} }${cat}${fin}`;
    }
    if (roll < 72) return `if ((yield ${value()}) === "stop") return ${value()};`;
    if (roll < 76) return `if (${below(3)} === 0) throw new URIError("thrown by ${label}");`;
    if (roll < 80) return `return ${value()};`;
    if (roll < 86 && depth < 3) return `for (let i = 0; i < 2; i++) { ${body(depth + 1, label, 2)} }`;
    if (roll < 91 && depth < 3) {
      // for await inside the generator: its own awaits interleave with the requests it serves.
      const exit = pick(['', 'break;', 'continue;', `return ${value()};`]);
      return `for await (const x of ${innerIterator(depth + 1)}) { log("${label} for await", x); ${body(depth + 1, label, 1)} if (x === ${below(5)}) ${exit || 'log("stay");'} }`;
    }
    if (roll < 94) return `log("${label} this", this && this.tag, arguments.length, (() => this && this.tag)());`;
    return `log("${label} plain");`;
  };

  function body(depth: number, label: string, count: number): string {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(statement(depth, label));
    return lines.join(' ');
  }

  const program: string[] = [
    '(function ticker(n) { if (n < 40) Promise.resolve().then(() => { log("tick", n); ticker(n + 1); }); })(0);',
    // Handled from the start (a catch that does nothing), so that none is reported as unhandled.
    'function rejected(k) { const promise = Promise.reject(new RangeError("r" + k)); promise.catch(() => {}); return promise; }',
  ];
  const generators: string[] = [];
  for (let i = 0, count = 1 + below(2); i < count; i++) {
    const name = fresh('g');
    generators.push(name);
    const text = `(a) { log("${name} start", a); ${body(0, name, 2 + below(4))} return ${value()}; }`;
    // A declaration, an object literal's method or a class's static method: `this` and `arguments`
    // reach the body through different wrappers.
    const form = below(3);
    if (form === 0) program.push(`async function* ${name}${text}`);
    else if (form === 1) program.push(`const ${name}o = { tag: "object", async *m${text} }; const ${name} = (a) => ${name}o.m(a);`);
    else program.push(`class ${name}c { static tag = "class"; static async *m${text} } const ${name} = (a) => ${name}c.m(a);`);
  }

  const requestArgument = (kind: string, i: number) =>
    kind === 'throw' ? `new SyntaxError("s${i}")` : pick([`"v${i}"`, '"stop"', kind === 'return' && oracle === 'chromium' ? fulfilling() : value()]);

  const describeResult = '(r) => log(label, "fulfilled", r && typeof r === "object" ? JSON.stringify(r) : r)';
  program.push(
    `function request(label, p) { p.then(${describeResult}, (e) => log(label, "rejected", e)); }`
  );

  for (const name of generators) {
    const driver = below(3);
    if (driver === 0) {
      // Requests queued synchronously: the queue serves them in order.
      const it = fresh('it');
      const requests: string[] = [];
      for (let i = 0, n = 2 + below(5); i < n; i++) {
        const kind = pick(['next', 'next', 'next', 'return', 'throw']);
        const arg = requestArgument(kind, i);
        requests.push(`request("${it}.${i} ${kind}", ${it}.${kind}(${arg}));`);
      }
      program.push(`const ${it} = ${name}(1); ${requests.join(' ')}`);
    } else if (driver === 1) {
      // Requests one after another, each awaited; some while the previous one is still pending.
      const it = fresh('it');
      const steps: string[] = [];
      for (let i = 0, n = 2 + below(6); i < n; i++) {
        const kind = pick(['next', 'next', 'next', 'return', 'throw']);
        const arg = requestArgument(kind, i);
        steps.push(
          chance(0.3)
            ? `request("${it}.${i} ${kind}", ${it}.${kind}(${arg}));`
            : `try { const r = await ${it}.${kind}(${arg}); log("${it}.${i}", JSON.stringify(r)); } catch (e) { log("${it}.${i} threw", e); }`
        );
      }
      program.push(`(async () => { const ${it} = ${name}(2); ${steps.join(' ')} })().then(() => log("${it} done"));`);
    } else {
      // for await, which may leave early.
      const exit = pick(['break;', 'return "left";', 'throw new EvalError("out");', 'continue;']);
      program.push(
        `(async () => { let n = 0; for await (const x of ${name}(3)) { log("${name} for await", x); if (++n > ${below(4)}) ${exit} } return n; })().then((v) => log("${name} loop", v), (e) => log("${name} loop threw", e));`
      );
    }
  }
  return program.join('\n');
}

/** A log with the messages of TypeErrors left out: the engine's and the runtime's are worded differently. */
export function sameErrors(log: string[]): string[] {
  return log.map((line) => line.replace(/TypeError: .*$/, 'TypeError'));
}
