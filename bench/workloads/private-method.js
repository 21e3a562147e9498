// Async private methods and async object-literal methods, called in a loop.
class Counter {
  #total = 0;
  async #add(x) { this.#total += await x; }
  async run(n) {
    for (let i = 0; i < n; i++) await this.#add(i);
    return this.#total;
  }
}
const helper = {
  factor: 3,
  async scale(x) { return (await x) * this.factor; },
};
globalThis.workload = async () => {
  let s = await new Counter().run(130000);
  for (let i = 0; i < 130000; i++) s += await helper.scale(i);
  return `${s} @${tick()}`;
};
