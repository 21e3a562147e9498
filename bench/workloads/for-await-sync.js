// for await over a sync iterable of plain values and promises.
const values = Array.from({ length: 450000 }, (_, i) => (i % 2 ? i : Promise.resolve(i)));
globalThis.workload = async () => {
  let s = 0;
  for await (const v of values) s += v;
  return `${s} @${tick()}`;
};
