async function* numbers(n) { for (let i = 0; i < n; i++) yield i; }
globalThis.workload = async () => { let s = 0; for await (const v of numbers(100000)) s += v; return String(s); };
