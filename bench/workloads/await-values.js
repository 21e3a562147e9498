// `await` on plain values in a loop: the cheapest suspension there is.
async function sum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += await i;
  return s;
}
globalThis.workload = async () => `${await sum(1000000)} @${tick()}`;
