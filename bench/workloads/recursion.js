async function fib(n) { return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2)); }
globalThis.workload = async () => String(await fib(21));
