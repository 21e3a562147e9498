// `await` on native promises, already resolved and resolved later.
async function sum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += await Promise.resolve(i);
  for (let i = 0; i < n; i++) s += await new Promise((resolve) => Promise.resolve().then(() => resolve(i)));
  return s;
}
globalThis.workload = async () => `${await sum(250000)} @${tick()}`;
