// A small app with the async shapes people write, for building with each host.
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Store {
  #items = new Map();
  async save(key, value) {
    await sleep(1);
    this.#items.set(key, value);
    return this.#items.size;
  }
  async load(key) {
    const value = await Promise.resolve(this.#items.get(key));
    if (value === undefined) throw new Error(`missing ${key}`);
    return value;
  }
}

export class CachedStore extends Store {
  async load(key) {
    try {
      return `cached:${await super.load(key)}`;
    } catch (error) {
      return `fallback:${error.message}`;
    }
  }
}
