// Collision-free names for what the lowering introduces. A name is taken only if no identifier
// anywhere in the file spells it, so a generated binding can never shadow or be shadowed by user code.
import { toIdentifier } from './text.js';

export class NameAllocator {
  private readonly taken: Set<string>;
  constructor(namesInFile: Set<string>) {
    this.taken = new Set(namesInFile);
  }
  /**
   * A name for a binding private to one generated scope (an arrow IIFE): free of every user and
   * claimed name, but not reserved, so every such scope can use the same one. Identical source then
   * lowers to identical text, which keeps `String(fn)` of two copies of one arrow equal.
   */
  local(base: string): string {
    const stem = toIdentifier(base);
    let name = stem;
    for (let n = 2; this.taken.has(name); n++) name = `${stem}${n}`;
    return name;
  }
  /** `base` if free, else `base2`, `base3`, ... */
  claim(base: string): string {
    const stem = toIdentifier(base);
    let name = stem;
    for (let n = 2; this.taken.has(name); n++) name = `${stem}${n}`;
    this.taken.add(name);
    return name;
  }
}
