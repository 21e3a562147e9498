// The one place helpers are injected. A helper claims a collision-free local name on first use; at
// the end the pass emits either imports of the runtime (requires in scripts) or an inline copy
// generated from the built runtime.
//
// @yieldfrom/runtime is imported module by module, as Babel imports @babel/runtime/helpers/*, so a
// bundler, a dev server or Node loads only the modules a file uses (the async generator machinery is
// most of the runtime) whether or not it tree-shakes:
//
//   import { spawn as _spawn } from "@yieldfrom/runtime/spawn";
//
// A custom `runtimeModule` may have no such subpaths: it is imported whole.
import type MagicString from 'magic-string';
import type { NameAllocator } from './names.js';
import { defaultRuntimeModule, type NormalizedOptions } from './options.js';
import { runtimeHelpers, runtimeModules } from './generated/runtime-inline.js';
import { helperModules, type HelperName } from './runtime-modules.js';

export type { HelperName } from './runtime-modules.js';

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
  emit(s: MagicString, index: number, options: NormalizedOptions, isModule: boolean, separator: string, atLineStart: boolean): void {
    if (this.isEmpty) return;
    const bindings = [...this.used].map(([helper, local]) => ({ helper, local }));
    const destructured = (group: Binding[]) => `{ ${group.map((b) => `${b.helper}: ${b.local}`).join(', ')} }`;
    let text: string;
    if (options.helpers === 'inline') {
      text = `var ${destructured(bindings)} = ${inlineRuntime(bindings.map((b) => b.helper))};`;
    } else {
      const statements = [];
      for (const [module, group] of bySourceModule(bindings, options.runtimeModule)) {
        const specifiers = group.map((b) => (b.helper === b.local ? b.helper : `${b.helper} as ${b.local}`));
        const source = JSON.stringify(module);
        statements.push(isModule ? `import { ${specifiers.join(', ')} } from ${source};` : `var ${destructured(group)} = require(${source});`);
      }
      text = statements.join(' ');
    }
    // Before the first token (see prologueEnd), ahead of what the lowering moved there (an arrow's
    // generator), so a reader meets the helpers first.
    if (index === 0) s.prepend(`${text} `);
    else if (atLineStart) s.prependLeft(index, `${text} `);
    else s.appendRight(index, `${separator} ${text}`);
  }
}

interface Binding {
  helper: HelperName;
  local: string;
}

/** The bindings grouped by the module they are imported from, in order of first use. */
function bySourceModule(bindings: Binding[], runtimeModule: string): Map<string, Binding[]> {
  const groups = new Map<string, Binding[]>();
  for (const binding of bindings) {
    const module = runtimeModule === defaultRuntimeModule ? `${runtimeModule}/${helperModules[binding.helper]}` : runtimeModule;
    const group = groups.get(module);
    if (group) group.push(binding);
    else groups.set(module, [binding]);
  }
  return groups;
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
