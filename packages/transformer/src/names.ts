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
 * Whether a name occurs as a whole word in `code` inside `ranges` (sorted, disjoint): the words of the
 * ranges that start with the asked name's first character, collected on the first question about
 * that character. Generated names all start with `_`, rare in most code, so one cheap scan answers
 * every question (a scan of the file per name made large files quadratic in their functions).
 */
export function spelledInRangesLookup(code: string, ranges: readonly [number, number][]): (name: string) => boolean {
  const wordsByInitial = new Map<string, Set<string>>();
  return (name) => {
    const initial = name[0]!;
    let words = wordsByInitial.get(initial);
    if (!words) {
      wordsByInitial.set(initial, (words = new Set()));
      for (const [start, end] of ranges) {
        for (let at = code.indexOf(initial, start); at >= 0 && at < end; at = code.indexOf(initial, at + 1)) {
          if (at > 0 && identifierPart.test(code[at - 1]!)) continue;
          let stop = at + 1;
          while (stop < code.length && identifierPart.test(code[stop]!)) stop++;
          words.add(code.slice(at, stop));
          at = stop - 1;
        }
      }
    }
    return words.has(name);
  };
}
