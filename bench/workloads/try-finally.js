async function guarded(n) { let s = 0; for (let i = 0; i < n; i++) { try { if (i % 7 === 0) throw new Error('x'); s += await i; } catch { s -= 1; } finally { s += 1; } } return s; }
globalThis.workload = async () => String(await guarded(150000));
