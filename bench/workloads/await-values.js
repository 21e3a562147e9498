// await in a loop on plain values
async function values(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
globalThis.workload = async () => String(await values(300000));
