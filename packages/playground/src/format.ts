// console.log's arguments as one line of text, close to how a browser console shows them:
//   console.log("got", { id: 7, tags: ["a"] }, [1, 2], new Map([["k", 1]]))
//   => got {id: 7, tags: ['a']} [1, 2] Map(1) {'k' => 1}
// The native and the lowered run format through this same function, so their lines compare equal
// exactly when the programs printed the same values.
const maxDepth = 2;
const maxItems = 20;

export function formatArguments(values: unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : describe(value))).join(' ');
}

/** A value as one line of text (strings quoted). */
export function describe(value: unknown, depth = 0, seen: Set<object> = new Set()): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/'/g, "\\'")}'`;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `ƒ ${value.name || '(anonymous)'}`;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value === null) return 'null';
  if (seen.has(value)) return '[Circular]';
  if (isError(value)) return `${value.name}: ${value.message}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'Promise') return 'Promise {…}';
  if (depth > maxDepth) return Array.isArray(value) ? `Array(${value.length})` : tag === 'Object' ? '{…}' : `${tag} {…}`;
  seen.add(value);
  try {
    const inner = (item: unknown) => describe(item, depth + 1, seen);
    if (Array.isArray(value)) return `[${listOf(value.map(inner), value.length)}]`;
    if (value instanceof Map) return `Map(${value.size}) {${listOf([...value].map(([k, v]) => `${inner(k)} => ${inner(v)}`), value.size)}}`;
    if (value instanceof Set) return `Set(${value.size}) {${listOf([...value].map(inner), value.size)}}`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    const entries = Object.keys(value).map((key) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`}: ${inner((value as Record<string, unknown>)[key])}`);
    const constructorName = (value as { constructor?: { name?: string } }).constructor?.name;
    const prefix = constructorName && constructorName !== 'Object' ? `${constructorName} ` : '';
    return `${prefix}{${listOf(entries, entries.length)}}`;
  } finally {
    seen.delete(value);
  }
}

function listOf(items: string[], total: number): string {
  const shown = items.slice(0, maxItems);
  return shown.join(', ') + (total > maxItems ? `, …${total - maxItems} more` : '');
}

function isError(value: object): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}
