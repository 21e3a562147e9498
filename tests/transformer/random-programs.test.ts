// Random programs, run natively and lowered: the logs must be identical. Aimed at where the lowering
// decides the most from scope analysis (which async arrows get a generator made once, with which
// values passed per call, or one made in a class's static field): functions, classes and object
// methods whose bodies declare, shadow and reassign parameters, constants, `let`s, function and
// class declarations, and create async arrows that read them before and after awaits, in loops and
// blocks, with timers reassigning bindings in between; in classes, `super` reads, calls and writes;
// try/catch/finally, labelled break and continue; async generators that yield, delegate and read
// what `next` sends, consumed by `for await` loops that may break early; object literals' async
// methods; and statements outside any function, in blocks, cases and catch bodies. Reads of names in their dead zone, and
// assignments to constants, are logged as errors, so they must match too.
//
// Seeded, so a failure reproduces: the test prints the program. A program that does not parse is
// skipped (the generator writes private names and `super` only where they parse).
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lower, runScript } from '../support/exec.js';
import { random } from '../support/random.js';

export function randomProgram(seed: number): string {
  const { chance, pick, below } = random(seed);
  let id = 0;
  const fresh = (prefix: string) => `${prefix}${id++}`;
  // Whether the code being written is in a class method (private names and `super` parse there),
  // and not in a nested plain function (where `super` does not).
  let inClass = false;
  let inPlainFunction = false;
  // Outside any function (where `arguments` names nothing: `typeof` it, or read it and catch the ReferenceError).
  let atTopLevel = false;
  const outerArguments = ['(typeof arguments).length', '(() => { try { return arguments.length; } catch (e) { return e.name.length; } })()'];
  // Names starting a, h, k are functions and classes; the rest hold numbers.
  const values = (names: string[]) => names.filter((name) => !/^[ahk]\d/.test(name));

  function expression(names: string[], depth: number, inAsync: boolean): string {
    const numbers = values(names);
    const functions = names.filter((name) => /^h\d/.test(name));
    const classes = names.filter((name) => /^k\d/.test(name));
    const sub = () => expression(names, depth + 1, inAsync);
    if (depth > 2 || chance(0.25)) return String(below(10));
    if (numbers.length && chance(0.45)) return pick(numbers);
    if (inAsync && chance(0.2)) return chance(0.5) ? `(await ${sub()})` : `(await Promise.resolve(${sub()}))`;
    if (functions.length && chance(0.2)) return `${pick(functions)}(${sub()})`;
    if (classes.length && chance(0.15)) return `new ${pick(classes)}(${sub()}).v`;
    if (inClass && chance(0.1)) return '(this ? this.#v : 0)';
    if (inClass && !inPlainFunction && chance(0.1)) return pick([`super.base(${sub()})`, 'super.b', `super[(0, "b")]`, `(super.b = ${sub()})`]);
    if (chance(0.1)) return atTopLevel ? pick(outerArguments) : 'arguments.length';
    if (chance(0.3)) return `(${sub()} + ${sub()})`;
    if (chance(0.1)) return pick([`[...[${sub()}, ${sub()}]].length`, `({ ...{ a: ${sub()} } }).a`, `(${sub()})?.toFixed?.(0)`]);
    if (inAsync && chance(0.1)) {
      const outer = inPlainFunction;
      inPlainFunction = true;
      const inner = sub();
      inPlainFunction = outer;
      return `(await (async function named(v) { return typeof named + (v + (await ${inner})); })(${sub()}))`;
    }
    if (inAsync && chance(0.1)) {
      const fallback = expression(names, depth + 1, false);
      return `(await (async ({ a = ${fallback} } = {}, ...rest) => a + rest.length)(${chance(0.5) ? '' : `{ a: ${sub()} }, 1, 2`}))`;
    }
    if (chance(0.2)) return `(${sub()} ? ${sub()} : ${sub()})`;
    if (chance(0.2)) return `\`\${${sub()}}-\${${sub()}}\``;
    if (chance(0.2)) return `(${sub()}, ${sub()})`;
    return `(typeof ${pick(['undeclared', ...names])} === "number" ? 1 : 2)`;
  }

  function statements(names: string[], depth: number, inAsync: boolean, label: string, inArrow: boolean): string[] {
    const lines: string[] = [];
    const scope = [...names];
    const nested = (extra: string[]) => statements([...scope, ...extra], depth + 1, inAsync, label, inArrow).join(' ');
    for (let count = 2 + below(5); count > 0; count--) {
      const roll = below(100);
      if (roll < 15) {
        const name = fresh(chance(0.6) ? 'c' : 'l');
        lines.push(`${name.startsWith('c') ? 'const' : 'let'} ${name} = ${expression(scope, 0, inAsync)};`);
        scope.push(name);
      } else if (roll < 22 && scope.length) {
        const name = pick(scope);
        lines.push(`try { ${name} = ${expression(scope, 0, inAsync)}; } catch (e) { log("assign", ${JSON.stringify(name)}, e.name); }`);
      } else if (roll < 28) {
        const name = fresh('k');
        if (chance(0.6)) {
          lines.push(`class ${name} { constructor(v) { this.v = v + 1; } }`);
        } else {
          // A class with a private field whose async method's arrows use it (a generator from a static
          // field), made wherever this statement runs (in a loop: once per iteration); new.target in an arrow.
          const outer = [inClass, inPlainFunction];
          [inClass, inPlainFunction] = [true, false];
          const body = statements(values(scope), depth + 1, true, name, true).join(' ');
          [inClass, inPlainFunction] = outer;
          lines.push(
            `class ${name} { #secret = ${below(9)}; #v = 7; constructor(v) { this.v = v + 1; this.kind = (async () => new.target === ${name})(); } async reveal(k) { ${body} const read = async (m) => this.#secret * m + (await k); return read(2); } }`,
            `new ${name}(1).reveal(${expression(scope, 1, false)}).then((v) => log(${JSON.stringify(name)}, v), (e) => log(${JSON.stringify(name)}, e.name));`
          );
        }
        scope.push(name);
      } else if (roll < 36) {
        const name = fresh('h');
        const parameter = chance(0.8) ? 'x' : pick(['x', ...values(scope).slice(0, 2)]);
        const outer = inPlainFunction;
        inPlainFunction = true;
        lines.push(`function ${name}(${parameter}) { return ${parameter} + ${expression(scope, 1, false)}; }`);
        inPlainFunction = outer;
        scope.push(name);
      } else if (roll < 54 && !inArrow) {
        const name = fresh('a');
        const parameters = chance(0.5) ? [chance(0.8) ? pick(['x', 'y']) : pick(['x', 'y', ...values(scope)])] : [];
        let body = statements([...scope, ...parameters], depth + 1, true, name, true).join(' ');
        // Read every binding in sight after a tick, when the code after the call may have changed them.
        const seen = values([...scope, ...parameters]);
        if (seen.length && chance(0.5)) body += ` await null; log(${JSON.stringify(name)}, "later", ${seen.map((v) => `(() => { try { return ${v}; } catch (e) { return e.name; } })()`).join(', ')});`;
        const result = chance(0.3) ? pick(['this && 1', atTopLevel ? pick(outerArguments) : 'arguments.length', '1']) : expression([...scope, ...parameters], 0, true);
        lines.push(`const ${name} = async (${parameters.join(', ')}) => { ${body} return ${result}; };`);
        scope.push(name);
        const call = `${name}(${expression(scope, 0, false)})`;
        lines.push(
          inAsync
            ? `log(${JSON.stringify(name)}, await ${call}.catch((e) => e.name));`
            : `${call}.then((v) => log(${JSON.stringify(name)}, v), (e) => log(${JSON.stringify(name)}, e.name));`
        );
        // While the arrow waits, a binding it may read changes (or fails to: a constant).
        const changed = values(scope);
        if (!inAsync && changed.length && chance(0.6)) {
          const target = pick(changed);
          lines.push(`try { ${target} = ${expression(scope, 1, false)}; } catch (e) { log("assign", ${JSON.stringify(target)}, e.name); }`);
        }
      } else if (roll < 61 && depth < 3) {
        const item = fresh('i');
        lines.push(`for (const ${item} of [1, 2]) { ${nested([item])} }`);
      } else if (roll < 67 && depth < 3 && scope.length) {
        const shadowed = pick(chance(0.7) ? scope.filter((name) => name !== 'p' && name !== 'q').concat('x') : scope);
        lines.push(`{ const ${shadowed} = ${expression(scope, 0, inAsync)}; ${nested([])} }`);
      } else if (roll < 72) {
        lines.push(`log(${JSON.stringify(label)}, ${expression(scope, 0, inAsync)});`);
      } else if (roll < 75 && !inArrow && depth < 3) {
        // A nested async function declaration, called before its declaration (hoisting) and after.
        const name = fresh('d');
        const before = `${name}(${expression(scope, 1, false)}).then((v) => log(${JSON.stringify(name)}, v), (e) => log(${JSON.stringify(name)}, e.name));`;
        const outer = inPlainFunction;
        inPlainFunction = true;
        const body = statements([...scope, 'x'], depth + 1, true, name, true).join(' ');
        inPlainFunction = outer;
        lines.push(before, `async function ${name}(x) { ${body} return x; }`, before);
      } else if (roll < 78 && depth < 3) {
        // The counter is out of the body's reach, so the loop ends.
        const counter = fresh('w');
        lines.push(`let ${counter} = 0; while (${counter}++ < ${inAsync ? `(await ${below(3)})` : below(3)}) { ${nested([])} }`);
      } else if (roll < 81 && !inArrow && depth < 3) {
        // An object literal's async method, called right away.
        const name = fresh('o');
        const body = statements([...scope, 'x'], depth + 1, true, name, true).join(' ');
        lines.push(`const ${name} = { base: ${below(5)}, async m(x) { ${body} return this.base + x; } };`);
        lines.push(`${name}.m(${expression(scope, 1, false)}).then((v) => log(${JSON.stringify(name)}, v), (e) => log(${JSON.stringify(name)}, e.name));`);
      } else if (roll < 84 && !inClass && values(scope).length) {
        // Names resolved at run time: direct eval, and a `with` object that shadows one of them.
        const name = pick(values(scope));
        lines.push(
          chance(0.5)
            ? `log(${JSON.stringify(label)}, "eval", eval(${JSON.stringify(`typeof ${name} === "number" ? ${name} : -1`)}));`
            : `with ({ ${name}: "shadowed" }) { log(${JSON.stringify(label)}, "with", ${name}); }`
        );
      } else if (roll < 86 && !inArrow && (label.startsWith('f') || label.startsWith('d')) && scope.includes('p')) {
        // Sloppy parameters and `arguments` alias each other.
        lines.push(`arguments[0] = ${expression(scope, 1, inAsync)}; log(${JSON.stringify(label)}, "aliased", p, arguments[0]);`);
      } else if (roll < 89 && depth < 3) {
        const cases = [below(4), below(4)].map((v) => `case ${inAsync && chance(0.5) ? `await ${v}` : v}: log(${JSON.stringify(label)}, "case ${v}"); ${chance(0.5) ? nested([]) : ''} ${chance(0.5) ? 'break;' : ''}`).join(' ');
        lines.push(`switch (${expression(scope, 1, inAsync)}) { ${cases} default: log(${JSON.stringify(label)}, "default"); }`);
      } else if (roll < 92 && depth < 3) {
        // A body that may throw, with a finally that runs either way (and may await).
        const thrown = chance(0.5) ? `if (${expression(scope, 1, inAsync)} > 5) throw new RangeError("big");` : '';
        lines.push(`try { ${thrown} ${nested([])} } catch (e) { log(${JSON.stringify(label)}, "caught", e.name); } finally { log(${JSON.stringify(label)}, "finally", ${expression(scope, 1, inAsync)}); }`);
      } else if (roll < 95 && depth < 3) {
        const item = fresh('i');
        const outer = fresh('outer');
        const exit = pick([`break ${outer};`, `continue ${outer};`, 'break;', 'continue;']);
        lines.push(`${outer}: for (const ${item} of [1, 2, 3]) { for (const j of [1, 2]) { if (${item} + j > ${below(6)}) ${exit} ${nested([item])} } }`);
      } else if (roll < 100 && label.startsWith('g') && !inArrow) {
        // In an async generator: yield (awaited), delegate, and read what next() sends.
        const outer = inPlainFunction;
        inPlainFunction = true;
        const plain = expression(scope, 1, false);
        inPlainFunction = outer;
        lines.push(
          pick([
            `log(${JSON.stringify(label)}, "sent", yield ${expression(scope, 0, inAsync)});`,
            // A sync generator, not an array: throw() into an array's async-from-sync iterator is a
            // TypeError since ecma262 PR 2600, which Node 20 predates.
            `yield* (function* () { yield ${plain}; yield Promise.resolve(${below(10)}); })();`,
            `yield Promise.resolve(${expression(scope, 1, inAsync)});`,
            `try { yield ${expression(scope, 1, inAsync)}; } finally { await null; log(${JSON.stringify(label)}, "unwound"); }`,
            `log(${JSON.stringify(label)}, "inner returned", yield* (async function* () { try { yield ${below(5)}; yield ${plain}; } finally { log("inner closed"); } return "inner"; })());`,
          ])
        );
      } else {
        lines.push(`setTimeout(() => { try { ${scope.length ? pick(scope) : 'x'} = 7; } catch (e) {} }, 0);`);
      }
    }
    return lines;
  }

  const program: string[] = ['class Base { base(v) { return v + 1; } get b() { return 3; } set b(v) { log("set b", v); } }'];
  const functions: string[] = [];
  for (let count = 1 + below(3); count > 0; count--) {
    const name = fresh('f');
    const parameters = ['p', 'q'].slice(0, below(3));
    const list = parameters.join(', ');
    const first = parameters[0] ?? '0';
    const kind = below(130);
    inClass = kind < 15 || (kind >= 55 && kind < 80) || kind >= 100;
    if (kind < 15) {
      const body = statements(parameters, 0, false, name, false).join(' ');
      program.push(`class P${name} extends Base { #v = 5; run(${list}) { ${body} return Promise.resolve(${first}); } } const ${name} = (...a) => new P${name}().run(...a);`);
    } else if (kind < 30) {
      program.push(`function ${name}(${list}) { ${statements(parameters, 0, false, name, false).join(' ')} return Promise.resolve(${first}); }`);
    } else if (kind < 55) {
      program.push(`async function ${name}(${list}) { ${statements(parameters, 0, true, name, false).join(' ')} return ${first}; }`);
    } else if (kind < 80) {
      // A class declaration, an anonymous class expression named by its binding, or one constructed
      // where it stands (`new class {}()`), each with an async method and an async generator method.
      const body = statements(parameters, 0, true, name, false).join(' ');
      const members = `#v = 1; async m(${list}) { ${body} return this.#v; } async *g() { yield this.#v; }`;
      // An async generator method owns a prototype (not where the class is made per call, as in the arrow below).
      const report = `(o, ...a) => o.m(...a).then((v) => [v, o.constructor.name, typeof o.g.prototype, o.g.name].join())`;
      program.push(
        pick([
          `class K${name} extends Base { ${members} } const ${name} = (...a) => (${report})(new K${name}(), ...a);`,
          `const K${name} = class extends Base { ${members} }; const ${name} = (...a) => (${report})(new K${name}(), ...a);`,
          `const ${name} = (...a) => new class extends Base { ${members} }().m(...a);`,
        ])
      );
    } else if (kind < 90) {
      const generator = fresh('g');
      const body = statements(parameters, 0, true, generator, false).join(' ');
      program.push(`async function* ${generator}(${list}) { try { ${body} yield ${first}; } finally { log(${JSON.stringify(generator)}, "closed"); } return "done"; }`);
      const stop = below(8);
      const consume = pick([
        `let n = 0; for await (const v of ${generator}(${list})) { log(${JSON.stringify(generator)}, v); if (++n > ${stop}) break; } return n;`,
        `const it = ${generator}(${list}); const steps = [it.next(), it.next("sent"), it.return("early"), it.next()]; return JSON.stringify(await Promise.all(steps));`,
        `const it = ${generator}(${list}); log(${JSON.stringify(generator)}, JSON.stringify(await it.next())); try { await it.throw(new RangeError("thrown in")); } catch (e) { log(${JSON.stringify(generator)}, "threw", e.name); } return JSON.stringify(await it.next());`,
      ]);
      program.push(`async function ${name}(${list}) { ${consume} }`);
    } else if (kind < 100) {
      program.push(`const ${name} = { async m(${list}) { ${statements(parameters, 0, true, name, false).join(' ')} return 1; } }.m;`);
    } else if (kind < 110) {
      // A static async method and a private one it calls.
      const body = statements(parameters, 0, true, name, false).join(' ');
      program.push(`class S${name} extends Base { static #v = 2; static async #inner(${list}) { ${body} return 1; } static async run(${list}) { return (await S${name}.#inner(${list})) + S${name}.#v; } } const ${name} = (...a) => S${name}.run(...a);`);
    } else if (kind < 120) {
      // An async arrow in an instance field, one in a static block, and `for await` over values and promises.
      const body = statements(parameters, 0, true, name, true).join(' ');
      program.push(
        `class F${name} extends Base { #v = 3; static made = []; static { F${name}.made.push(async () => this.name); } run = async (${list}) => { ${body} let total = 0; for await (const v of [1, Promise.resolve(2), ${parameters[0] ?? 3}]) { if (v === 2) continue; total += v; } return total + this.#v + super.b; }; } const ${name} = async (...a) => (await F${name}.made[0]()) + (await new F${name}().run(...a));`
      );
    } else {
      // An async method with a computed key, and an async generator method with one.
      const body = statements(parameters, 0, true, name, false).join(' ');
      program.push(
        `const key${name} = "m" + ${below(3)}; class C${name} extends Base { #v = 4; async [key${name}](${list}) { ${body} return this.#v; } async *[key${name} + "g"]() { yield super.b; yield* [this.#v]; } } const ${name} = async (...a) => { const o = new C${name}(); const out = [await o[key${name}](...a)]; for await (const v of o[key${name} + "g"]()) out.push(v); return out.join(); };`
      );
    }
    functions.push(name);
  }
  // Statements outside any function too: their async arrows and object methods get generators
  // declared in the script's, a block's, a case's or a catch body's statement list.
  atTopLevel = true;
  inClass = false;
  program.push(`try { ${statements([], 0, false, 'top', false).join(' ')} } catch (e) { log("top", "caught", e.name); }`);
  program.push(statements([], 0, false, 'top', false).join(' '));
  atTopLevel = false;
  program.push('Promise.resolve().then(() => log("tick 1")).then(() => log("tick 2")).then(() => log("tick 3"));');
  const calls = functions.map((f) => `try { log(${JSON.stringify(f)}, "=", await ${f}(1, 2)); } catch (e) { log(${JSON.stringify(f)}, "threw", e.name); }`);
  program.push(`(async () => { ${calls.join(' ')} })();`);
  return program.join('\n');
}

