// A small app with the async shapes people write, for building with each host.
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Store {
  #items = new Map();
  // A method naming its own class, in a class with class fields (esbuild throws on a class's name
  // inside one of its computed keys, where a method's generator is usually made).
  static async empty() {
    await sleep(1);
    return new Store();
  }
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

// The same in a class without class fields.
export class Registry {
  static async create(name) {
    await sleep(1);
    return new Registry(name);
  }
  constructor(name) {
    this.name = name;
  }
  async describe() {
    return `registry ${this instanceof Registry}:${await this.name}`;
  }
}
