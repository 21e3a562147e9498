// yield* delegation from one async generator to another, consumed by for await.
async function* inner(n) {
  for (let i = 0; i < n; i++) yield i;
  return n;
}
async function* outer(n) {
  const last = yield* inner(n);
  yield last;
}
globalThis.workload = async () => {
  let s = 0;
  for await (const v of outer(150000)) s += v;
  return `${s} @${tick()}`;
};
