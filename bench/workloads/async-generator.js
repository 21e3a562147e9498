// An async generator consumed by for await.
async function* numbers(n) {
  for (let i = 0; i < n; i++) yield i;
}
globalThis.workload = async () => {
  let s = 0;
  for await (const v of numbers(200000)) s += v;
  return `${s} @${tick()}`;
};
