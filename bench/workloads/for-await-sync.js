const values = Array.from({ length: 100000 }, (_, i) => i);
globalThis.workload = async () => { let s = 0; for await (const v of values) s += v; return String(s); };
