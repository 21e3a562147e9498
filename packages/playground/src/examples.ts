// The graded examples menu, from a first `await` to async generators, and the classic countdown with
// its two Python twins (generator-based coroutines, then async/await).

export interface Example {
  id: string;
  title: string;
  filename: string;
  code: string;
  /** Read-only companions shown beside the JavaScript. */
  twins?: { title: string; code: string }[];
}

const countdown = `// Two coroutines interleaving: each prints, then sleeps, then lets the other run.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function countdown(label, n) {
  while (n > 0) {
    console.log(\`T-minus \${n} (\${label})\`);
    await sleep(1000);
    n--;
  }
}

countdown("A", 2);
countdown("B", 3);
`;

export const examples: Example[] = [
  {
    id: 'first-await',
    title: '1. A first await',
    filename: 'first.js',
    code: `async function greet(name) {\n  const greeting = await Promise.resolve("Hello");\n  return \`\${greeting}, \${name}!\`;\n}\n\ngreet("world").then(console.log);\nconsole.log("greet() returned before its body finished");\n`,
  },
  {
    id: 'countdown',
    title: '2. Two countdowns (with Python twins)',
    filename: 'countdown.js',
    code: countdown,
    twins: [
      {
        title: 'Python 3.4: @asyncio.coroutine and yield from',
        code: `import asyncio\n\n@asyncio.coroutine\ndef countdown(label, n):\n    while n > 0:\n        print(f"T-minus {n} ({label})")\n        yield from asyncio.sleep(1)\n        n -= 1\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(asyncio.wait([countdown("A", 2), countdown("B", 3)]))\n`,
      },
      {
        title: 'Python 3.5+: async def and await',
        code: `import asyncio\n\nasync def countdown(label, n):\n    while n > 0:\n        print(f"T-minus {n} ({label})")\n        await asyncio.sleep(1)\n        n -= 1\n\nasync def main():\n    await asyncio.gather(countdown("A", 2), countdown("B", 3))\n\nasyncio.run(main())\n`,
      },
    ],
  },
  {
    id: 'errors',
    title: '3. Errors and rejections',
    filename: 'errors.js',
    code: `async function load(id) {\n  if (id < 0) throw new RangeError("negative id");\n  return { id };\n}\n\nasync function main() {\n  try {\n    await load(-1);\n  } catch (error) {\n    console.log("caught:", error.message);\n  }\n  const rejected = load(-2);\n  rejected.catch((error) => console.log("rejected, not thrown:", error.name));\n}\nmain();\n`,
  },
  {
    id: 'try-finally',
    title: '4. try / finally',
    filename: 'finally.js',
    code: `async function withResource() {\n  console.log("open");\n  try {\n    return await Promise.resolve("result");\n  } finally {\n    await null;\n    console.log("closed before the caller sees the result");\n  }\n}\nwithResource().then((value) => console.log("got", value));\n`,
  },
  {
    id: 'loops',
    title: '5. Loops',
    filename: 'loops.js',
    code: `async function sum(values) {\n  let total = 0;\n  for (const value of values) {\n    total += await value;\n    console.log("running total", total);\n  }\n  return total;\n}\nsum([1, Promise.resolve(2), 3]).then((total) => console.log("total", total));\n`,
  },
  {
    id: 'promise-all',
    title: '6. Promise.all',
    filename: 'all.js',
    code: `const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));\n\nasync function fetchAll() {\n  const results = await Promise.all([sleep(30, "slow"), sleep(10, "fast"), "now"]);\n  console.log(results.join(", "));\n}\nfetchAll();\n`,
  },
  {
    id: 'arrows-this-arguments',
    title: '7. Async arrows, this and arguments',
    filename: 'arrows.js',
    code: `const counter = {\n  count: 0,\n  start() {\n    const tick = async (step) => {\n      await null;\n      this.count += step + arguments.length;\n      return this.count;\n    };\n    return tick(10);\n  },\n};\ncounter.start(1, 2).then((count) => console.log("count", count));\n`,
  },
  {
    id: 'super',
    title: '8. Class methods and super',
    filename: 'super.js',
    code: `class Store {\n  async load(key) { return \`value of \${key}\`; }\n}\n\nclass CachedStore extends Store {\n  #cache = new Map();\n  async load(key) {\n    if (!this.#cache.has(key)) this.#cache.set(key, await super.load(key));\n    return this.#cache.get(key);\n  }\n}\n\nconst store = new CachedStore();\nstore.load("a").then(console.log);\n`,
  },
  {
    id: 'async-generators',
    title: '9. Async generators and for await',
    filename: 'generators.js',
    code: `async function* ticks(n) {\n  for (let i = 1; i <= n; i++) {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    yield i;\n  }\n}\n\nasync function main() {\n  for await (const tick of ticks(3)) console.log("tick", tick);\n  console.log("done");\n}\nmain();\n`,
  },
  {
    id: 'typescript',
    title: '10. TypeScript',
    filename: 'example.ts',
    code: `interface User { id: number; name: string }\n\nasync function getUser(id: number): Promise<User> {\n  const name: string = await Promise.resolve("Ada");\n  return { id, name };\n}\n\ngetUser(1).then((user) => console.log(user.name));\n`,
  },
];
