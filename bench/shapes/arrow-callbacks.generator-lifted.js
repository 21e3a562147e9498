// arrow-callbacks, with the arrow's generator created once for the program: `offset`, the only
// variable it reads from the enclosing function, is never assigned, so its value is passed along
// with the arguments (closure conversion of read-only captures).
var doubled = { doubled(items, offset) { return _spawn(_doubled, this, [items, offset]); } }.doubled;
function* _anonymous(x, offset) { return (yield x) * 2 + offset }
function* _doubled(items, offset) {
  const values = yield Promise.all(items.map((x) => _spawn(_anonymous, void 0, [x, offset])));
  return values.reduce((a, b) => a + b, 0);
}
globalThis.workload = (() => { function* _anonymous() {
  const items = [1, 2, 3, 4, 5, 6, 7, 8];
  let s = 0;
  for (let i = 0; i < 20000; i++) s += yield doubled(items, i);
  return `${s} @${tick()}`;
} return { "": () => _spawn(_anonymous, void 0, []) }[""]; })();
