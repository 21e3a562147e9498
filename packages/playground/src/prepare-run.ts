// "await sleep(1000)" => "yield __yieldfromAt(0, sleep(1000))", and the helper import bound to the run
// worker's runtime: the lowered program a run executes, plus the original made runnable.
//
// A run always lowers with `helpers: 'import'`, whatever the display options say: the helpers must be
// the run worker's runtime instance, the one its tracer is installed in. Each suspension first reports
// its index (after its argument is evaluated, so a nested `await` cannot overwrite it), which lets the
// timeline link an event to its exact `await`. TypeScript and JSX are compiled away by TypeScript's
// transpileModule (loaded on first need), for both programs. Every step's source map is kept, so a
// runtime error's position leads back to the source.
import { parse, type ParserPlugin } from '@babel/parser';
import MagicString from 'magic-string';
import type { SourceMap } from '@yieldfrom/transformer';
import { runtimeGlobal, suspensionMarker, type Lowering, type RunnablePair, type SourceInput } from './protocol';
import { lowerForDisplay } from './lower-for-display';

// The helper import is one statement on the first line (after a hashbang, directives, or generator
// slots the lowering hoisted there), never at a fixed position.
// One per runtime module the program uses: `import { spawn as _spawn } from "@yieldfrom/runtime/spawn";`.
const runtimeImport = /\bimport \{([^}]*)\} from "@yieldfrom\/runtime(?:\/[\w-]+)?";/g;
const runtimeRequire = /require\("@yieldfrom\/runtime(?:\/[\w-]+)?"\)/g;
const needsCompiling = /\.([cm]?tsx?|jsx)$/;

export async function prepareRun(input: SourceInput): Promise<{ lowering: Lowering; runnable?: RunnablePair; error?: string }> {
  const lowering = lowerForDisplay({ ...input, options: { ...input.options, helpers: 'import' } });
  if (!lowering.ok) return { lowering };
  const s = new MagicString(lowering.code);
  const isModule = bindRuntime(s, lowering.code, input);
  for (const [index, suspension] of lowering.suspensions.entries()) {
    const { start, end } = suspension.output;
    if (lowering.code.startsWith('yield', start)) {
      s.appendLeft(start + 5, ` ${suspensionMarker}(${index},`);
      s.appendLeft(end, ')');
    }
  }
  // The instrumented text is checked by parsing it; should a shape ever defeat the edit, the run
  // goes on without exact event-to-await links rather than fail.
  let instrumented = s;
  if (!parses(s.toString(), input.filename, isModule)) {
    instrumented = new MagicString(lowering.code);
    bindRuntime(instrumented, lowering.code, input);
  }
  const maps: SourceMap[] = [lowering.map, instrumented.generateMap({ hires: true, source: 'lowered.js', includeContent: false }) as unknown as SourceMap];
  let lowered = instrumented.toString();
  let native = input.code;
  if (needsCompiling.test(input.filename)) {
    try {
      const { compileAway } = await import('./compile-away');
      const compiledLowered = compileAway(lowered, input.filename, { sourceMap: true });
      lowered = compiledLowered.code;
      maps.push(compiledLowered.map!);
      native = compileAway(input.code, input.filename, { sourceMap: false }).code;
    } catch (error) {
      return { lowering, error: `could not compile ${input.filename} to JavaScript: ${(error as Error).message}` };
    }
  }
  return { lowering, runnable: { native, lowered, maps: maps.reverse(), isModule } };
}

/** Points the helper import (or require) at the run worker's runtime; says whether the program is a module. */
function bindRuntime(s: MagicString, code: string, input: SourceInput): boolean {
  const imports = [...code.matchAll(runtimeImport)];
  for (const imported of imports) {
    const bindings = imported[1]!.replace(/ as /g, ': ');
    s.overwrite(imported.index, imported.index + imported[0].length, `const {${bindings}} = globalThis.${runtimeGlobal};`);
  }
  if (imports.length) return true;
  const requires = [...code.matchAll(runtimeRequire)];
  for (const required of requires) s.overwrite(required.index, required.index + required[0].length, `globalThis.${runtimeGlobal}`);
  if (requires.length) return false;
  if (input.options.sourceType !== 'unambiguous') return input.options.sourceType === 'module';
  return /^\s*(import|export)\b/m.test(code);
}

function parses(code: string, filename: string, isModule: boolean): boolean {
  const plugins: ParserPlugin[] = /\.[cm]?tsx?$/.test(filename) ? ['typescript'] : [];
  if (!/\.[cm]?ts$/.test(filename)) plugins.push('jsx');
  try {
    parse(code, { sourceType: isModule ? 'module' : 'script', plugins, errorRecovery: false, allowReturnOutsideFunction: !isModule });
    return true;
  } catch {
    return false;
  }
}
