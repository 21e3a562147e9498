// Collision-free names for what the lowering introduces. A name is taken only if no identifier
// anywhere in the file spells it, so a generated binding can never shadow or be shadowed by user code.
import { toIdentifier } from './text.js';

export class NameAllocator {
  private readonly taken: Set<string>;
  /**
   * `namesInFile`: the identifiers of the parts of the file that were walked; `spelledElsewhere`
   * tells whether a name is spelled in the rest (statements left unparsed or unwalked).
   */
  constructor(namesInFile: Set<string>, private readonly spelledElsewhere: (name: string) => boolean = () => false) {
    this.taken = new Set(namesInFile);
  }
  private isTaken(name: string): boolean {
    if (this.taken.has(name)) return true;
    if (!this.spelledElsewhere(name)) return false;
    this.taken.add(name);
    return true;
  }
  /**
   * A name for a binding private to one generated scope (an arrow IIFE): free of every user and
   * claimed name, but not reserved, so every such scope can use the same one. Identical source then
   * lowers to identical text, which keeps `String(fn)` of two copies of one arrow equal.
   */
  local(base: string): string {
    const stem = toIdentifier(base);
    let name = stem;
    for (let n = 2; this.isTaken(name); n++) name = `${stem}${n}`;
    return name;
  }
  /** `base` if free, else `base2`, `base3`, ... */
  claim(base: string): string {
    const stem = toIdentifier(base);
    let name = stem;
    for (let n = 2; this.isTaken(name); n++) name = `${stem}${n}`;
    this.taken.add(name);
    return name;
  }
}

const identifierPart = /[\p{ID_Continue}$\u200C\u200D]/u;

/**
 * Whether `name` occurs as a whole word in `code` inside one of `ranges` (sorted, disjoint): what
 * scanning those ranges for identifiers would find, without scanning them unless a name is asked for.
 */
export function spelledInRanges(code: string, ranges: readonly [number, number][], name: string): boolean {
  let range = 0;
  for (let at = code.indexOf(name); at >= 0; at = code.indexOf(name, at + 1)) {
    while (range < ranges.length && ranges[range]![1] < at + name.length) range++;
    if (range === ranges.length) return false;
    if (at < ranges[range]![0]) continue;
    const before = at > 0 ? code[at - 1]! : '';
    const after = code[at + name.length] ?? '';
    if (!identifierPart.test(before) && !identifierPart.test(after)) return true;
  }
  return false;
}

/**
 * `spelledInRanges` for many names: every generated name starts with `_`, so one scan of the ranges
 * for the words starting with `_` (made on the first question, and rare in most code) answers them
 * all, where scanning the file once per name cost large files time quadratic in their functions.
 */
export function spelledInRangesLookup(code: string, ranges: readonly [number, number][]): (name: string) => boolean {
  let underscored: Set<string> | undefined;
  return (name) => {
    if (!name.startsWith('_')) return spelledInRanges(code, ranges, name);
    if (!underscored) {
      underscored = new Set();
      for (const [start, end] of ranges) {
        for (let at = code.indexOf('_', start); at >= 0 && at < end; at = code.indexOf('_', at + 1)) {
          if (at > 0 && identifierPart.test(code[at - 1]!)) continue;
          let stop = at + 1;
          while (stop < code.length && identifierPart.test(code[stop]!)) stop++;
          underscored.add(code.slice(at, stop));
          at = stop - 1;
        }
      }
    }
    return underscored.has(name);
  };
}
