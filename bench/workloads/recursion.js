// Deep async recursion: every call is a new async function activation awaiting two more.
async function fib(n) {
  return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2));
}
globalThis.workload = async () => `${await fib(26)} @${tick()}`;
