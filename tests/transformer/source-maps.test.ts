// Each `await` maps to its `yield` and back, through the map and through `suspensions`.
import { describe, expect, it } from 'vitest';
import { transform } from '@yieldfrom/transformer';
import MagicString from 'magic-string';
import { TraceMap, originalPositionFor, generatedPositionFor } from '@jridgewell/trace-mapping';

const source = `// header comment
export async function load(url, retries = 3) {
  const response = await fetch(url);
  const body = await response.json();
  return { body, n: await retries };
}
export const arrow = async (x) =>
  (await x) * 2;
class C { async m() { await null; } }
`;

function offsetToPosition(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length };
}

describe('source maps', () => {
  const result = transform(source, { filename: 'src/load.js', sourceMaps: true });
  const map = new TraceMap(result.map as never);
  const awaits = [...source.matchAll(/\bawait\b/g)].map((m) => m.index!);

  it('has one suspension per await, in source order', () => {
    expect(result.suspensions.map((s) => s.source.start)).toEqual(awaits);
  });

  it('maps each await to a yield in the output and back', () => {
    for (const suspension of result.suspensions) {
      expect(result.code.slice(suspension.output.start, suspension.output.start + 5)).toBe('yield');
      const original = offsetToPosition(source, suspension.source.start);
      const generated = generatedPositionFor(map, { source: 'src/load.js', line: original.line, column: original.column });
      expect(generated.line).toBe(suspension.output.line);
      expect(generated.column).toBe(suspension.output.column);
      const back = originalPositionFor(map, { line: suspension.output.line, column: suspension.output.column });
      expect({ line: back.line, column: back.column }).toEqual(original);
    }
  });

  it('maps every token of unchanged lines to itself, whitespace to the token before it', () => {
    const text = [
      'const table = { scale: 2, offset: [1, 2] }; // a comment',
      'export function plain(a, b) {',
      '  if (a > b && !table.offset.includes(a)) return `${a}-${b}`;',
      "  return a * table.scale + 'x'.length;",
      '}',
      'export async function lowered(x) {',
      '  return (await x) + plain(x, 1);',
      '}',
      '',
    ].join('\n');
    const lowered = transform(text, { filename: 'plain.js', sourceMaps: true });
    const traced = new TraceMap(lowered.map as never);
    const outputLines = lowered.code.split('\n');
    let checked = 0;
    text.split('\n').forEach((line, index) => {
      if (!line || outputLines[index] !== line) return;
      for (const token of line.matchAll(/[\w$]+|[^\w$\s]/g)) {
        const position = originalPositionFor(traced, { line: index + 1, column: token.index! });
        expect({ line: position.line, column: position.column }, `${token[0]} at ${index + 1}:${token.index}`).toEqual({ line: index + 1, column: token.index });
        checked++;
      }
      // A space maps to the token before it, never to another line or token.
      const space = line.indexOf(' ', 1);
      if (space > 0) expect(originalPositionFor(traced, { line: index + 1, column: space }).line).toBe(index + 1);
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('names the enclosing function of each suspension', () => {
    expect(result.suspensions.map((s) => s.functionName)).toEqual(['load', 'load', 'load', 'arrow', 'm']);
  });

  it('keeps the source text in the map and lines aligned', () => {
    expect(result.map!.sourcesContent).toEqual([source]);
    expect(result.code.split('\n').length).toBe(source.split('\n').length);
  });

  it('appends an inline map when asked', () => {
    const inline = transform(source, { filename: 'src/load.js', sourceMaps: 'inline' });
    expect(inline.code).toMatch(/\n\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,[A-Za-z0-9+/=]+$/);
  });

  it('chains through an input source map', () => {
    // An earlier step that changed nothing but the file's name: an identity map to original.ts.
    const text = 'async function a() {\n  await 1;\n}\n';
    const inputMap = new MagicString(text).generateMap({ source: 'original.ts', hires: true, includeContent: true });
    const chained = transform(text, { filename: 'stage1.js', sourceMaps: true, inputSourceMap: inputMap.toString() });
    expect(chained.map!.sources).toEqual(['original.ts']);
    const suspension = chained.suspensions[0]!;
    const back = originalPositionFor(new TraceMap(chained.map as never), { line: suspension.output.line, column: suspension.output.column });
    expect(back).toMatchObject({ source: 'original.ts', line: 2, column: 2 });
  });
});
