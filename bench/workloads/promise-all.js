async function task(i) { await null; return i * 2; }
async function all(n) { const results = await Promise.all(Array.from({ length: n }, (_, i) => task(i))); return results.reduce((a, b) => a + b, 0); }
globalThis.workload = async () => { let s = 0; for (let r = 0; r < 20; r++) s += await all(5000); return String(s); };
