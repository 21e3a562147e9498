// `await` inside try/catch/finally, with throws and rejections along the way.
async function guarded(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    try {
      if (i % 7 === 0) throw new Error('thrown');
      if (i % 11 === 0) await Promise.reject(new Error('rejected'));
      s += await i;
    } catch (error) {
      s -= error.message.length;
    } finally {
      s += await 1;
    }
  }
  return s;
}
globalThis.workload = async () => `${await guarded(100000)} @${tick()}`;
