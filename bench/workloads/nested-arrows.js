// Async arrows that use this, arguments and super, created on every call of an async method: where
// every peer collapses.
class Base {
  value() { return 1; }
}
class Derived extends Base {
  constructor() { super(); this.k = 2; }
  async method(x) {
    const inner = async (y) => this.k + arguments[0] + super.value() + (await y);
    return inner(x);
  }
}
const d = new Derived();
globalThis.workload = async () => {
  let s = 0;
  for (let i = 0; i < 150000; i++) s += await d.method(i);
  return `${s} @${tick()}`;
};
