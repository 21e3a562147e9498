// await in a loop on native promises
async function promises(n) { let s = 0; for (let i = 0; i < n; i++) s += await Promise.resolve(i); return s; }
globalThis.workload = async () => String(await promises(300000));
