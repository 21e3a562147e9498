// arrow-callbacks, with the arrow's generator declared once per activation of the enclosing body
// (no IIFE, no object literal per evaluation): the arrow itself is the wrapper.
var doubled = { doubled(items, offset) { return _spawn(_doubled, this, [items, offset]); } }.doubled;
function* _doubled(items, offset) {
  function* _anonymous(x) { return (yield x) * 2 + offset }
  const values = yield Promise.all(items.map((x) => _spawn(_anonymous, void 0, [x])));
  return values.reduce((a, b) => a + b, 0);
}
globalThis.workload = (() => { function* _anonymous() {
  const items = [1, 2, 3, 4, 5, 6, 7, 8];
  let s = 0;
  for (let i = 0; i < 20000; i++) s += yield doubled(items, i);
  return `${s} @${tick()}`;
} return { "": () => _spawn(_anonymous, void 0, []) }[""]; })();
