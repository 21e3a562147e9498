// Async methods keep `super` and private names working across awaits.
class Store {
  async load(key) {
    return `value of ${key}`;
  }
}

class CachedStore extends Store {
  #cache = new Map();

  async load(key) {
    if (!this.#cache.has(key)) {
      console.log("miss", key);
      this.#cache.set(key, await super.load(key));
    }
    return this.#cache.get(key);
  }
}

const store = new CachedStore();
store.load("a")
  .then(() => store.load("a"))
  .then((value) => console.log(value));
