// Small statistics shared by the benchmarks: medians with min-max, ratios from the same round.
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "1.23 (1.10–1.40)" */
export function summary(values, digits = 2) {
  const fmt = (v) => v.toFixed(digits);
  return `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
}

export function geometricMean(values) {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/** `items` rotated by `round`, so no item always runs first (on the coldest or warmest machine). */
export function rotate(items, round) {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** A full collection between timed passes, when the process can ask for one. */
export async function collectGarbage() {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  gc();
}

/** "1,234" */
export const bytes = (n) => n.toLocaleString('en-US');
