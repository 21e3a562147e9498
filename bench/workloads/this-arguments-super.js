// An async method that reads this, arguments and super, called in a loop.
class Base {
  value() { return 1; }
}
class Derived extends Base {
  constructor() { super(); this.k = 2; }
  async method(x) { return this.k + arguments.length + super.value() + (await x); }
}
const d = new Derived();
globalThis.workload = async () => {
  let s = 0;
  for (let i = 0; i < 300000; i++) s += await d.method(i);
  return `${s} @${tick()}`;
};
