// The one place helpers are injected. A helper claims a collision-free local name on first use; at
// the end the pass emits either an import of @yieldfrom/runtime (a require in scripts) or an inline
// copy generated from the built runtime.
import type MagicString from 'magic-string';
import type { NameAllocator } from './names.js';
import type { NormalizedOptions } from './options.js';
import { runtimeHelpers, runtimeModules } from './generated/runtime-inline.js';

/** Helpers by the name the runtime exports them under. */
export type HelperName = 'spawn' | 'spawnGlobal' | 'currentCaptures' | 'freshGenerator' | 'asyncGenerator' | 'asyncGeneratorFunction' | 'asyncGeneratorMethods' | 'toPropertyKey' | 'awaitMarker' | 'yieldStar' | 'forAwait' | 'apply' | 'optionalMethod';

export class HelperRegistry {
  private readonly used = new Map<HelperName, string>();
  constructor(private readonly names: NameAllocator) {}

  /** The local name to call `helper` by in the output. */
  use(helper: HelperName): string {
    let local = this.used.get(helper);
    if (!local) {
      local = this.names.claim(`_${helper}`);
      this.used.set(helper, local);
    }
    return local;
  }

  get isEmpty(): boolean {
    return this.used.size === 0;
  }

  /** Inserts the import or inline copy at `index` (after any directive prologue), on one line. */
  emit(s: MagicString, index: number, options: NormalizedOptions, isModule: boolean, separator: string): void {
    if (this.isEmpty) return;
    const bindings = [...this.used].map(([helper, local]) => ({ helper, local }));
    let text: string;
    if (options.helpers === 'inline') {
      text = `var { ${bindings.map((b) => `${b.helper}: ${b.local}`).join(', ')} } = ${inlineRuntime(bindings.map((b) => b.helper))};`;
    } else if (isModule) {
      const specifiers = bindings.map((b) => (b.helper === b.local ? b.helper : `${b.helper} as ${b.local}`));
      text = `import { ${specifiers.join(', ')} } from ${JSON.stringify(options.runtimeModule)};`;
    } else {
      text = `var { ${bindings.map((b) => `${b.helper}: ${b.local}`).join(', ')} } = require(${JSON.stringify(options.runtimeModule)});`;
    }
    // At the very start, before what the lowering moved there (an arrow's generator), so a reader
    // meets the helpers first.
    if (index === 0) s.prepend(`${text} `);
    else s.appendRight(index, `${separator} ${text}`);
  }
}

/** `(() => { "use strict"; ...modules...; return { spawn: spawn }; })()` for the given helpers. */
export function inlineRuntime(helpers: string[]): string {
  const ordered: string[] = [];
  const visit = (module: string) => {
    if (ordered.includes(module)) return;
    for (const dep of runtimeModules[module]!.deps) visit(dep);
    ordered.push(module);
  };
  for (const helper of helpers) visit(runtimeHelpers[helper]!);
  const body = ordered.map((module) => runtimeModules[module]!.code).join(' ');
  return `(() => { "use strict"; ${body} return { ${helpers.map((h) => `${h}: ${h}`).join(', ')} }; })()`;
}
