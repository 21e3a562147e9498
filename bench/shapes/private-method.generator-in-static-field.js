// private-method, with `async #add` lowered like the other methods: its generator created once per
// class evaluation, in the initializer of a static private field placed first among the static
// elements (a private method has no computed key to host it), instead of on every call.
var _add, _run, _scale;
class Counter {
  static #_ = (_add = function* __add(x) { this.#total += yield x; }, void 0);
  #total = 0;
  #add(x) { return _spawn(_add, this, [x]); }
  [(_run = function*(n) {
    for (let i = 0; i < n; i++) yield this.#add(i);
    return this.#total;
  }, "run")](n) { return _spawn(_run, this, [n]); }
}
const helper = {
  factor: 3,
  [(_scale = function*(x) { return (yield x) * this.factor; }, "scale")](x) { return _spawn(_scale, this, [x]); },
};
globalThis.workload = (() => { function* _anonymous() {
  let s = yield new Counter().run(130000);
  for (let i = 0; i < 130000; i++) s += yield helper.scale(i);
  return `${s} @${tick()}`;
} return { "": () => _spawn(_anonymous, void 0, []) }[""]; })();