function minify(code: string, minifySyntax: boolean): string | undefined {
  try {
    return esbuild.transformSync(code, { minifyWhitespace: true, minifySyntax, target: 'esnext', logLevel: 'silent' }).code;
  } catch {
    return undefined;
  }
}

function parses(code: string): boolean {
  try {
    new vm.Script(code);
    return true;
  } catch {
    return false;
  }
}

describe('random programs', () => {
  const seeds = Array.from({ length: 320 }, (_, i) => 1000 + i * 7919);
  it('run the same natively and lowered', async () => {
    let run = 0;
    for (const seed of seeds) {
      const code = randomProgram(seed);
      if (!parses(code)) continue;
      const native = await runScript(code, 'native.js');
      const loweredCode = lower(code);
      const lowered = await runScript(loweredCode, 'lowered.js');
      expect(lowered.log, `seed ${seed}:\n${code}`).toEqual(native.log);
      // The build plugins parse only top-level statements with async syntax: the lowering is the same.
      expect(lower(code, { parseOnlyAsyncStatements: true }), `seed ${seed}`).toBe(loweredCode);
      run++;
    }
    expect(run).toBeGreaterThan(270);
  });

  // `@yieldfrom-ignore` keeps some functions native among lowered ones (a comment before a third of
  // the async functions, arrows and methods; one after `static` or `export` marks nothing): calls
  // between the two kinds keep native's ticks, and lowering the output again (or parsing only the
  // statements with async syntax) changes nothing.
  it('run the same with some functions kept native by @yieldfrom-ignore', async () => {
    let run = 0;
    let kept = 0;
    for (const seed of seeds.slice(0, 100)) {
      const { chance } = random(seed + 1);
      const code = randomProgram(seed).replace(/\basync\b(?=\s*(function|\(|\*|[\w$]+\s*(=>|\()))/g, (word) => (chance(1 / 3) ? `/* @yieldfrom-ignore */ ${word}` : word));
      if (!parses(code)) continue;
      const native = await runScript(code, 'native.js');
      const loweredCode = lower(code);
      kept += (loweredCode.match(/@yieldfrom-ignore \*\/ async\b/g) ?? []).length;
      expect((await runScript(loweredCode, 'lowered.js')).log, `seed ${seed}:\n${code}`).toEqual(native.log);
      expect(lower(loweredCode), `seed ${seed}`).toBe(loweredCode);
      expect(lower(code, { parseOnlyAsyncStatements: true }), `seed ${seed}`).toBe(loweredCode);
      run++;
    }
    expect(run).toBeGreaterThan(80);
    expect(kept).toBeGreaterThan(500);
  });

  // asyncFunctionPrototype wraps arrows and expressions, converts methods' computed keys where they
  // stand and hands classes and object literals to the runtime: none of it may change what runs.
  it('run the same with asyncFunctionPrototype', async () => {
    let run = 0;
    for (const seed of seeds.slice(0, 120)) {
      const code = randomProgram(seed);
      if (!parses(code)) continue;
      const native = await runScript(code, 'native.js');
      const lowered = await runScript(lower(code, { asyncFunctionPrototype: true }), 'lowered.js');
      expect(lowered.log, `seed ${seed}:\n${code}`).toEqual(native.log);
      run++;
    }
    expect(run).toBeGreaterThan(100);
  });

  // Lowered code goes on through other tools: esbuild rewrites some class shapes (a class's own name
  // inside its computed keys throws there), so the output must run the same after it too.
  it('run the same minified (esbuild, names kept), natively and lowered', async () => {
    let run = 0;
    for (const seed of seeds.slice(0, 120)) {
      const code = randomProgram(seed);
      if (!parses(code)) continue;
      // Minified code leaves out the spaces and parentheses the lowering might rely on. Where esbuild's
      // syntax minification refuses the program (an assignment to a constant, which these make to log
      // the TypeError) or gives output that does not parse (sloppy functions declared in `switch`
      // cases), white space alone is minified.
      const minified = [true, false].map((minifySyntax) => minify(code, minifySyntax)).find((text) => text !== undefined && parses(text));
      if (!minified) continue;
      const native = await runScript(minified, 'native.js');
      const lowered = await runScript(lower(minified), 'lowered.js');
      expect(lowered.log, `seed ${seed}:\n${minified}`).toEqual(native.log);
      run++;
    }
    expect(run).toBeGreaterThan(90);
  });

  it('run the same after esbuild transforms the lowered output', async () => {
    let run = 0;
    for (const seed of seeds.slice(0, 90)) {
      const code = randomProgram(seed);
      if (!parses(code)) continue;
      const viaEsbuild = (text: string) => esbuild.transformSync(text, { loader: 'js', target: 'esnext', logLevel: 'silent' }).code;
      // esbuild may rename a class (k1 to k12), which shows in an uncaught error's message only.
      const errorTypes = (log: string[]) => log.map((line) => line.replace(/^(uncaught \w+):.*$/, '$1'));
      const native = errorTypes((await runScript(code, 'native.js')).log);
      // Only programs esbuild itself keeps as they are (it has shapes of its own it gets wrong, such as
      // sloppy-mode functions declared in blocks), so that what differs is the lowering's doing.
      if (JSON.stringify(errorTypes((await runScript(viaEsbuild(code), 'native.js')).log)) !== JSON.stringify(native)) continue;
      const lowered = errorTypes((await runScript(viaEsbuild(lower(code)), 'lowered.js')).log);
      expect(lowered, `seed ${seed}:\n${code}`).toEqual(native);
      run++;
    }
    expect(run).toBeGreaterThan(40);
  });
});
