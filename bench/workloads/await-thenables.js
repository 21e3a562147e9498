// await in a loop on thenables (two ticks each)
const thenable = { then(resolve) { resolve(1); } };
async function thenables(n) { let s = 0; for (let i = 0; i < n; i++) s += await thenable; return s; }
globalThis.workload = async () => String(await thenables(150000));
