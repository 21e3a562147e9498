async function* inner(n) { for (let i = 0; i < n; i++) yield i; }
async function* outer(n) { yield* inner(n); }
globalThis.workload = async () => { let s = 0; for await (const v of outer(50000)) s += v; return String(s); };
