// await in a loop on plain values, native promises and thenables
async function values(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
async function promises(n) { let s = 0; for (let i = 0; i < n; i++) s += await Promise.resolve(i); return s; }
const thenable = { then(resolve) { resolve(1); } };
async function thenables(n) { let s = 0; for (let i = 0; i < n; i++) s += await thenable; return s; }
globalThis.workload = async () => [await values(200000), await promises(200000), await thenables(100000)].join();
