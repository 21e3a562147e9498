// Collision-free names for what the lowering introduces. A name is taken only if no identifier
// anywhere in the file spells it, so a generated binding can never shadow or be shadowed by user code.
import { toIdentifier } from './text.js';

export class NameAllocator {
  private readonly taken: Set<string>;
  constructor(namesInFile: Set<string>) {
    this.taken = new Set(namesInFile);
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
