// Seeded randomness for the random-program tests.

/** A small linear congruential generator: the same seed gives the same program on every machine. */
export function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)]!,
    below: (n: number) => Math.floor(next() * n),
  };
}
