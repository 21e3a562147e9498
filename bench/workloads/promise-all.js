// Promise.all over many concurrent tasks; the order in which they finish is part of the checksum.
async function task(i, finished) {
  for (let k = 0; k < i % 4; k++) await null;
  finished.push(i);
  return i * 2;
}
async function batch(n) {
  const finished = [];
  const results = await Promise.all(Array.from({ length: n }, (_, i) => task(i, finished)));
  let order = 0;
  for (let i = 0; i < finished.length; i++) order = (order * 31 + finished[i]) % 1000000007;
  return results.reduce((a, b) => a + b, 0) + order;
}
globalThis.workload = async () => {
  let s = 0;
  for (let r = 0; r < 30; r++) s += await batch(5000);
  return `${s} @${tick()}`;
};
