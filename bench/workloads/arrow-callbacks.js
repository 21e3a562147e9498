// Async arrow callbacks created on every call (items.map(async (x) => ...)), the everyday pattern.
async function doubled(items, offset) {
  const values = await Promise.all(items.map(async (x) => (await x) * 2 + offset));
  return values.reduce((a, b) => a + b, 0);
}
globalThis.workload = async () => {
  const items = [1, 2, 3, 4, 5, 6, 7, 8];
  let s = 0;
  for (let i = 0; i < 20000; i++) s += await doubled(items, i);
  return `${s} @${tick()}`;
};
