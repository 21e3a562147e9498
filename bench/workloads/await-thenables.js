// `await` on thenables: plain objects and class instances whose `then` runs a tick later.
const plain = { then(resolve) { resolve(1); } };
class Deferred {
  constructor(value) { this.value = value; }
  then(resolve) { resolve(this.value); }
}
async function sum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += await plain;
  for (let i = 0; i < n; i++) s += await new Deferred(i);
  return s;
}
globalThis.workload = async () => `${await sum(160000)} @${tick()}`;
